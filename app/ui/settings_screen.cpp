#include "ui/settings_screen.h"

#include "client/sync_engine.h"
#include "core/members/member_repository.h"
#include "core/store/store.h"
#include "ui/accessible.h"
#include "ui/labels.h"
#include "ui/major_threshold_panel.h"
#include "ui/operator_role.h"
#include "ui/read_failure.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstring>

namespace obole::ui {

struct Language {
    const char* code;
    const char* name; // in its own language, so anyone can find theirs
};
static const Language kLanguages[] = {{"en", "English"}, {"fr", "Français"}};

std::string SettingsScreen::draw(AppState& app)
{
    std::string picked;
    if (!operator_loaded_) {
        operator_edit_ = app.operator_name;
        operator_loaded_ = true;
    }
    ImGui::SeparatorText(tr("Settings"));

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Language"));
    ImGui::SameLine(ImGui::GetFontSize() * 10);
    const char* current = kLanguages[0].name;
    for (const Language& l : kLanguages)
        if (std::strcmp(l.code, current_lang()) == 0)
            current = l.name;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (begin_combo(hidden_label(tr("Language")).c_str(), current)) {
        for (const Language& l : kLanguages)
            if (ImGui::Selectable(l.name, std::strcmp(l.code, current_lang()) == 0))
                picked = l.code;
        ImGui::EndCombo();
    }

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Operator"));
    ImGui::SameLine(ImGui::GetFontSize() * 10);
    // An enrolled device works for the operator it was enrolled by: the
    // server records every change it sends under that login, whatever is
    // typed here, so nothing is typed here (issue 17, part 1).
    const std::string enrolled = app.sync ? app.sync->status().operator_login : std::string();
    if (!enrolled.empty()) {
        announced_text(enrolled.c_str());
        ImGui::TextDisabled("%s", tr("Set at enrolment: the server records every change of this device under "
                                     "this operator."));
    } else {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
        if (ImGui::InputText(hidden_label(tr("Operator")).c_str(), &operator_edit_,
                             ImGuiInputTextFlags_EnterReturnsTrue) ||
            ImGui::IsItemDeactivatedAfterEdit()) {
            if (!operator_edit_.empty()) {
                app.operator_name = operator_edit_;
                app.host->set_setting("operator", operator_edit_);
            }
        }
        ImGui::TextDisabled("%s", tr("Every entry in the journal carries this name."));
    }

    ImGui::SeparatorText(tr("Data on this device"));
    ReadFailure counted;
    int64_t members = 0;
    counted.take(members, MemberRepository(*app.store).count());
    if (counted.failed())
        counted.draw();
    else
        ImGui::Text(tr("%lld members stored on this device."), static_cast<long long>(members));
    draw_major_threshold_panel(app);

    ImGui::SeparatorText(tr("Association"));
    organisation_.draw(app);
    earliest_date_.draw(app);
    retention_.draw(app);

    ImGui::SeparatorText(tr("Backups"));
    backups_.draw(app);

    ImGui::SeparatorText(tr("Sign out"));
    erase_.draw(app);

    // Last: the office's bank and books, below what every operator uses.
    if (!has_limited_role(app)) {
        ImGui::SeparatorText(tr("Direct debits"));
        creditor_.draw(app);
        ImGui::SeparatorText(tr("Accounting"));
        accounts_.draw(app);
    }
    return picked;
}

} // namespace obole::ui
