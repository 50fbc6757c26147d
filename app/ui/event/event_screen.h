// Event mode: a volunteer at a stand or a gala. A session is a gift batch
// tied to an event and a campaign (core/money/gift_batch_repository.h); in it,
// the volunteer finds or signs up the person, takes their gift into the
// batch grid, their membership, their signature, checks them in, and at the
// end closes the cash box against its count. Everything is saved on the
// device as it is entered, network or not.
#pragma once
#include "ui/app_state.h"
#include "ui/event/batch_grid.h"
#include "ui/event/cash_box_close.h"
#include "ui/event/check_in_list.h"
#include "ui/event/event_session.h"
#include "ui/event/member_strip.h"
#include "ui/event/quick_find.h"
#include "ui/event/session_opener.h"
#include "ui/freshness.h"

#include <string>

namespace obole::ui {

class EventScreen {
public:
    void draw(AppState& app);

private:
    void load(AppState& app, const std::string& batch_id);
    void draw_session(AppState& app);
    void draw_choices(AppState& app);

    SessionOpener opener_;
    EventSession session_;
    Freshness fresh_;
    bool choices_loaded_ = false;
    SessionChoices choices_;
    QuickFind find_;
    MemberStrip member_;
    BatchGrid grid_;
    CheckInList check_in_;
    CashBoxClose close_;
};

} // namespace obole::ui
