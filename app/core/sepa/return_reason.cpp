#include "core/sepa/return_reason.h"

namespace obole {

namespace {

struct Reason {
    const char* code;
    MandateAction action;
};

constexpr Reason kReasons[] = {
    {"AC01", MandateAction::suspend}, {"AC04", MandateAction::end},     {"AC06", MandateAction::suspend},
    {"AC13", MandateAction::suspend}, {"AG01", MandateAction::suspend}, {"AG02", MandateAction::keep},
    {"AM04", MandateAction::keep},    {"AM05", MandateAction::keep},    {"BE05", MandateAction::keep},
    {"CNOR", MandateAction::keep},    {"DNOR", MandateAction::keep},    {"FF01", MandateAction::keep},
    {"FF05", MandateAction::keep},    {"MD01", MandateAction::end},     {"MD02", MandateAction::suspend},
    {"MD06", MandateAction::keep},    {"MD07", MandateAction::end},     {"MS02", MandateAction::suspend},
    {"MS03", MandateAction::keep},    {"RC01", MandateAction::keep},    {"RR01", MandateAction::keep},
    {"RR02", MandateAction::keep},    {"RR03", MandateAction::keep},    {"RR04", MandateAction::keep},
    {"SL01", MandateAction::keep},    {"FOCR", MandateAction::keep},    {"DUPL", MandateAction::keep},
    {"TECH", MandateAction::keep},    {"FRAD", MandateAction::suspend},
};

} // namespace

MandateAction mandate_action_for(std::string_view code)
{
    for (const Reason& r : kReasons)
        if (code == r.code)
            return r.action;
    return MandateAction::keep;
}

} // namespace obole
