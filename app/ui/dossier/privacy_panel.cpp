#include "ui/dossier/privacy_panel.h"

#include "core/privacy/member_access_export.h"
#include "core/store/journal.h"
#include "ui/accessible.h"
#include "ui/confirm_modal.h"
#include "ui/host.h"
#include "ui/operator_role.h"
#include "ui/person_erasure.h"
#include "ui/tr.h"

#include <imgui.h>

namespace obole::ui {

static const char* erase_title()
{
    return tr("Erase this person?");
}

void PrivacyPanel::draw(AppState& app, const Member& m)
{
    if (has_limited_role(app))
        return;
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("Export everything held")))
        export_everything(app, m);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tr("Right of access (GDPR): every record about this person, as a JSON file and a "
                                   "page to print"));
    if (!is_administrator(app))
        return;
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("Erase this person…"))) {
        error_.clear();
        ImGui::OpenPopup(erase_title());
    }
    draw_erase_confirm(app, m);
}

void PrivacyPanel::export_everything(AppState& app, const Member& m)
{
    Result<MemberAccessExport> out = export_member_data(*app.store, m.id);
    if (!out) {
        app.notice = tr(out.error().message);
        return;
    }
    app.host->save_file(out->file_name, std::vector<uint8_t>(out->json.begin(), out->json.end()), "application/json");
    app.host->print_html(out->html);
    // Who handed a person's data out, and when, is journaled like any action.
    Result<void> noted = Journal(*app.store).append(m.id, "privacy.export", out->file_name, app.operator_name);
    app.notice = noted ? tr("Everything held about this person was exported.") : tr(noted.error().message);
}

void PrivacyPanel::draw_erase_confirm(AppState& app, const Member& m)
{
    if (!begin_confirm_modal(erase_title()))
        return;
    announced_text((m.first_name + " " + m.last_name).c_str());
    announced_text(tr("At their request (GDPR, article 17): their name, addresses, phones, emails, notes, documents, "
                      "journal and email activity are erased on the server and on every device at its next sync."));
    announced_text(tr("What the law makes the association keep stays, without their name: gifts, memberships, "
                      "mandates and tax receipts (amounts, dates, numbers). This cannot be undone."));
    if (!error_.empty())
        announced_text(error_.c_str(), IM_COL32(200, 30, 30, 255));
    if (ImGui::Button(tr("Erase this person"))) {
        Result<size_t> erased = erase_people(app, {m.id});
        if (erased && *erased == 1) {
            app.notice = tr("The person was erased.");
            app.screen = Screen::search;
            ImGui::CloseCurrentPopup();
        } else {
            error_ = erased ? tr("This person was erased at their request.") : tr(erased.error().message);
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Cancel")))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace obole::ui
