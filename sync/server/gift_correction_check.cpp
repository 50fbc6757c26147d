#include "server/gift_correction_check.h"

#include <string>

namespace obole::server {

namespace {

// Given: a number, or a string that is not empty (only spaces count as none).
bool given(const sync::json& fields, const char* name)
{
    auto v = fields.find(name);
    if (v == fields.end() || v->is_null())
        return false;
    if (!v->is_string())
        return true;
    return v->get_ref<const std::string&>().find_first_not_of(' ') != std::string::npos;
}

Result<void> misfit(const char* field)
{
    return fail("value.bad_correction", "This correction lacks a value its kind needs, or has one it does not use.",
                field);
}

} // namespace

Result<void> check_gift_correction(const sync::json& fields)
{
    if (!given(fields, "reason"))
        return fail("value.no_reason", "Say why the gift is corrected: the history keeps it.", "reason");
    auto kind = fields.find("kind");
    const std::string k = kind != fields.end() && kind->is_string() ? kind->get<std::string>() : "";
    // Per kind, the fields it must have; every other one must be absent.
    struct Use {
        const char* field;
        bool amend, refund, move;
    };
    static const Use kUses[] = {{"amount_cents", true, false, false},   {"gift_date", true, false, false},
                                {"payment_method", true, false, false}, {"refund_cents", false, true, false},
                                {"refund_date", false, true, false},    {"refund_method", false, true, false},
                                {"member_id", false, false, true}};
    for (const Use& u : kUses) {
        const bool needed = k == "amend" ? u.amend : k == "refund" ? u.refund : k == "move" ? u.move : false;
        if (given(fields, u.field) != needed)
            return misfit(u.field);
    }
    // An amendment may leave the campaign empty; nothing else names one.
    if (k != "amend" && given(fields, "campaign_id"))
        return misfit("campaign_id");
    return {};
}

} // namespace obole::server
