#include "ui/duplicates_screen.h"

#include "core/members/member_merge.h"
#include "core/store/store.h"
#include "ui/accessible.h"
#include "ui/sync_screen.h"
#include "ui/tr.h"

#include <imgui.h>

#include <cstdio>

namespace obole::ui {

int64_t DuplicateCount::get(AppState& app)
{
    if (at_change_ != app.store->change_count()) {
        read_.clear();
        read_.take(count_, DuplicateRepository(*app.store).open_count());
        at_change_ = app.store->change_count();
    }
    return count_;
}

static const char* reason_label(const std::string& reason)
{
    if (reason == "email")
        return tr("Same email");
    if (reason == "phone")
        return tr("Same phone");
    if (reason == "name_postcode")
        return tr("Same name and postcode");
    return reason.c_str();
}

static std::string member_label(const std::string& name, int64_t no)
{
    char line[256];
    std::snprintf(line, sizeof line, tr("%s (No. %lld)"), name.c_str(), static_cast<long long>(no));
    return line;
}

void DuplicatesScreen::load(AppState& app)
{
    read_.clear();
    read_.take(pairs_, DuplicateRepository(*app.store).open());
    loaded_at_change_ = app.store->change_count();
}

void DuplicatesScreen::draw(AppState& app)
{
    if (loaded_at_change_ != app.store->change_count())
        load(app);
    ImGui::SeparatorText(tr("Possible duplicates"));
    read_.draw();
    announced_text(tr("These members may be one person, signed up twice. Merge a pair into one member, or say "
                      "they are two people."));
    const bool allowed = may_merge(app);
    if (!allowed)
        announced_text(tr("Only an administrator or a staff member can merge members or dismiss a pair."),
                       IM_COL32(170, 90, 0, 255));
    if (!message_.empty())
        announced_text(message_.c_str(), message_is_error_ ? IM_COL32(200, 40, 40, 255) : IM_COL32(25, 128, 50, 255));
    if (pairs_.empty()) {
        ImGui::TextDisabled("%s", tr("No pair of members to review."));
    }
    for (const DuplicateCandidate& c : pairs_)
        draw_pair(app, c, allowed);
    if (open_confirm_) {
        ImGui::OpenPopup(tr("Merge these members?"));
        open_confirm_ = false;
    }
    draw_merge_confirm(app);
}

void DuplicatesScreen::draw_pair(AppState& app, const DuplicateCandidate& c, bool allowed)
{
    ImGui::PushID(c.id.c_str());
    ImGui::Separator();
    const std::string a = member_label(c.member_name, c.member_no);
    const std::string b = member_label(c.other_name, c.other_no);
    // Each name opens its dossier, to compare before deciding.
    if (ImGui::SmallButton(a.c_str()))
        app.open_member(c.member_id);
    ImGui::SameLine();
    ImGui::TextUnformatted(tr("and"));
    ImGui::SameLine();
    if (ImGui::SmallButton(b.c_str()))
        app.open_member(c.other_member_id);
    ImGui::SameLine();
    ImGui::TextDisabled("—");
    ImGui::SameLine();
    announced_text(reason_label(c.reason), ImGui::GetColorU32(ImGuiCol_TextDisabled));

    ImGui::BeginDisabled(!allowed);
    char label[320];
    std::snprintf(label, sizeof label, tr("Merge into %s"), b.c_str());
    if (ImGui::Button(label)) {
        merge_ = Merge{c.member_id, a, c.other_member_id, b};
        open_confirm_ = true;
    }
    ImGui::SameLine();
    std::snprintf(label, sizeof label, tr("Merge into %s"), a.c_str());
    if (ImGui::Button(label)) {
        merge_ = Merge{c.other_member_id, b, c.member_id, a};
        open_confirm_ = true;
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Not the same person"))) {
        auto dismissed = DuplicateRepository(*app.store).dismiss(c.id, app.operator_name);
        message_ = dismissed ? std::string(tr("The pair will not be offered again.")) : tr(dismissed.error().message);
        message_is_error_ = !dismissed;
    }
    ImGui::EndDisabled();
    ImGui::PopID();
}

void DuplicatesScreen::draw_merge_confirm(AppState& app)
{
    if (!ImGui::BeginPopupModal(tr("Merge these members?"), nullptr, ImGuiWindowFlags_AlwaysAutoResize))
        return;
    if (!merge_) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    char line[640];
    std::snprintf(line, sizeof line,
                  tr("%s becomes part of %s: its gifts, contacts, campaigns and history move there."),
                  merge_->loser_label.c_str(), merge_->survivor_label.c_str());
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
    announced_text(line);
    if (app.enrolled())
        announced_text(tr("Every device sees the merge after its next sync."));
    ImGui::PopTextWrapPos();
    if (ImGui::Button(tr("Merge"))) {
        // A device that syncs records only the pointer; the rows move when the
        // server confirms the merge (core/members/member_merge.h).
        auto merged = merge_members(*app.store, merge_->loser_id, merge_->survivor_id, app.operator_name,
                                    /*move_rows=*/!app.enrolled());
        if (merged) {
            message_ = std::string(tr("Merged into")) + " " + merge_->survivor_label;
            message_is_error_ = false;
        } else {
            message_ = tr(merged.error().message);
            message_is_error_ = true;
        }
        merge_.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Cancel"))) {
        merge_.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace obole::ui
