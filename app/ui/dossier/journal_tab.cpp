#include "ui/dossier/journal_tab.h"

#include <imgui.h>

namespace obole::ui {

void JournalTab::draw(AppState&, const Member&) { ImGui::TextDisabled("(not built yet)"); }

}  // namespace obole::ui
