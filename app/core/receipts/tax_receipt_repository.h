// Issues, lists and prints tax receipts. A receipt covers gifts no other
// issued receipt covers; a member who opted out (tax-receipt preference
// "none") gets none. Numbers come from the numbering authority (see
// core/receipts/tax_receipt.h and sync/server/receipt_numbering.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/money/gift.h"
#include "core/receipts/tax_receipt.h"
#include "core/result.h"

namespace obole {

class Store;

enum class ReceiptNumbering {
    server, // the device is (or was) enrolled: the receipt waits for the server's number
    here,   // the device was never enrolled: it numbers its own receipts
};

class TaxReceiptRepository {
public:
    explicit TaxReceiptRepository(Store& store) : store_(store) {}

    // One receipt for all the member's gifts of `year` (in euros) that no
    // issued receipt covers yet. Errors: member.not_found,
    // tax_receipt.opted_out, tax_receipt.nothing_to_receipt,
    // tax_receipt.zero_amount. Writes the receipt and a journal entry in one
    // transaction; returns the receipt's id.
    Result<std::string> issue_annual(const std::string& member_id, int year, ReceiptNumbering numbering,
                                     const std::string& operator_name);
    // One receipt for one gift. Errors as above, and gift.not_found,
    // tax_receipt.already_receipted, tax_receipt.not_euro.
    Result<std::string> issue_for_gift(const std::string& member_id, const std::string& gift_id,
                                       ReceiptNumbering numbering, const std::string& operator_name);

    // Cancels a receipt that stopped being true (core/receipts/corrected_receipts.h):
    // a cancellation row dated today with the reason, journaled; the receipt
    // itself is left as issued and its number stays used. Errors:
    // tax_receipt.void, tax_receipt.cancelled (already).
    Result<void> cancel(const TaxReceipt& receipt, const std::string& reason, const std::string& operator_name);
    // The corrective receipt of a cancelled one: same kind and year, the gifts
    // it covered as they now stand and still the donor's, naming the receipt
    // it replaces. Errors as issue_annual (tax_receipt.nothing_to_receipt
    // when no money remains).
    Result<std::string> reissue(const TaxReceipt& cancelled, ReceiptNumbering numbering,
                                const std::string& operator_name);

    // Newest year first.
    Result<std::vector<TaxReceipt>> list_for_member(const std::string& member_id);
    Result<TaxReceipt> find(const std::string& receipt_id); // tax_receipt.not_found
    // The member's euro gifts no issued receipt covers, newest first.
    Result<std::vector<Gift>> unreceipted_gifts(const std::string& member_id);
    // The gifts a receipt covered, as they now stand (a gift moved to
    // another member is no longer among them), newest first.
    Result<std::vector<Gift>> gifts_now(const TaxReceipt& receipt);

    // Counts a print (the first is the original, the next ones duplicates)
    // and journals it; returns the receipt as it is to be printed. Errors:
    // tax_receipt.not_found, tax_receipt.awaiting_number, tax_receipt.void (a
    // cancelled receipt prints, marked as cancelled).
    Result<TaxReceipt> record_print(const std::string& receipt_id, const std::string& operator_name);

private:
    Result<std::string> issue(const std::string& member_id, const std::vector<Gift>& gifts, const std::string& kind,
                              int year, ReceiptNumbering numbering, const std::string& operator_name,
                              const std::string& replaces_id);
    Result<bool> receipted(const std::string& member_id, const std::string& gift_id);

    Store& store_;
};

} // namespace obole
