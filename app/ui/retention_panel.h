// Settings → Retention (administrators): the members no one has heard from
// for N years (core/privacy/retention.h), listed oldest first, each one
// open in their dossier with a click and left out with its box, then
// erased together after one confirmation (ui/person_erasure.h).
#pragma once
#include "core/privacy/retention.h"
#include "ui/app_state.h"

#include <string>
#include <vector>

namespace obole::ui {

class RetentionPanel {
public:
    void draw(AppState& app);

private:
    void list(AppState& app);
    void draw_list(AppState& app);
    void draw_confirm(AppState& app);
    std::vector<std::string> chosen_ids() const;

    int years_ = 0;
    bool years_read_ = false; // years_ read from the setting once, then as typed
    bool listed_ = false;
    std::vector<InactiveMember> members_;
    std::vector<char> chosen_; // per member: erase (the box ticked)
    std::string error_, message_;
};

} // namespace obole::ui
