#include "ui/dossier/receipts_tab.h"

#include <imgui.h>

namespace obole::ui {

void ReceiptsTab::draw(AppState&, const Member&) { ImGui::TextDisabled("(not built yet)"); }

}  // namespace obole::ui
