// The stand's one search box: type a few letters, Enter takes the first
// person found (arrows and Enter for another); nobody found, sign them up.
#pragma once
#include "core/search/member_search.h"
#include "ui/app_state.h"
#include "ui/event/event_session.h"
#include "ui/event/quick_sign_up.h"
#include "ui/read_failure.h"

#include <string>
#include <vector>

namespace obole::ui {

class QuickFind {
public:
    void draw(AppState& app, EventSession& session);

private:
    std::string query_, searched_;
    std::vector<SearchHit> hits_;
    ReadFailure read_;
    bool signing_up_ = false;
    QuickSignUp sign_up_;
};

} // namespace obole::ui
