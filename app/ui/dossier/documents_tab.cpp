#include "ui/dossier/documents_tab.h"

#include <imgui.h>

namespace obole::ui {

void DocumentsTab::draw(AppState&, const Member&) { ImGui::TextDisabled("(not built yet)"); }

}  // namespace obole::ui
