// Gifts are money facts: insert-only. A correction is a new row, never an edit.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace obole {

enum class PaymentMethod { cash, cheque, card, transfer, direct_debit, other };

const char* to_string(PaymentMethod method);                          // "cash", "cheque", ...
bool parse_payment_method(std::string_view text, PaymentMethod* out); // false when unknown

struct Gift {
    std::string id, member_id;
    int64_t amount_cents = 0;
    std::string currency, gift_date;
    PaymentMethod method = PaymentMethod::cash;
    std::string cheque_number, campaign_id, campaign_code, campaign_name, operator_name, created_at;
    std::string payment_ref, batch_id;
};

struct NewGift {
    std::string member_id, amount_text, date_text, campaign_id, cheque_number;
    PaymentMethod method = PaymentMethod::cash;
    std::string currency = "EUR";
    // A card terminal's reference, or what an "other" payment was.
    std::string payment_ref;
    // Posted from a gift batch: the batch, and the line's UUID as the gift's
    // (so a line is never posted twice). Empty otherwise: a new UUID.
    std::string batch_id, id;
};

} // namespace obole
