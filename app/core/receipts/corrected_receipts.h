// Receipts follow corrections. An issued receipt is never altered: when
// what it certifies (core/receipts/receipt_lines.h) is no longer what its
// gifts say, because one was amended, voided, refunded or moved to another
// member, it is cancelled (a tax_receipt_cancellation row with the day and
// the correction's reason; its number stays used and it still prints,
// marked cancelled) and, where money remains, a corrective receipt of the
// same kind and year replaces it, numbered like any receipt, from the same
// year's gapless sequence.
//
// It is a pass over the receipts, not a reaction to one correction, so it
// settles whatever the order things arrive in: the device runs it with its
// own correction (in the same transaction) and after each pull (a correction
// made elsewhere). When two devices correct one gift offline, both cancel
// the receipt and issue a corrective; the server numbers the first and
// voids the second (its gifts are on a standing receipt), and if the first
// no longer matches the gifts once both corrections are in, the next pass
// cancels it in turn. Volunteers' devices do not run it: the server leaves
// receipts to the office.
#pragma once

#include <string>

#include "core/receipts/tax_receipt_repository.h"
#include "core/result.h"

namespace obole {

class Store;

struct ReceiptFollowUp {
    int cancelled = 0; // receipts cancelled
    int reissued = 0;  // corrective receipts issued
};

Result<ReceiptFollowUp> follow_corrections(Store& store, ReceiptNumbering numbering, const std::string& operator_name);

// What the receipt would certify if it were issued now from the same gifts.
Result<std::string> receipt_lines_now(Store& store, const TaxReceipt& receipt);

// The server's check of a pushed cancellation: the receipt exists and no
// longer says what its gifts say (tax_receipt.not_found,
// tax_receipt.still_true otherwise), so no device cancels a true receipt.
Result<void> check_cancellation(Store& store, const std::string& receipt_id);

} // namespace obole
