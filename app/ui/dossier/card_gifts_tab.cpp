#include "ui/dossier/card_gifts_tab.h"

#include <imgui.h>

namespace obole::ui {

void CardGiftsTab::draw(AppState&, const Member&) { ImGui::TextDisabled("(not built yet)"); }

}  // namespace obole::ui
