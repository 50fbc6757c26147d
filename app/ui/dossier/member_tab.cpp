#include "ui/dossier/member_tab.h"

#include "core/members/consent_repository.h"
#include "core/members/member_repository.h"
#include "ui/accessible.h"
#include "ui/labels.h"
#include "ui/operator_role.h"
#include "ui/tr.h"

#include <imgui.h>

#include <cstdio>

namespace obole::ui {

void MemberTab::load(const Member& m)
{
    entry_date_ = m.entry_date;
    birth_date_ = m.birth_date;
    internal_codes_ = m.internal_codes;
    external_codes_ = m.external_codes;
    internal_score_ = m.internal_score;
    external_score_ = m.external_score;
    dirty_ = false;
    form_.clear_error();
}

// A score typed as a number; the repository refuses one out of 0..100.
static bool score_field(const char* label, int* score)
{
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    return ImGui::InputInt(hidden_label(label).c_str(), score, 1, 10);
}

void MemberTab::draw(AppState& app, const Member& m)
{
    if (fresh_.stale(app, m.id)) {
        // What is being typed survives another change landing; not a new dossier.
        if (fresh_.other_member(m.id) || !dirty_)
            load(m);
        read_.clear();
        read_.take(consents_, ConsentRepository(*app.store).list_for_member(m.id));
        fresh_.mark(app, m.id);
    }
    read_.draw();
    char line[160];
    std::snprintf(line, sizeof line, tr("Member No. %lld, record created %s"), static_cast<long long>(m.member_no),
                  m.created_at.substr(0, 10).c_str());
    announced_text(line);
    const bool read_only = !m.merged_into_id.empty() || (m.field_locked && has_limited_role(app));
    ImGui::BeginDisabled(read_only);
    if (form_.begin("member_form")) {
        form_.text(tr("Entry date"), "entry_date", &entry_date_, tr("YYYY-MM-DD or DD/MM/YYYY"));
        form_.text(tr("Birth date"), "birth_date", &birth_date_, tr("YYYY-MM-DD or DD/MM/YYYY"));
        form_.text(tr("Internal codes"), "internal_codes", &internal_codes_);
        form_.row(tr("Internal score"));
        score_field(tr("Internal score"), &internal_score_);
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr("0 to 100"));
        form_.error_for("internal_score");
        form_.text(tr("External codes"), "external_codes", &external_codes_);
        form_.row(tr("External score"));
        score_field(tr("External score"), &external_score_);
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr("0 to 100"));
        form_.error_for("external_score");
        dirty_ = entry_date_ != m.entry_date || birth_date_ != m.birth_date || internal_codes_ != m.internal_codes ||
                 external_codes_ != m.external_codes || internal_score_ != m.internal_score ||
                 external_score_ != m.external_score;
        form_.row("");
        if (ImGui::Button(tr("Save member details"))) {
            MemberProfile p{entry_date_,     birth_date_,     internal_codes_,
                            external_codes_, internal_score_, external_score_};
            auto r = MemberRepository(*app.store).set_profile(m.id, p, app.operator_name);
            if (r) {
                dirty_ = false;
                form_.clear_error();
                app.notice = tr("Member details saved.");
            } else {
                form_.set_error(r.error());
            }
        }
        ImGui::SameLine();
        ImGui::BeginDisabled(!dirty_);
        if (ImGui::Button(tr("Undo changes")))
            load(m);
        ImGui::EndDisabled();
        form_.end();
    }
    ImGui::EndDisabled();
    draw_consents();
}

// GDPR consents: the current answer per channel first, then each answer as
// given, with the words the person was shown and when.
void MemberTab::draw_consents()
{
    ImGui::SeparatorText(tr("Consents"));
    if (consents_.empty()) {
        announced_text(tr("No consent recorded."));
        return;
    }
    // What the association may do today: "Post: Yes · Email: Yes · Phone: No".
    std::string now;
    for (const Consent& c : current_consents(consents_))
        now += (now.empty() ? "" : "  ·  ") + std::string(consent_channel_label(c.channel)) + ": " +
               (c.granted ? tr("Yes") : tr("No"));
    announced_text((std::string(tr("Current choice:")) + " " + now).c_str());
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("consents", 4, flags))
        return;
    ImGui::TableSetupColumn(tr("Channel"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(tr("Answer"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(tr("Given on"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(tr("Wording shown"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (const Consent& c : consents_) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(consent_channel_label(c.channel));
        ImGui::TableNextColumn();
        if (c.granted)
            ImGui::TextColored(ImVec4(0.1f, 0.5f, 0.2f, 1), "%s", tr("Yes"));
        else
            ImGui::TextColored(ImVec4(0.7f, 0.2f, 0.1f, 1), "%s", tr("No"));
        ImGui::TableNextColumn();
        // "2026-12-02 14:05" (UTC, as stored).
        const std::string at = c.given_at.substr(0, 10) + " " + c.given_at.substr(11, 5);
        ImGui::TextUnformatted(at.c_str());
        ImGui::TableNextColumn();
        announced_text(c.wording.c_str());
    }
    ImGui::EndTable();
}

} // namespace obole::ui
