// The rows of a dossier tab's small forms, as the gift form lays them out: a
// two-column table, the label on the left, the field on the right, and the
// error about that field under it.
#pragma once
#include <string>

namespace obole::ui {

// Starts a form table; false when ImGui clips it (then do not end it).
bool begin_form(const char* id);
void end_form();
// A new row with its label; the field drawn next goes in the right column.
void form_row(const char* label);
// The message under a field when the error is about it.
void field_error(const char* field, const std::string& error_field, const std::string& error);

}  // namespace obole::ui
