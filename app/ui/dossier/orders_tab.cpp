#include "ui/dossier/orders_tab.h"

#include <imgui.h>

namespace obole::ui {

void OrdersTab::draw(AppState&, const Member&) { ImGui::TextDisabled("(not built yet)"); }

}  // namespace obole::ui
