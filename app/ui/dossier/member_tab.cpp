#include "ui/dossier/member_tab.h"

#include <imgui.h>

namespace obole::ui {

void MemberTab::draw(AppState&, const Member&) { ImGui::TextDisabled("(not built yet)"); }

}  // namespace obole::ui
