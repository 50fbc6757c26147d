#include "ui/read_failure.h"

#include "ui/accessible.h"
#include "ui/tr.h"

namespace obole::ui {

void ReadFailure::draw() const
{
    if (message_.empty())
        return;
    // SQLite's own words are for a log, not for the person at the stand:
    // they get what to do, and the technical detail on hover.
    form_error(tr("This could not be read from this device's database. Reload the page; if it happens "
                  "again, save a backup (Settings) and tell your administrator."));
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", message_.c_str());
}

} // namespace obole::ui
