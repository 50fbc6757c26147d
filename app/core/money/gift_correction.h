// A correction of a gift: a new row that names the gift, never an edit of it
// (gifts are money facts, insert-only). How corrections combine into the
// gift as it now stands: core/money/gift_now.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/money/gift.h"

namespace obole {

enum class CorrectionKind {
    amend,  // amount, date, payment method and campaign become those given
    cancel, // "void": the gift did not happen (a bounced cheque, a gift typed twice)
    refund, // part or all of it went back to the donor
    move,   // it belongs to another member (a spouse, the household)
};

const char* to_string(CorrectionKind kind); // "amend", "void", "refund", "move"
bool parse_correction_kind(std::string_view text, CorrectionKind* out);

// One correction as stored, for the gift's history.
struct GiftCorrection {
    std::string id, gift_id;
    CorrectionKind kind = CorrectionKind::amend;
    int64_t amount_cents = 0; // amend: the new amount
    std::string gift_date;    // amend: the new date
    PaymentMethod method = PaymentMethod::cash;
    std::string campaign_code;          // amend: the new campaign's code, "" for none
    std::string member_id, member_name; // move: where it went
    int64_t refund_cents = 0;           // refund
    std::string refund_date;            // refund
    PaymentMethod refund_method = PaymentMethod::cash;
    std::string reason, operator_name, created_at;
};

// What an amendment says the gift is, as typed (the form starts from the
// gift as it stands).
struct GiftAmendment {
    std::string amount_text, date_text, campaign_id;
    PaymentMethod method = PaymentMethod::cash;
};

struct GiftRefund {
    std::string amount_text, date_text; // an empty date: today
    PaymentMethod method = PaymentMethod::transfer;
};

} // namespace obole
