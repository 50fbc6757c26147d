// Sponsorships: the children the member sponsors (active ones first), a form
// to start one, and a button to end an active one.
#pragma once
#include "core/members/member.h"
#include "core/money/sponsorship_repository.h"
#include "ui/app_state.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"

#include <string>
#include <vector>

namespace obole::ui {

class SponsorshipsTab {
public:
    void draw(AppState& app, const Member& member);

private:
    void draw_form(AppState& app, const Member& member);
    void draw_list(AppState& app);
    Freshness fresh_;
    std::vector<Sponsorship> rows_;
    ReadFailure read_;
    NewSponsorship form_;
    std::string error_field_, error_;
    std::string ending_id_, end_date_, end_error_; // the sponsorship being ended
};

} // namespace obole::ui
