#include "ui/retention_panel.h"

#include "core/store/setting_repository.h"
#include "core/store/store.h"
#include "ui/accessible.h"
#include "ui/confirm_modal.h"
#include "ui/labels.h"
#include "ui/operator_role.h"
#include "ui/person_erasure.h"
#include "ui/tr.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace obole::ui {

static const char* confirm_title()
{
    return tr("Erase these people?");
}

void RetentionPanel::draw(AppState& app)
{
    if (!is_administrator(app))
        return;
    ImGui::SeparatorText(tr("Retention"));
    if (!years_read_) {
        years_ = retention_years(*app.store);
        years_read_ = true;
    }
    ImGui::TextDisabled("%s", tr("Personal data is kept no longer than it is needed (GDPR). For donors, the CNIL "
                                 "advises three years after the last contact that came from them."));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Years without contact"));
    ImGui::SameLine(ImGui::GetFontSize() * 10);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::InputInt(hidden_label(tr("Years without contact")).c_str(), &years_);
    ImGui::SameLine();
    if (ImGui::Button(tr("List inactive members")))
        list(app);
    if (!error_.empty())
        form_error(error_.c_str());
    if (!message_.empty())
        announced_text(message_.c_str());
    if (listed_)
        draw_list(app);
}

void RetentionPanel::list(AppState& app)
{
    error_.clear();
    message_.clear();
    if (Result<std::string> cutoff = retention_cutoff(app.store->today(), years_); !cutoff) {
        error_ = tr(cutoff.error().message); // nothing saved, nothing listed
        listed_ = false;
        return;
    }
    // The number used is the association's from now on, journaled like
    // any shared setting.
    if (years_ != retention_years(*app.store)) {
        Result<void> saved =
            SettingRepository(*app.store).set(kRetentionYearsSetting, std::to_string(years_), app.operator_name);
        if (!saved) {
            error_ = tr(saved.error().message);
            return;
        }
    }
    Result<std::vector<InactiveMember>> found = inactive_members(*app.store, app.store->today(), years_);
    if (!found) {
        error_ = tr(found.error().message);
        return;
    }
    members_ = std::move(*found);
    chosen_.assign(members_.size(), 1);
    listed_ = true;
}

std::vector<std::string> RetentionPanel::chosen_ids() const
{
    std::vector<std::string> ids;
    for (size_t i = 0; i < members_.size(); ++i)
        if (chosen_[i])
            ids.push_back(members_[i].id);
    return ids;
}

void RetentionPanel::draw_list(AppState& app)
{
    char summary[160];
    std::snprintf(summary, sizeof summary, tr("Members not heard from for %d years: %d."), years_,
                  static_cast<int>(members_.size()));
    announced_text(summary);
    if (members_.empty())
        return;
    const size_t count = static_cast<size_t>(std::count(chosen_.begin(), chosen_.end(), 1));
    char erase[96];
    std::snprintf(erase, sizeof erase, tr("Erase the ticked (%d)…"), static_cast<int>(count));
    // A stable ID while the count in the label changes.
    const std::string button = std::string(erase) + "###erase_ticked";
    // Above the list, beside its count: on screen however long the list.
    ImGui::SameLine();
    ImGui::BeginDisabled(count == 0);
    if (ImGui::Button(button.c_str()))
        ImGui::OpenPopup(confirm_title());
    ImGui::EndDisabled();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
    const float row_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().CellPadding.y * 2;
    const float height = row_h * float(std::min<size_t>(members_.size(), 10) + 1) + 2;
    if (ImGui::BeginTable("inactive", 4, flags, ImVec2(0, height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr("Erase"), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(tr("Member no."), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(tr("Name"));
        ImGui::TableSetupColumn(tr("Last heard from"), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(members_.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const InactiveMember& m = members_[i];
                ImGui::PushID(i);
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                bool chosen = chosen_[i] != 0;
                const std::string box = std::string(tr("Erase")) + " " + m.name;
                if (ImGui::Checkbox(hidden_label(box).c_str(), &chosen))
                    chosen_[i] = chosen ? 1 : 0;
                ImGui::TableNextColumn();
                ImGui::Text("%lld", static_cast<long long>(m.member_no));
                ImGui::TableNextColumn();
                // The name opens the dossier: look before erasing.
                if (ImGui::Selectable(m.name.empty() ? "—" : m.name.c_str()))
                    app.open_member(m.id);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(m.last_activity.c_str());
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
    draw_confirm(app);
}

void RetentionPanel::draw_confirm(AppState& app)
{
    if (!begin_confirm_modal(confirm_title()))
        return;
    const std::vector<std::string> ids = chosen_ids();
    char what[160];
    std::snprintf(what, sizeof what, tr("People no one has heard from for %d years: %d."), years_,
                  static_cast<int>(ids.size()));
    announced_text(what);
    announced_text(tr("Their names, addresses, phones, emails, notes, documents, journal and email activity are "
                      "erased on the server and on every device at its next sync."));
    announced_text(tr("What the law makes the association keep stays, without their name: gifts, memberships, "
                      "mandates and tax receipts (amounts, dates, numbers). This cannot be undone."));
    if (ImGui::Button(tr("Erase these people"))) {
        Result<size_t> erased = erase_people(app, ids);
        if (erased) {
            char done[96];
            std::snprintf(done, sizeof done, tr("People erased: %d."), static_cast<int>(*erased));
            message_ = done;
            listed_ = false;
            members_.clear();
            chosen_.clear();
        } else {
            error_ = tr(erased.error().message);
        }
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Cancel")))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace obole::ui
