// Gifts are money facts: insert-only. A correction is a new row, never an edit.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace obole {

enum class PaymentMethod { cash, cheque, card, transfer, direct_debit, other };

const char* to_string(PaymentMethod method);                          // "cash", "cheque", ...
bool parse_payment_method(std::string_view text, PaymentMethod* out); // false when unknown

// A gift as its corrections leave it (core/money/gift_now.h): member, date,
// method and campaign are the corrected ones; amount_cents is what the
// association keeps (0 when voided, less the refunds).
struct Gift {
    std::string id, member_id;
    int64_t amount_cents = 0;
    std::string currency, gift_date;
    PaymentMethod method = PaymentMethod::cash;
    std::string cheque_number, cheque_bank, campaign_id, campaign_code, campaign_name, operator_name, created_at;
    std::string payment_ref, batch_id;
    int64_t entered_cents = 0;  // as typed when the gift was entered
    int64_t amended_cents = 0;  // as last amended (entered_cents when never amended)
    int64_t refunded_cents = 0; // given back, all refunds together
    bool voided = false;
    int corrections = 0; // how many: the dossier offers their history when > 0
};

struct NewGift {
    std::string member_id, amount_text, date_text, campaign_id, cheque_number;
    std::string cheque_bank; // the bank the cheque is drawn on, for the deposit slip
    PaymentMethod method = PaymentMethod::cash;
    std::string currency = "EUR";
    // A card terminal's reference, or what an "other" payment was.
    std::string payment_ref;
    // Posted from a gift batch: the batch, and the line's UUID as the gift's
    // (so a line is never posted twice). Empty otherwise: a new UUID.
    std::string batch_id, id;
    // Empty: now. A gift two devices may write alike (a settled
    // collection's) gives one, so that both rows are the same.
    std::string created_at;
};

} // namespace obole
