#include "ui/dossier/merge_panel.h"

#include "core/store/store.h"
#include "ui/accessible.h"
#include "ui/confirm_modal.h"
#include "ui/operator_role.h"
#include "ui/tr.h"

#include <imgui.h>

#include <cstdio>

namespace obole::ui {

static const char* confirm_title()
{
    return tr("Unmerge these members?");
}

static std::string label_of(const Member& m)
{
    char label[256];
    std::snprintf(label, sizeof label, tr("%s (No. %lld)"), (m.first_name + " " + m.last_name).c_str(),
                  static_cast<long long>(m.member_no));
    return label;
}

void MergePanel::draw_merged_here(AppState& app, const Member& m)
{
    if (has_limited_role(app))
        return;
    if (loaded_for_ != m.id || loaded_at_change_ != app.store->change_count()) {
        read_.clear();
        read_.take(merged_here_, members_merged_into(*app.store, m.id));
        loaded_for_ = m.id;
        loaded_at_change_ = app.store->change_count();
    }
    read_.draw();
    for (const MergedMember& merged : merged_here_) {
        ImGui::PushID(merged.id.c_str());
        char line[320];
        std::snprintf(line, sizeof line, tr("Merged into this member: %s"), merged.label.c_str());
        announced_text(line, ImGui::GetColorU32(ImGuiCol_TextDisabled));
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Unmerge")))
            ask(merged.id, merged.label, label_of(m));
        ImGui::PopID();
    }
    draw_confirm(app);
}

void MergePanel::draw_unmerge_button(AppState& app, const Member& m, const std::string& survivor_label)
{
    if (has_limited_role(app))
        return;
    ImGui::SameLine();
    if (ImGui::Button(tr("Unmerge")))
        ask(m.id, label_of(m), survivor_label);
    draw_confirm(app);
}

void MergePanel::ask(const std::string& loser_id, const std::string& loser_label, const std::string& survivor_label)
{
    asked_ = Asked{loser_id, loser_label, survivor_label};
    open_confirm_ = true;
}

void MergePanel::draw_confirm(AppState& app)
{
    if (open_confirm_) {
        ImGui::OpenPopup(confirm_title());
        open_confirm_ = false;
    }
    if (!begin_confirm_modal(confirm_title()))
        return;
    if (!asked_) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    char line[640];
    std::snprintf(line, sizeof line,
                  tr("%s stands on its own again: what the merge moved to %s goes back to it, and %s is as it was."),
                  asked_->loser_label.c_str(), asked_->survivor_label.c_str(), asked_->survivor_label.c_str());
    announced_text(line);
    if (app.enrolled())
        announced_text(tr("Every device sees the unmerge after its next sync."));
    if (ImGui::Button(tr("Undo the merge"))) {
        Result<void> undone = unmerge_members(*app.store, asked_->loser_id, app.operator_name);
        app.notice = undone ? std::string(tr("Unmerged:")) + " " + asked_->loser_label : tr(undone.error().message);
        asked_.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Cancel"))) {
        asked_.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace obole::ui
