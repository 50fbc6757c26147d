// Before a session: resume one of the operator's open sessions, or open a
// new one by picking the event (or creating it) and the campaign; the
// recent batches of every operator can be looked at (a closed one is
// read-only).
#pragma once
#include "core/campaigns/campaign.h"
#include "core/events/event_repository.h"
#include "core/money/gift_batch.h"
#include "ui/app_state.h"
#include "ui/dossier/form_row.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"

#include <string>
#include <vector>

namespace obole::ui {

class SessionOpener {
public:
    // The id of the batch opened or resumed this frame, or "".
    std::string draw(AppState& app);

private:
    void reload(AppState& app);
    void draw_new_event(AppState& app);
    std::string open(AppState& app);

    Freshness fresh_;
    std::vector<GiftBatch> open_, recent_;
    ReadFailure read_;
    std::vector<Event> events_;
    std::vector<Campaign> campaigns_;
    std::string event_id_, campaign_id_, name_;
    std::string new_event_name_, new_event_date_, new_event_place_;
    bool creating_event_ = false;
    FormError error_;
};

} // namespace obole::ui
