// A labelled form of the dossier's editors: a column of labels, a column of
// fields, and the last save's error under the field it is about (or under
// the form when it names no field shown).
#pragma once
#include "core/campaigns/campaign.h"
#include "core/result.h"

#include <string>
#include <vector>

namespace obole::ui {

class EditForm {
public:
    bool begin(const char* id); // false: draw nothing, do not call end()
    void end();
    // One row: label, text field, its error. True when Enter was pressed.
    bool text(const char* label, const char* field, std::string* value, const char* hint = nullptr);
    bool multiline(const char* label, const char* field, std::string* value, float lines = 3);
    // The campaign combo ("(none)" first); campaign_id "" is none.
    void campaign(const char* label, const char* field, const std::vector<Campaign>& campaigns,
                  std::string* campaign_id);
    // A row whose field the caller draws; returns after the label cell.
    void row(const char* label);
    void error_for(const char* field); // under the caller's own field

    // After a save: an error shows under its field (fields listed to text(),
    // multiline(), campaign() or error_for()), else under the form's end.
    void set_error(const Error& e)
    {
        field_ = e.field.empty() ? std::string("form") : e.field;
        message_ = e.message;
    }
    void clear_error()
    {
        field_.clear();
        message_.clear();
    }
    bool has_error() const { return !message_.empty(); }

private:
    std::string field_, message_;
    bool shown_ = false;
};

// The campaign combo on its own (for a field drawn outside an EditForm).
void campaign_combo(const char* name, const std::vector<Campaign>& campaigns, std::string* campaign_id, float width);

} // namespace obole::ui
