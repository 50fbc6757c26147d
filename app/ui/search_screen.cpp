#include "ui/search_screen.h"

#include "core/store.h"
#include "ui/labels.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <chrono>
#include <cstdio>

namespace obole::ui {

void SearchScreen::run(AppState& app) {
  auto t0 = std::chrono::steady_clock::now();
  hits_ = query_.empty() ? std::vector<SearchHit>{} : search_members(*app.store, query_, 50);
  last_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  searched_query_ = query_;
  searched_at_change_ = app.store->change_count();
}

void SearchScreen::draw(AppState& app) {
  if (want_focus_) {
    ImGui::SetKeyboardFocusHere();
    want_focus_ = false;
  }
  ImGui::SetNextItemWidth(-FLT_MIN);
  bool enter = ImGui::InputTextWithHint(hidden_label(tr("Find a member")).c_str(), tr("Name, phone, email, postcode or member number"), &query_,
                                        ImGuiInputTextFlags_EnterReturnsTrue);
  // Search on every keystroke, and again when the data changed underneath.
  if (query_ != searched_query_ || searched_at_change_ != app.store->change_count()) run(app);
  if (enter && !hits_.empty()) {
    app.open_member(hits_.front().member_id);
    return;
  }

  if (query_.empty()) {
    ImGui::TextDisabled("%s", tr("Type a few letters of a name, some phone digits, an email, a postcode or a member number."));
    return;
  }
  if (hits_.empty()) {
    ImGui::TextUnformatted(tr("No member matches."));
    if (ImGui::Button(tr("New member"))) app.screen = Screen::new_member;
    return;
  }
  if (hits_.size() == 1) ImGui::TextDisabled(tr("1 member shown (%.1f ms)"), last_ms_);
  else ImGui::TextDisabled(tr("%d members shown (%.1f ms)"), static_cast<int>(hits_.size()), last_ms_);

  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("results", 4, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("Name"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableSetupColumn(tr("Member no."), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn(tr("Postcode and city"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn(tr("Found in"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableHeadersRow();
  for (const SearchHit& h : hits_) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushID(h.member_id.c_str());
    // The row is one selectable whose label is the member's name: what a
    // pointer, the keyboard and the accessibility mirror all act on.
    if (ImGui::Selectable(h.display_name.c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
      app.open_member(h.member_id);
    ImGui::PopID();
    ImGui::TableNextColumn();
    ImGui::Text("%lld", static_cast<long long>(h.member_no));
    ImGui::TableNextColumn();
    ImGui::Text("%s %s", h.postcode.c_str(), h.city.c_str());
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s: %s", tr(h.matched), h.matched_text.c_str());
  }
  ImGui::EndTable();
}

}  // namespace obole::ui
