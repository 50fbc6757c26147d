// The bank's returns, applied: each rejected or returned collection becomes
// failed with its reason code and day; a collection that had already become
// a gift (returned after settlement: a refund the donor asked for) has that
// gift voided, so money-in totals, segments and receipts stop counting it
// (receipts follow, core/receipts/corrected_receipts.h); the reason may end
// or suspend the mandate (core/sepa/return_reason.h). A whole file or
// payment block the bank rejected fails each of its collections, listed in
// the report or not. All in one transaction, or nothing.
//
// A file is refused whole when it is not a return file, names another
// creditor (its SEPA identifier or account is not the association's), or
// names none of the association's collections. Importing it again changes
// nothing: a collection already failed is counted as known.
#pragma once

#include <string>
#include <string_view>

#include "core/receipts/tax_receipt_repository.h"
#include "core/result.h"

namespace obole {

class Store;
struct CreditorSettings;

struct ReturnImport {
    std::string format;
    int lines = 0;        // returns in the file
    int failed_now = 0;   // collections marked failed by this import
    int already = 0;      // failed before (this file, or another, was imported)
    int unknown = 0;      // not collections of this association
    int gifts_voided = 0; // returned after they became gifts
    int mandates_ended = 0, mandates_suspended = 0;
};

// read_bank_return's errors; sepa.other_creditor; sepa.unknown_collections.
Result<ReturnImport> import_bank_return(Store& store, std::string_view bytes, const CreditorSettings& creditor,
                                        ReceiptNumbering numbering, const std::string& operator_name);

} // namespace obole
