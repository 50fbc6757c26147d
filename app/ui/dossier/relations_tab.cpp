#include "ui/dossier/relations_tab.h"

#include <imgui.h>

namespace obole::ui {

void RelationsTab::draw(AppState&, const Member&) { ImGui::TextDisabled("(not built yet)"); }

}  // namespace obole::ui
