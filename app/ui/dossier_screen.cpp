#include "ui/dossier_screen.h"

#include "core/gift_repository.h"
#include "core/member_repository.h"
#include "core/money.h"
#include "core/store.h"
#include "ui/accessible.h"
#include "ui/labels.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>

namespace obole::ui {

static const ImU32 kWarnColour = IM_COL32(170, 60, 0, 255);
static const ImU32 kMemoBackground = IM_COL32(255, 236, 179, 255);

void DossierScreen::load(AppState& app) {
  const bool other_member = loaded_id_ != app.member_id;
  auto m = MemberRepository(*app.store).get(app.member_id);
  loaded_id_ = app.member_id;
  loaded_at_change_ = app.store->change_count();
  if (!m) {
    load_error_ = m.error().message;
    return;
  }
  load_error_.clear();
  member_ = m.value();
  campaigns_ = MemberRepository(*app.store).campaigns_received(member_.id, 10);
  gifts_ = GiftRepository(*app.store).list_for_member(member_.id);
  conflicts_ = TextConflictRepository(*app.store).open_for_member(member_.id);
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
  // Keep what the user is typing in the notepad when another change lands.
  if (other_member || !notepad_dirty_) {
    notepad_ = member_.notepad;
    notepad_dirty_ = false;
  }
  if (other_member) gift_entry_.reset(app, member_.id);
  app.host->set_title(member_.first_name + " " + member_.last_name + " — Obole");
}

void DossierScreen::draw(AppState& app) {
  if (loaded_id_ != app.member_id || loaded_at_change_ != app.store->change_count()) load(app);
  if (!load_error_.empty()) {
    ImGui::TextUnformatted(tr(load_error_));
    if (ImGui::Button(tr("Back to search"))) app.screen = Screen::search;
    return;
  }
  draw_merged(app);
  draw_header(app);
  draw_conflicts(app);
  ImGui::Separator();
  if (ImGui::BeginChild("dossier_body")) {
    // A merged record takes no new gift: they belong to the member it became.
    if (member_.merged_into_id.empty()) {
      ImGui::SeparatorText(tr("New gift"));
      gift_entry_.draw(app);
    }
    draw_gifts();
  }
  ImGui::EndChild();
}

// A record merged into another (a duplicate) only points there.
void DossierScreen::draw_merged(AppState& app) {
  if (member_.merged_into_id.empty()) return;
  char line[320];
  std::snprintf(line, sizeof line, tr("This member was merged into %s: its gifts and contacts are there."),
                survivor_label_.empty() ? tr("another member") : survivor_label_.c_str());
  announced_text(line, kWarnColour);
  std::snprintf(line, sizeof line, tr("Open %s"), survivor_label_.empty() ? tr("the member it was merged into")
                                                                          : survivor_label_.c_str());
  if (ImGui::Button(line)) app.open_member(member_.merged_into_id);
}

static const char* text_field_label(const std::string& field) {
  if (field == "notepad") return tr("Notepad");
  if (field == "memo_active") return tr("Active in entry");
  if (field == "memo_misc") return tr("Miscellaneous memo");
  if (field == "memo_bequest") return tr("Bequest memo");
  if (field == "memo_portal") return tr("Portal memo");
  return field.c_str();
}

static const std::string& current_text(const Member& m, const std::string& field) {
  if (field == "memo_active") return m.memo_active;
  if (field == "memo_misc") return m.memo_misc;
  if (field == "memo_bequest") return m.memo_bequest;
  if (field == "memo_portal") return m.memo_portal;
  return m.notepad;
}

// Free text written apart on two devices: the server kept one version and
// the other waits here until a person chooses.
void DossierScreen::draw_conflicts(AppState& app) {
  if (conflicts_.empty()) return;
  for (const TextConflict& c : conflicts_) {
    ImGui::PushID(c.id.c_str());
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(255, 244, 214, 255));
    ImGui::PushStyleColor(ImGuiCol_Border, IM_COL32(200, 140, 20, 255));
    if (ImGui::BeginChild("conflict", ImVec2(0, 0), ImGuiChildFlags_Borders | ImGuiChildFlags_AutoResizeY)) {
      char line[320];
      std::snprintf(line, sizeof line, tr("%s: two versions were written apart. Choose the one to keep."),
                    text_field_label(c.field));
      announced_text(line, IM_COL32(120, 70, 0, 255));
      const std::string& mine = current_text(member_, c.field);
      ImGui::TextDisabled("%s", tr("Current text:"));
      ImGui::Indent();
      announced_text(mine.empty() ? tr("(empty)") : mine.c_str());
      ImGui::Unindent();
      if (c.written_at.empty()) ImGui::TextDisabled("%s", tr("Other version:"));
      else ImGui::TextDisabled(tr("Other version, written %s:"), c.written_at.c_str());
      ImGui::Indent();
      announced_text(c.other_text.empty() ? tr("(empty)") : c.other_text.c_str());
      ImGui::Unindent();
      int keep = -1;
      if (ImGui::Button(tr("Keep this version"))) keep = 1;
      ImGui::SameLine();
      if (ImGui::Button(tr("Keep the current text"))) keep = 0;
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
  if (!conflict_error_.empty()) form_error(conflict_error_.c_str());
}

void DossierScreen::draw_header(AppState& app) {
  const Member& m = member_;
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.35f);
  ImGui::Text("%s %s %s", m.civility.c_str(), m.first_name.c_str(), m.last_name.c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled(tr("No. %lld · member since %s"), static_cast<long long>(m.member_no), m.entry_date.c_str());

  // The "active in entry" memo is what the person entering must not miss (VIP,
  // board member, deceased spouse...): it sits on top, on a coloured band.
  if (!m.memo_active.empty()) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImVec2 size(ImGui::GetContentRegionAvail().x, ImGui::GetTextLineHeightWithSpacing() + 6);
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), kMemoBackground, 4.0f);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 6, p.y + 3));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(60, 40, 0, 255));
    ImGui::Text("%s: %s", tr("Active in entry"), m.memo_active.c_str());
    ImGui::PopStyleColor();
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + size.y + 4));
  }

  if (ImGui::BeginTable("top", 3, ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    draw_contact();
    ImGui::TableNextColumn();
    draw_markers_and_memos(app);
    ImGui::TableNextColumn();
    ImGui::SeparatorText(tr("Last campaigns received"));
    if (campaigns_.empty()) ImGui::TextDisabled("%s", tr("None"));
    for (const CampaignReceived& c : campaigns_)
      ImGui::Text("%s  %s — %s", c.received_date.c_str(), c.code.c_str(), c.name.c_str());
    ImGui::EndTable();
  }
}

void DossierScreen::draw_contact() {
  const Member& m = member_;
  ImGui::SeparatorText(tr("Address"));
  if (!m.address.line1.empty()) ImGui::TextUnformatted(m.address.line1.c_str());
  if (!m.address.line2.empty()) ImGui::TextUnformatted(m.address.line2.c_str());
  ImGui::Text("%s %s %s", m.address.postcode.c_str(), m.address.city.c_str(), m.address.country.c_str());
  if (!m.birth_date.empty()) ImGui::Text("%s: %s", tr("Born"), m.birth_date.c_str());

  ImGui::SeparatorText(tr("Phones"));
  if (m.phones.empty()) ImGui::TextDisabled("%s", tr("None"));
  for (const Phone& p : m.phones) ImGui::Text("%s  %s", p.number.c_str(), tr(p.kind));

  ImGui::SeparatorText(tr("Emails"));
  if (m.emails.empty()) ImGui::TextDisabled("%s", tr("None"));
  for (const Email& e : m.emails) {
    if (!e.usable) ImGui::PushStyleColor(ImGuiCol_Text, kWarnColour);
    ImGui::TextUnformatted(e.address.c_str());
    if (!e.usable) {
      ImGui::SameLine();
      ImGui::TextUnformatted(tr("(unusable)"));
      ImGui::PopStyleColor();
    }
    if (!e.origin_campaign_code.empty() || !e.origin_date.empty())
      ImGui::TextDisabled("  %s %s %s", tr("from"), e.origin_campaign_code.c_str(), e.origin_date.c_str());
  }
}

void DossierScreen::draw_markers_and_memos(AppState& app) {
  const Member& m = member_;
  ImGui::SeparatorText(tr("Markers"));
  if (!m.suspension_code.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kWarnColour);
    ImGui::Text("%s: %s", tr("Suspended"), m.suspension_code.c_str());
    ImGui::PopStyleColor();
  }
  if (m.stop_promo) {
    ImGui::PushStyleColor(ImGuiCol_Text, kWarnColour);
    ImGui::TextUnformatted(tr("Stop promo: no solicitation"));
    ImGui::PopStyleColor();
  }
  ImGui::TextUnformatted(tax_receipt_label(m.tax_receipt));

  ImGui::SeparatorText(tr("Notepad"));
  ImVec2 size(-FLT_MIN, ImGui::GetTextLineHeight() * 4);
  // A merged record's notes are read where it points (draw_merged).
  const ImGuiInputTextFlags flags = m.merged_into_id.empty() ? 0 : ImGuiInputTextFlags_ReadOnly;
  if (ImGui::InputTextMultiline(hidden_label(tr("Notepad")).c_str(), &notepad_, size, flags)) notepad_dirty_ = true;
  ImGui::BeginDisabled(!notepad_dirty_);
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

void DossierScreen::draw_gifts() {
  int64_t total = 0;
  for (const Gift& g : gifts_) total += g.amount_cents;
  ImGui::SeparatorText(tr("Gifts"));
  ImGui::Text(tr("%d gifts, %s in all"), static_cast<int>(gifts_.size()),
              format_money(total, "EUR", current_lang()).c_str());
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("gifts", 5, flags)) return;
  ImGui::TableSetupColumn(tr("Date"));
  ImGui::TableSetupColumn(tr("Amount"));
  ImGui::TableSetupColumn(tr("Payment method"));
  ImGui::TableSetupColumn(tr("Campaign"));
  ImGui::TableSetupColumn(tr("Entered by"));
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(gifts_.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const Gift& g = gifts_[i];
      const std::string amount = format_money(g.amount_cents, g.currency, current_lang());
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      // One selectable per row, named by the whole row for the accessibility mirror.
      std::string row = g.gift_date + " " + amount + " " + payment_method_label(g.method) + " " + g.campaign_code;
      ImGui::PushID(g.id.c_str());
      ImGui::Selectable(hidden_label(row).c_str(), false, ImGuiSelectableFlags_SpanAllColumns);
      ImGui::PopID();
      ImGui::SameLine(0, 0);
      ImGui::TextUnformatted(g.gift_date.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(amount.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(payment_method_label(g.method));
      if (!g.cheque_number.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("#%s", g.cheque_number.c_str());
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(g.campaign_code.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(g.operator_name.c_str());
    }
  }
  ImGui::EndTable();
}

}  // namespace obole::ui
