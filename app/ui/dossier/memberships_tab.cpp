#include "ui/dossier/memberships_tab.h"

#include <imgui.h>

namespace obole::ui {

void MembershipsTab::draw(AppState&, const Member&) { ImGui::TextDisabled("(not built yet)"); }

}  // namespace obole::ui
