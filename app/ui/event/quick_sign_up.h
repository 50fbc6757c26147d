// The short sign-up of a stand: name, email or phone, postcode. As it is
// typed, the people already on the device who may be the same person are
// listed (core/members/duplicate_hints.h), and one tap picks them instead.
#pragma once
#include "core/members/duplicate_hints.h"
#include "core/members/member.h"
#include "ui/app_state.h"
#include "ui/dossier/form_row.h"
#include "ui/event/event_session.h"
#include "ui/read_failure.h"

#include <string>
#include <vector>

namespace obole::ui {

class QuickSignUp {
public:
    enum class Outcome { editing, chosen, cancelled };
    // Starts an empty form; what was typed in the find box goes to the last name.
    void start(const std::string& typed);
    Outcome draw(AppState& app, EventSession& session);

private:
    bool save(AppState& app, EventSession& session);
    NewMember in_;
    NewMember hinted_; // the fields the hints were looked up for
    std::vector<DuplicateHint> hints_;
    ReadFailure hints_read_;
    FormError error_;
    bool want_focus_ = false;
};

} // namespace obole::ui
