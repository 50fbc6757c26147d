// The dossier's answers to a person's GDPR requests: "Export everything
// held" (the right of access, for the office: a JSON file and a printable
// page, core/privacy/member_access_export.h) and "Erase this person…" (an
// administrator's, after a confirmation that says what goes and what stays:
// core/privacy/member_erasure.h; every device applies it at its next sync).
#pragma once
#include "core/members/member.h"
#include "ui/app_state.h"

#include <string>

namespace obole::ui {

class PrivacyPanel {
public:
    // The buttons the operator's role allows, on the identity line.
    void draw(AppState& app, const Member& m);

private:
    void export_everything(AppState& app, const Member& m);
    void draw_erase_confirm(AppState& app, const Member& m);
    std::string error_;
};

} // namespace obole::ui
