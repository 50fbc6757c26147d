#include "ui/dossier/sponsorships_tab.h"

#include "core/calendar/date.h"
#include "core/money/money.h"
#include "ui/accessible.h"
#include "ui/dossier/form_row.h"
#include "ui/labels.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>

namespace obole::ui {

void SponsorshipsTab::draw(AppState& app, const Member& member)
{
    if (fresh_.stale(app, member.id)) {
        if (fresh_.other_member(member.id)) {
            form_ = {};
            form_.start_text = today_iso();
            error_.clear();
            ending_id_.clear();
        }
        read_.clear();
        read_.take(rows_, SponsorshipRepository(*app.store).list_for_member(member.id));
        fresh_.mark(app, member.id);
    }
    read_.draw();
    if (member.merged_into_id.empty())
        draw_form(app, member);
    draw_list(app);
}

void SponsorshipsTab::draw_form(AppState& app, const Member& member)
{
    ImGui::SeparatorText(tr("New sponsorship"));
    const float w = ImGui::GetFontSize() * 10;
    bool submit = false;
    if (!begin_form("sponsorship_form"))
        return;
    form_row(tr("Child's name"));
    ImGui::SetNextItemWidth(w * 2);
    submit |= ImGui::InputText(hidden_label(tr("Child's name")).c_str(), &form_.child_name,
                               ImGuiInputTextFlags_EnterReturnsTrue);
    field_error("child_name", error_field_, error_);
    form_row(tr("Child's code"));
    ImGui::SetNextItemWidth(w);
    submit |= ImGui::InputText(hidden_label(tr("Child's code")).c_str(), &form_.child_code,
                               ImGuiInputTextFlags_EnterReturnsTrue);
    field_error("child_code", error_field_, error_);
    form_row(tr("Country"));
    ImGui::SetNextItemWidth(w / 2);
    submit |= ImGui::InputTextWithHint(hidden_label(tr("Country")).c_str(), "SN", &form_.country,
                                       ImGuiInputTextFlags_EnterReturnsTrue);
    field_error("country", error_field_, error_);
    form_row(tr("Start date"));
    ImGui::SetNextItemWidth(w);
    submit |= ImGui::InputTextWithHint(hidden_label(tr("Start date")).c_str(), tr("YYYY-MM-DD or DD/MM/YYYY"),
                                       &form_.start_text, ImGuiInputTextFlags_EnterReturnsTrue);
    field_error("start_date", error_field_, error_);
    form_row(tr("Monthly amount"));
    ImGui::SetNextItemWidth(w);
    submit |= ImGui::InputText(hidden_label(tr("Monthly amount")).c_str(), &form_.monthly_text,
                               ImGuiInputTextFlags_EnterReturnsTrue);
    field_error("monthly", error_field_, error_);
    form_row("");
    submit |= ImGui::Button(tr("Save sponsorship"));
    field_error("form", error_field_, error_);
    end_form();
    if (!submit)
        return;
    form_.member_id = member.id;
    auto added = SponsorshipRepository(*app.store).add(form_, app.operator_name);
    if (!added) {
        const std::string& f = added.error().field;
        error_field_ = f == "child_name" || f == "child_code" || f == "country" || f == "start_date" || f == "monthly"
                           ? f
                           : "form";
        error_ = added.error().message;
        return;
    }
    error_.clear();
    form_ = {};
    form_.start_text = today_iso();
    app.notice = tr("Sponsorship saved.");
}

void SponsorshipsTab::draw_list(AppState& app)
{
    ImGui::SeparatorText(tr("Sponsorships"));
    int active = 0;
    for (const Sponsorship& s : rows_)
        active += s.active;
    char summary[128];
    std::snprintf(summary, sizeof summary, tr("%d active sponsorships, %d in all"), active,
                  static_cast<int>(rows_.size()));
    announced_text(summary);
    if (rows_.empty())
        return;
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("sponsorships", 6, flags))
        return;
    ImGui::TableSetupColumn(tr("Child"));
    ImGui::TableSetupColumn(tr("Country"));
    ImGui::TableSetupColumn(tr("Per month"));
    ImGui::TableSetupColumn(tr("Since"));
    ImGui::TableSetupColumn(tr("Status"));
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    for (const Sponsorship& s : rows_) {
        ImGui::PushID(s.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(s.child_name.c_str());
        if (!s.child_code.empty()) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", s.child_code.c_str());
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(s.country.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_money(s.monthly_cents, "EUR", current_lang()).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(s.start_date.c_str());
        ImGui::TableNextColumn();
        if (s.active) {
            ImGui::TextUnformatted(tr("Active"));
        } else {
            char ended[64];
            std::snprintf(ended, sizeof ended, tr("Ended %s"), s.end_date.c_str());
            ImGui::TextUnformatted(ended);
        }
        ImGui::TableNextColumn();
        if (s.active && ending_id_ != s.id && ImGui::SmallButton(tr("End…"))) {
            ending_id_ = s.id;
            end_date_ = today_iso();
            end_error_.clear();
        }
        if (ending_id_ == s.id) {
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
            ImGui::InputText(hidden_label(tr("End date")).c_str(), &end_date_);
            ImGui::SameLine();
            if (ImGui::SmallButton(tr("End sponsorship"))) {
                auto ended = SponsorshipRepository(*app.store).end(s.id, end_date_, app.operator_name);
                if (ended) {
                    ending_id_.clear();
                    app.notice = tr("Sponsorship ended.");
                } else {
                    end_error_ = ended.error().message;
                }
            }
            ImGui::SameLine();
            if (ImGui::SmallButton(tr("Cancel")))
                ending_id_.clear();
            if (!end_error_.empty())
                form_error(tr(end_error_));
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

} // namespace obole::ui
