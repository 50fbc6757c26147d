// Member: entry date, birth date, internal and external codes and scores
// (0..100), edited in place and saved together; the GDPR consents given.
#pragma once
#include "core/members/consent_repository.h"
#include "core/members/member.h"
#include "ui/app_state.h"
#include "ui/dossier/edit_form.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"

#include <string>
#include <vector>

namespace obole::ui {

class MemberTab {
public:
    void draw(AppState& app, const Member& member);

private:
    void load(const Member& m);
    void draw_consents();
    std::vector<Consent> consents_;
    ReadFailure read_;
    Freshness fresh_;
    std::string entry_date_, birth_date_, internal_codes_, external_codes_;
    int internal_score_ = 0, external_score_ = 0;
    bool dirty_ = false;
    EditForm form_;
};

} // namespace obole::ui
