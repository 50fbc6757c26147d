// Campaigns the member received, newest first, with whether they gave to
// each (a gift names the campaign).
#pragma once
#include "core/members/member.h"
#include "ui/app_state.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"

#include <vector>

namespace obole::ui {

class CampaignsTab {
public:
    void draw(AppState& app, const Member& member);

private:
    Freshness fresh_;
    std::vector<CampaignReceived> campaigns_;
    ReadFailure read_;
    int gave_ = 0;
};

} // namespace obole::ui
