// Card gifts: recurring card or PayPal gifts (only the card's last four
// digits and expiry are kept), and a form to record one.
#pragma once
#include "core/members/member.h"
#include "core/money/card_recurring_repository.h"
#include "ui/app_state.h"
#include "ui/dossier/form_row.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"

#include <vector>

namespace obole::ui {

class CardGiftsTab {
public:
    void draw(AppState& app, const Member& member);

private:
    void draw_form(AppState& app, const Member& member);
    void draw_list(AppState& app, bool editable);
    void reset_form();
    bool save(AppState& app, const Member& member);
    Freshness fresh_;
    std::vector<CardRecurring> gifts_;
    ReadFailure read_;
    bool paypal_ = false;
    std::string amount_, last4_, expiry_, start_date_;
    Frequency frequency_ = Frequency::monthly;
    FormError error_;
    std::string status_error_;
};

} // namespace obole::ui
