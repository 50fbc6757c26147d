// The fundraiser's day on the phone: today's sign-ups by this operator
// (name, amount, frequency, time), the totals, and whether each has
// reached the server or still waits on the device.
#pragma once
#include "core/field/field_day.h"
#include "ui/app_state.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"

namespace obole::ui {

class FieldDayView {
public:
    void draw(AppState& app);

private:
    FieldDay day_;
    ReadFailure read_;
    Freshness fresh_; // keyed by the day shown
};

} // namespace obole::ui
