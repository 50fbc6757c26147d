// The rows of a dossier tab's small forms, as the gift form lays them out: a
// two-column table, the label on the left, the field on the right, and the
// error about that field under it. Enter in a text field saves.
#pragma once
#include <string>

namespace obole::ui {

// A form remembers one error: the field it is about and the message (an
// English key, shown through tr()).
struct FormError {
    std::string field, message;
    void clear() { field.clear(), message.clear(); }
    void show_if(const char* f) const;
    // The same, right after the field: once the person edits the field the
    // error is about, the error goes (the next save checks again). Forms
    // that recheck as they go (the gift form, field mode) use show_if.
    void show_until_edited(const char* f);
};

// Starts a form table; false when ImGui clips it (then do not end it).
bool begin_form(const char* id);
void end_form();
// A new row with its label; the field drawn next goes in the right column.
void form_row(const char* label);
// Same, and the next field is the given width (in ems).
void form_label(const char* label, float width_em = 10);
// A labelled text field; true when Enter was pressed in it.
bool form_text(const char* label, std::string* value, const char* hint = "", float width_em = 10);
// The last row: the save button; true when pressed.
bool form_button(const char* label);
// The message under a field when the error is about it.
void field_error(const char* field, const std::string& error_field, const std::string& error);

} // namespace obole::ui
