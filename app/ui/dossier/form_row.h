// Rows of the financial tabs' forms, laid out like the gift form: a label
// column, then the field with its error under it. A form remembers one error
// (the field it is about and the message); Enter in a text field saves.
#pragma once
#include "ui/accessible.h"
#include "ui/labels.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <string>

namespace obole::ui {

struct FormError {
  std::string field, message;  // message: an English key, shown through tr()
  void clear() { field.clear(), message.clear(); }
  void show_if(const char* f) const {
    if (field == f && !message.empty()) form_error(tr(message.c_str()));
  }
};

inline bool begin_form(const char* id) {
  if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingFixedFit)) return false;
  ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthStretch);
  return true;
}

// Starts a row: the label, then the field column at the given width (in ems).
inline void form_label(const char* label, float width_em = 10) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * width_em);
}

// A labelled text field; true when Enter was pressed in it.
inline bool form_text(const char* label, std::string* value, const char* hint = "", float width_em = 10) {
  form_label(label, width_em);
  return ImGui::InputTextWithHint(hidden_label(label).c_str(), hint, value, ImGuiInputTextFlags_EnterReturnsTrue);
}

// The last row: the save button; true when pressed.
inline bool form_button(const char* label) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TableNextColumn();
  return ImGui::Button(label);
}

}  // namespace obole::ui
