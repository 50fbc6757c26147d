#include "ui/dossier/infos_tab.h"

#include <imgui.h>

namespace obole::ui {

void InfosTab::draw(AppState&, const Member&) { ImGui::TextDisabled("(not built yet)"); }

}  // namespace obole::ui
