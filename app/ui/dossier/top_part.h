// The dossier's top part, shown above every entry screen for the member:
// identity, address, phones, emails, markers, the "active in entry" memo,
// the notepad (edited in place) and the last campaigns received.
#pragma once
#include "core/members/member.h"
#include "ui/app_state.h"
#include "ui/dossier/privacy_panel.h"
#include "ui/dossier/top_part_editor.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"

#include <string>
#include <vector>

namespace obole::ui {

class TopPart {
public:
    void draw(AppState& app, const Member& member);

private:
    void draw_identity(AppState& app, const Member& m);
    // A member signed up in the street: the note, and the office's Unlock.
    void draw_field_lock(AppState& app, const Member& m);
    void draw_contact(const Member& m);
    void draw_markers_and_notepad(AppState& app, const Member& m);
    void draw_campaigns();

    Freshness fresh_;
    TopPartEditor editor_;
    PrivacyPanel privacy_;
    std::vector<CampaignReceived> campaigns_;
    ReadFailure read_;
    std::string notepad_;
    bool notepad_dirty_ = false;
};

} // namespace obole::ui
