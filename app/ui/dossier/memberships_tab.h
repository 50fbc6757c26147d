// Memberships (adhésions): periods, fee, status, renewal date; renewing is one action.
#pragma once
#include "core/members/member.h"
#include "core/money/membership_repository.h"
#include "ui/app_state.h"
#include "ui/dossier/form_row.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"

#include <vector>

namespace obole::ui {

class MembershipsTab {
public:
    void draw(AppState& app, const Member& member);

private:
    void draw_renew(AppState& app, const Member& member);
    void draw_form(AppState& app, const Member& member);
    void draw_list();
    void reset_form();
    bool save(AppState& app, const Member& member);
    Freshness fresh_;
    std::vector<Membership> memberships_;
    ReadFailure read_;
    std::string start_, end_, fee_, paid_date_;
    PaymentMethod method_ = PaymentMethod::cheque;
    FormError error_;
    std::string renew_error_;
};

} // namespace obole::ui
