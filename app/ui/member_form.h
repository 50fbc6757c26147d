// Sign up a new member: the few fields needed at a stand or on the phone.
#pragma once
#include "core/members/member.h"
#include "ui/app_state.h"

#include <string>

namespace obole::ui {

class MemberForm {
public:
    void draw(AppState& app);
    void clear();

private:
    void save(AppState& app);
    NewMember in_;
    std::string error_field_, error_; // the field at fault ("" for the form), and why
    bool want_focus_ = true;
};

} // namespace obole::ui
