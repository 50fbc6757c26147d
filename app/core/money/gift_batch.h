// A batch of gifts entered together and closed against the cash box: the
// rows a volunteer types at an event's stand (or the office from the
// morning's post), and the control totals counted by hand that they must
// match before the gifts are posted. See gift_batch_repository.h for how a
// batch is kept.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/money/gift.h"
#include "core/result.h"

namespace obole {

// The payment methods of a cash box, in the order the grid offers them.
const std::vector<PaymentMethod>& batch_payment_methods(); // cash, cheque, card, other

struct GiftBatch {
    std::string id, name, event_id, event_name, campaign_id, campaign_code, operator_name, opened_at;
    bool closed = false;
    std::string closed_at, control, mismatch_note;
};

struct BatchLine {
    std::string id, batch_id;
    int line_no = 0;
    std::string member_id;
    int64_t member_no = 0;
    std::string member_name, gift_date;
    int64_t amount_cents = 0;
    PaymentMethod method = PaymentMethod::cash;
    std::string reference;   // cheque number, card terminal reference, or what "other" was
    std::string cheque_bank; // the bank a cheque is drawn on (the deposit slip lists it)
    std::string campaign_id, campaign_code;
};

// What the grid's row holds as it is typed.
struct NewBatchLine {
    std::string member_id, amount_text;
    PaymentMethod method = PaymentMethod::cash;
    std::string reference, cheque_bank, campaign_id;
};

// A count and a sum for one payment method.
struct MethodTally {
    PaymentMethod method = PaymentMethod::cash;
    int count = 0;
    int64_t cents = 0;
};

// One per method of batch_payment_methods(), in that order.
struct BatchTotals {
    int count = 0;
    int64_t cents = 0;
    std::vector<MethodTally> by_method;
};

BatchTotals batch_totals(const std::vector<BatchLine>& lines);

// What was counted in the cash box, as typed: a count and an amount per
// method (both empty: nothing of that method).
struct ControlEntry {
    PaymentMethod method = PaymentMethod::cash;
    std::string count_text, amount_text;
};

// Parses the counted totals: batch.bad_count (field "count_<method>") and
// amount.* (field "amount_<method>"; an empty amount is zero).
Result<std::vector<MethodTally>> parse_control(const std::vector<ControlEntry>& typed);

// Where the entered lines and the cash box disagree, method by method.
struct ControlDifference {
    PaymentMethod method = PaymentMethod::cash;
    MethodTally expected, entered;
};
std::vector<ControlDifference> control_differences(const BatchTotals& entered,
                                                   const std::vector<MethodTally>& expected);

// The control totals as the batch row keeps them (JSON), and back.
std::string control_json(const std::vector<MethodTally>& control);
std::vector<MethodTally> control_from_json(std::string_view json);

} // namespace obole
