// Mobilisations: the petitions the member signed, newest first, and a form
// to record a signature.
#pragma once
#include "core/campaigns/campaign.h"
#include "core/events/mobilisation_repository.h"
#include "core/members/member.h"
#include "ui/app_state.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"

#include <string>
#include <vector>

namespace obole::ui {

class MobilisationsTab {
public:
    void draw(AppState& app, const Member& member);

private:
    void draw_form(AppState& app, const Member& member);
    void draw_list();
    Freshness fresh_;
    std::vector<Mobilisation> rows_;
    ReadFailure read_;
    std::vector<Campaign> campaigns_;
    std::string petition_, date_, channel_, campaign_id_;
    std::string error_field_, error_;
};

} // namespace obole::ui
