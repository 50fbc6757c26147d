#include "ui/dossier/form_row.h"

#include "ui/accessible.h"
#include "ui/tr.h"

#include <imgui.h>

namespace obole::ui {

bool begin_form(const char* id) {
  if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingFixedFit)) return false;
  ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthStretch);
  return true;
}

void end_form() { ImGui::EndTable(); }

void form_row(const char* label) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  if (label[0]) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
  }
  ImGui::TableNextColumn();
}

void field_error(const char* field, const std::string& error_field, const std::string& error) {
  if (error.empty() || error_field != field) return;
  form_error(tr(error));
}

}  // namespace obole::ui
