#include "ui/dossier/mobilisations_tab.h"

#include <imgui.h>

namespace obole::ui {

void MobilisationsTab::draw(AppState&, const Member&) { ImGui::TextDisabled("(not built yet)"); }

}  // namespace obole::ui
