#include "core/money/gift_batch.h"

#include <nlohmann/json.hpp>

#include "core/money/money.h"
#include "core/text/text_fold.h"

namespace obole {

const std::vector<PaymentMethod>& batch_payment_methods()
{
    static const std::vector<PaymentMethod> methods = {PaymentMethod::cash, PaymentMethod::cheque, PaymentMethod::card,
                                                       PaymentMethod::other};
    return methods;
}

BatchTotals batch_totals(const std::vector<BatchLine>& lines)
{
    BatchTotals t;
    for (PaymentMethod m : batch_payment_methods())
        t.by_method.push_back({m, 0, 0});
    for (const BatchLine& line : lines) {
        ++t.count;
        t.cents += line.amount_cents;
        for (MethodTally& m : t.by_method)
            if (m.method == line.method) {
                ++m.count;
                m.cents += line.amount_cents;
            }
    }
    return t;
}

Result<std::vector<MethodTally>> parse_control(const std::vector<ControlEntry>& typed)
{
    std::vector<MethodTally> out;
    for (const ControlEntry& e : typed) {
        MethodTally t{e.method, 0, 0};
        const std::string_view count = trim_spaces(e.count_text);
        const std::string field = to_string(e.method);
        if (!count.empty()) {
            if (count.size() > 6 || digits_only(count) != count)
                return fail("batch.bad_count", "Count the items: a whole number.", "count_" + field);
            t.count = std::stoi(std::string(count));
        }
        if (!trim_spaces(e.amount_text).empty()) {
            Result<int64_t> cents = parse_amount_cents(e.amount_text);
            if (!cents) {
                Error err = cents.error();
                err.field = "amount_" + field;
                return err;
            }
            t.cents = *cents;
        }
        out.push_back(t);
    }
    return out;
}

std::vector<ControlDifference> control_differences(const BatchTotals& entered, const std::vector<MethodTally>& expected)
{
    std::vector<ControlDifference> out;
    for (const MethodTally& have : entered.by_method) {
        MethodTally want{have.method, 0, 0};
        for (const MethodTally& e : expected)
            if (e.method == have.method)
                want = e;
        if (want.count != have.count || want.cents != have.cents)
            out.push_back({have.method, want, have});
    }
    return out;
}

std::string control_json(const std::vector<MethodTally>& control)
{
    nlohmann::json j = nlohmann::json::object();
    for (const MethodTally& t : control)
        j[to_string(t.method)] = {{"count", t.count}, {"cents", t.cents}};
    return j.dump();
}

std::vector<MethodTally> control_from_json(std::string_view text)
{
    std::vector<MethodTally> out;
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object())
        return out;
    for (PaymentMethod m : batch_payment_methods()) {
        auto it = j.find(to_string(m));
        if (it == j.end() || !it->is_object())
            continue;
        // Checked before reading: a wrong type would throw (and abort the wasm build).
        auto count = it->find("count");
        auto cents = it->find("cents");
        if (count == it->end() || cents == it->end() || !count->is_number_integer() || !cents->is_number_integer())
            continue;
        out.push_back({m, count->get<int>(), cents->get<int64_t>()});
    }
    return out;
}

} // namespace obole
