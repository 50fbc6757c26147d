#include "ui/dossier_screen.h"

#include "core/members/member_repository.h"
#include "core/store/store.h"
#include "core/text/person_name.h"
#include "ui/accessible.h"
#include "ui/tr.h"

#include <imgui.h>

#include <cstdio>

namespace obole::ui {

static const ImU32 kWarnColour = IM_COL32(170, 60, 0, 255);

void DossierScreen::load(AppState& app)
{
    auto m = MemberRepository(*app.store).get(app.member_id);
    loaded_id_ = app.member_id;
    loaded_at_change_ = app.store->change_count();
    if (!m) {
        load_error_ = m.error().message;
        return;
    }
    load_error_.clear();
    member_ = m.value();
    read_.clear();
    read_.take(conflicts_, TextConflictRepository(*app.store).open_for_member(member_.id));
    survivor_label_.clear();
    if (!member_.merged_into_id.empty()) {
        auto survivor = MemberRepository(*app.store).get(member_.merged_into_id);
        if (survivor) {
            char label[256];
            std::snprintf(label, sizeof label, tr("%s (No. %lld)"),
                          (survivor.value().first_name + " " + survivor.value().last_name).c_str(),
                          static_cast<long long>(survivor.value().member_no));
            survivor_label_ = label;
        }
    }
}

std::string DossierScreen::member_name(const AppState& app) const
{
    if (loaded_id_ != app.member_id || !load_error_.empty())
        return "";
    return person_display_name(member_.first_name, member_.last_name);
}

void DossierScreen::draw(AppState& app)
{
    if (loaded_id_ != app.member_id || loaded_at_change_ != app.store->change_count())
        load(app);
    if (!load_error_.empty()) {
        ImGui::TextUnformatted(tr(load_error_));
        if (ImGui::Button(tr("Back to search")))
            app.screen = Screen::search;
        return;
    }
    draw_merged(app);
    read_.draw();
    top_part_.draw(app, member_);
    draw_conflicts(app);
    ImGui::Separator();
    draw_tabs(app);
}

// A record merged into another (a duplicate) only points there; either
// side of a merge offers to undo it.
void DossierScreen::draw_merged(AppState& app)
{
    if (member_.merged_into_id.empty()) {
        merge_panel_.draw_merged_here(app, member_);
        return;
    }
    char line[320];
    std::snprintf(line, sizeof line, tr("This member was merged into %s: its gifts and contacts are there."),
                  survivor_label_.empty() ? tr("another member") : survivor_label_.c_str());
    announced_text(line, kWarnColour);
    std::snprintf(line, sizeof line, tr("Open %s"),
                  survivor_label_.empty() ? tr("the member it was merged into") : survivor_label_.c_str());
    if (ImGui::Button(line))
        app.open_member(member_.merged_into_id);
    merge_panel_.draw_unmerge_button(app, member_, survivor_label_);
}

static const char* text_field_label(const std::string& field)
{
    if (field == "notepad")
        return tr("Notepad");
    if (field == "memo_active")
        return tr("Active in entry");
    if (field == "memo_misc")
        return tr("Miscellaneous memo");
    if (field == "memo_bequest")
        return tr("Bequest memo");
    if (field == "memo_portal")
        return tr("Portal memo");
    return field.c_str();
}

// Free text written apart on two devices: the server kept one version and
// the other waits here until a person chooses.
void DossierScreen::draw_conflicts(AppState& app)
{
    if (conflicts_.empty())
        return;
    for (const TextConflict& c : conflicts_) {
        ImGui::PushID(c.id.c_str());
        ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(255, 244, 214, 255));
        ImGui::PushStyleColor(ImGuiCol_Border, IM_COL32(200, 140, 20, 255));
        if (ImGui::BeginChild("conflict", ImVec2(0, 0),
                              ImGuiChildFlags_Borders | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_NavFlattened)) {
            char line[320];
            std::snprintf(line, sizeof line, tr("%s: two versions were written apart. Choose the one to keep."),
                          text_field_label(c.field));
            announced_text(line, IM_COL32(120, 70, 0, 255));
            // Versions of a record merged into this one: the choice is that record's text.
            if (c.about_id != member_.id) {
                std::snprintf(line, sizeof line, tr("Of %s, merged into this member."), c.about_label.c_str());
                announced_text(line, IM_COL32(120, 70, 0, 255));
            }
            const std::string& mine = c.current_text;
            ImGui::TextDisabled("%s", tr("Current text:"));
            ImGui::Indent();
            announced_text(mine.empty() ? tr("(empty)") : mine.c_str());
            ImGui::Unindent();
            if (c.written_at.empty())
                ImGui::TextDisabled("%s", tr("Other version:"));
            else
                ImGui::TextDisabled(tr("Other version, written %s:"), c.written_at.c_str());
            ImGui::Indent();
            announced_text(c.other_text.empty() ? tr("(empty)") : c.other_text.c_str());
            ImGui::Unindent();
            int keep = -1;
            if (ImGui::Button(tr("Keep this version")))
                keep = 1;
            ImGui::SameLine();
            if (ImGui::Button(tr("Keep the current text")))
                keep = 0;
            if (keep >= 0) {
                auto resolved = TextConflictRepository(*app.store).resolve(c.id, keep == 1, app.operator_name);
                if (resolved) {
                    conflict_error_.clear();
                    app.notice = tr("Version kept.");
                } else {
                    conflict_error_ = tr(resolved.error().message);
                }
            }
        }
        ImGui::EndChild();
        ImGui::PopStyleColor(2);
        ImGui::PopID();
    }
    if (!conflict_error_.empty())
        form_error(conflict_error_.c_str());
}

// One tab whose body scrolls under the top part, which stays in view.
template <typename Draw>
void DossierScreen::tab(const char* title, Draw&& draw, bool select)
{
    if (!ImGui::BeginTabItem(title, nullptr, select ? ImGuiTabItemFlags_SetSelected : 0))
        return;
    if (ImGui::BeginChild("body", ImVec2(0, 0), ImGuiChildFlags_NavFlattened))
        draw();
    ImGui::EndChild();
    ImGui::EndTabItem();
}

// Tabs in the four families of the reference product: financial,
// behavioural, documentary, synthetic.
void DossierScreen::draw_tabs(AppState& app)
{
    const Member& m = member_;
    // A dossier opens on its gifts: entering one is what people come for most.
    // Asked over two frames: an inner tab bar exists only once its family is shown.
    if (opened_member_ != m.id)
        select_gifts_frames_ = 2;
    opened_member_ = m.id;
    const bool opening = select_gifts_frames_ > 0;
    if (opening)
        --select_gifts_frames_;
    if (!ImGui::BeginTabBar("families"))
        return;
    if (ImGui::BeginTabItem(tr("Financial"), nullptr, opening ? ImGuiTabItemFlags_SetSelected : 0)) {
        if (ImGui::BeginTabBar("financial", ImGuiTabBarFlags_FittingPolicyScroll)) {
            tab(tr("Receipts"), [&] { receipts_.draw(app, m); });
            tab(
                tr("Gifts"), [&] { gifts_.draw(app, m); }, opening);
            tab(tr("Orders"), [&] { orders_.draw(app, m); });
            tab(tr("Memberships"), [&] { memberships_.draw(app, m); });
            tab(tr("Direct debits"), [&] { direct_debits_.draw(app, m); });
            tab(tr("Card gifts"), [&] { card_gifts_.draw(app, m); });
            tab(tr("Tax receipts"), [&] { tax_receipts_.draw(app, m); });
            ImGui::EndTabBar();
        }
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(tr("Behaviour"))) {
        if (ImGui::BeginTabBar("behaviour")) {
            tab(tr("Mobilisations"), [&] { mobilisations_.draw(app, m); });
            tab(tr("Email behaviour"), [&] { email_behaviour_.draw(app, m); });
            tab(tr("Sponsorships"), [&] { sponsorships_.draw(app, m); });
            tab(tr("Events"), [&] { events_.draw(app, m); });
            ImGui::EndTabBar();
        }
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(tr("Documents"))) {
        if (ImGui::BeginTabBar("documentary")) {
            tab(tr("Files"), [&] { documents_.draw(app, m); });
            tab(tr("Campaigns"), [&] { campaigns_.draw(app, m); });
            tab(tr("Journal"), [&] { journal_.draw(app, m); });
            ImGui::EndTabBar();
        }
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(tr("Synthesis"))) {
        if (ImGui::BeginTabBar("synthetic")) {
            tab(tr("Member"), [&] { member_tab_.draw(app, m); });
            tab(tr("Infos"), [&] { infos_.draw(app, m); });
            tab(tr("Relations"), [&] { relations_.draw(app, m); });
            ImGui::EndTabBar();
        }
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

} // namespace obole::ui
