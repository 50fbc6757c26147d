// What a tax receipt certifies, gift by gift: each gift's UUID, date, payment
// method and the amount the association keeps, as the receipt was issued.
// Stored with the receipt (tax_receipt.lines) so that it prints as issued
// whatever happens to its gifts later, and compared with the gifts as they
// now stand to know when a correction made it untrue
// (core/receipts/corrected_receipts.h).
//
// Text, one gift a line, by date then UUID:
//     "<gift uuid> <YYYY-MM-DD> <method> <cents>"
// Schema 8's migration writes the same text in SQL for older receipts.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/money/gift.h"

namespace obole {

struct ReceiptLine {
    std::string gift_id, date;
    PaymentMethod method = PaymentMethod::cash;
    int64_t cents = 0;
};

// The gifts as a receipt certifies them (voided or wholly refunded gifts,
// which certify nothing, are left out).
std::string receipt_lines(const std::vector<Gift>& gifts);
// The text read back; a line that does not parse is skipped (the text is
// ours, written by receipt_lines or the migration).
std::vector<ReceiptLine> parse_receipt_lines(const std::string& text);

} // namespace obole
