// The session's gift grid, driven by the keyboard: the person is chosen in
// the find box (Enter), then the amount, Tab, the method as one digit
// (1 cash, 2 cheque, 3 card, 4 other), Tab, the cheque number or terminal
// reference, Enter: the line is saved (durable) and the find box waits
// for the next person. Lines can be corrected or struck out until the
// cash box is closed. A running count and total stay in view.
#pragma once
#include "core/campaigns/campaign.h"
#include "core/money/gift_batch.h"
#include "ui/app_state.h"
#include "ui/dossier/form_row.h"
#include "ui/event/event_session.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"

#include <string>
#include <vector>

namespace obole::ui {

class BatchGrid {
public:
    void draw(AppState& app, EventSession& session);
    // The batch's count and sums per method, for the cash box; read again
    // only when the store changed.
    const BatchTotals& totals(AppState& app, const EventSession& session);

private:
    void reload_if_stale(AppState& app, const EventSession& session);
    void draw_entry(AppState& app, EventSession& session);
    void draw_lines(AppState& app, EventSession& session);
    void save(AppState& app, EventSession& session);
    void edit(const BatchLine& line);
    void clear_entry();

    Freshness fresh_;
    std::vector<BatchLine> lines_;
    ReadFailure read_;
    BatchTotals totals_; // of lines_
    std::vector<Campaign> campaigns_;
    // The entry row.
    std::string amount_, method_digit_ = "1", reference_, cheque_bank_, campaign_id_;
    std::string editing_line_, editing_member_; // a line being corrected, and its person
    FormError error_;
};

// "1".."4" to the batch's methods, and back.
PaymentMethod method_from_digit(const std::string& digit);
std::string digit_of(PaymentMethod m);

} // namespace obole::ui
