#include "ui/dossier/top_part.h"

#include "core/members/member_repository.h"
#include "ui/accessible.h"
#include "ui/labels.h"
#include "ui/operator_role.h"
#include "ui/segment_badges.h"
#include "ui/tr.h"
#include "ui/ui_scale.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>

namespace obole::ui {

static const ImU32 kWarnColour = IM_COL32(170, 60, 0, 255);
static const ImU32 kMemoBackground = IM_COL32(255, 236, 179, 255);

void TopPart::draw(AppState& app, const Member& m)
{
    if (fresh_.stale(app, m.id)) {
        read_.clear();
        read_.take(campaigns_, MemberRepository(*app.store).campaigns_received(m.id, 10));
        // Keep what the user is typing in the notepad when another change lands.
        if (fresh_.other_member(m.id) || !notepad_dirty_) {
            notepad_ = m.notepad;
            notepad_dirty_ = false;
        }
        fresh_.mark(app, m.id);
    }
    read_.draw();
    draw_identity(app, m);
    editor_.draw(app, m);
    if (ImGui::BeginTable("top", 3, ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        draw_contact(m);
        ImGui::TableNextColumn();
        draw_markers_and_notepad(app, m);
        ImGui::TableNextColumn();
        draw_campaigns();
        ImGui::EndTable();
    }
}

void TopPart::draw_identity(AppState& app, const Member& m)
{
    ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.35f);
    // The name heads the dossier for a screen reader too.
    announced_heading((m.civility + " " + m.first_name + " " + m.last_name).c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    char number[160];
    std::snprintf(number, sizeof number, tr("No. %lld · member since %s"), static_cast<long long>(m.member_no),
                  m.entry_date.c_str());
    announced_text(number, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    // A merged record is read-only: its details live on the member it became.
    // One signed up in the street is the office's (the server refuses a
    // volunteer's change to it).
    const bool locked = m.field_locked && has_limited_role(app);
    if (m.merged_into_id.empty() && !locked) {
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("✎ Edit")))
            editor_.open(app, m);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", tr("Edit identity, address, phones, emails, markers and memo"));
        privacy_.draw(app, m);
    }
    draw_segment_badges(app, m);
    draw_field_lock(app, m);

    // The "active in entry" memo is what the person entering must not miss (VIP,
    // board member, deceased spouse...): it sits on top, on a coloured band.
    if (!m.memo_active.empty()) {
        ImVec2 p = ImGui::GetCursorScreenPos();
        ImVec2 size(ImGui::GetContentRegionAvail().x, ImGui::GetTextLineHeightWithSpacing() + css_px(6));
        ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), kMemoBackground, css_px(4));
        ImGui::SetCursorScreenPos(ImVec2(p.x + css_px(6), p.y + css_px(3)));
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(60, 40, 0, 255));
        announced_line((std::string(tr("Active in entry")) + ": " + m.memo_active).c_str());
        ImGui::PopStyleColor();
        ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + size.y + css_px(4)));
    }
}

void TopPart::draw_field_lock(AppState& app, const Member& m)
{
    if (!m.field_locked)
        return;
    if (has_limited_role(app)) {
        announced_text(tr("Signed up in the street — only the office can change it"), kWarnColour);
        return;
    }
    announced_text(tr("Signed up in the street: locked for volunteers"), kWarnColour);
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("Unlock"))) {
        auto r = MemberRepository(*app.store).set_field_locked(m.id, false, app.operator_name);
        app.notice = r ? tr("Unlocked: volunteers may change this member again.") : tr(r.error().message);
    }
}

void TopPart::draw_contact(const Member& m)
{
    // Each line is announced: a screen reader reads the dossier from the overlay.
    const ImU32 disabled = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    announced_section(tr("Address"));
    if (!m.address.line1.empty())
        announced_line(m.address.line1.c_str());
    if (!m.address.line2.empty())
        announced_line(m.address.line2.c_str());
    announced_line((m.address.postcode + " " + m.address.city + " " + m.address.country).c_str());
    if (!m.birth_date.empty())
        announced_line((std::string(tr("Born")) + ": " + m.birth_date).c_str());

    announced_section(tr("Phones"));
    if (m.phones.empty())
        announced_line(tr("None"), disabled);
    for (const Phone& p : m.phones) {
        announced_line((p.number + "  " + tr(p.kind)).c_str());
        if (!p.origin_campaign_code.empty() || !p.origin_date.empty())
            announced_line(
                (std::string("  ") + tr("from") + " " + p.origin_campaign_code + " " + p.origin_date).c_str(),
                disabled);
    }

    announced_section(tr("Emails"));
    if (m.emails.empty())
        announced_line(tr("None"), disabled);
    for (const Email& e : m.emails) {
        if (!e.usable)
            ImGui::PushStyleColor(ImGuiCol_Text, kWarnColour);
        announced_line(e.address.c_str());
        if (!e.usable) {
            ImGui::SameLine();
            announced_line(tr("(unusable)"));
            ImGui::PopStyleColor();
        }
        if (!e.origin_campaign_code.empty() || !e.origin_date.empty())
            announced_line(
                (std::string("  ") + tr("from") + " " + e.origin_campaign_code + " " + e.origin_date).c_str(),
                disabled);
    }
}

void TopPart::draw_markers_and_notepad(AppState& app, const Member& m)
{
    announced_section(tr("Markers"));
    if (!m.suspension_code.empty())
        announced_line((std::string(tr("Suspended")) + ": " + m.suspension_code).c_str(), kWarnColour);
    if (m.stop_promo)
        announced_line(tr("Stop promo: no solicitation"), kWarnColour);
    announced_line(tax_receipt_label(m.tax_receipt));
    if (m.donor_kind == DonorKind::organisation) {
        char company[96];
        std::snprintf(company, sizeof company, tr("A company (SIREN %s)"),
                      m.siren.empty() ? tr("not given") : m.siren.c_str());
        announced_line(company);
    }

    announced_section(tr("Notepad"));
    ImVec2 size(-FLT_MIN, ImGui::GetTextLineHeight() * 4);
    // A merged record's notes are read where it points (the dossier says where).
    const bool read_only = !m.merged_into_id.empty() || (m.field_locked && has_limited_role(app));
    const ImGuiInputTextFlags flags = read_only ? ImGuiInputTextFlags_ReadOnly : 0;
    if (ImGui::InputTextMultiline(hidden_label(tr("Notepad")).c_str(), &notepad_, size, flags))
        notepad_dirty_ = true;
    ItemHint notepad_hint;
    notepad_hint.read_only = read_only;
    hint_item(ImGui::GetItemID(), nullptr, notepad_hint);
    ImGui::BeginDisabled(!notepad_dirty_ || read_only);
    if (ImGui::Button(tr("Save notepad"))) {
        auto saved = MemberRepository(*app.store).set_notepad(m.id, notepad_, app.operator_name);
        if (saved) {
            notepad_dirty_ = false;
            app.notice = tr("Notepad saved.");
        } else {
            app.notice = tr(saved.error().message);
        }
    }
    ImGui::EndDisabled();
}

void TopPart::draw_campaigns()
{
    announced_section(tr("Last campaigns received"));
    const ImU32 disabled = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    if (campaigns_.empty())
        announced_line(tr("None"), disabled);
    for (const CampaignReceived& c : campaigns_) {
        announced_line((c.received_date + "  " + c.code + " — " + c.name).c_str());
        if (c.gave) {
            ImGui::SameLine();
            announced_line(tr("(gave)"), disabled);
        }
    }
}

} // namespace obole::ui
