#include "ui/dossier/direct_debits_tab.h"

#include <imgui.h>

namespace obole::ui {

void DirectDebitsTab::draw(AppState&, const Member&) { ImGui::TextDisabled("(not built yet)"); }

}  // namespace obole::ui
