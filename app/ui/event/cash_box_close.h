// Closing the cash box: what was counted by hand (count and amount per
// payment method) against the lines typed. A difference is shown method by
// method; the volunteer corrects the lines or the count, or closes anyway
// with a note saying why. Once closed, the batch's gifts are posted and the
// batch is locked (core/money/gift_batch_repository.h).
#pragma once
#include "core/money/gift_batch.h"
#include "ui/app_state.h"
#include "ui/dossier/form_row.h"
#include "ui/event/event_session.h"

#include <string>
#include <vector>

namespace obole::ui {

class CashBoxClose {
public:
    // Returns true when the batch was closed this frame.
    bool draw(AppState& app, EventSession& session, const BatchTotals& entered);

private:
    void draw_closed(const EventSession& session, const BatchTotals& entered);
    bool close(AppState& app, EventSession& session, bool mismatch);

    std::vector<ControlEntry> counted_;
    // The count as checked; the differences follow from it and the lines
    // (corrected meanwhile in the Gifts tab, perhaps) on every frame.
    std::vector<MethodTally> count_;
    bool checked_ = false;
    std::string note_;
    FormError error_;
};

} // namespace obole::ui
