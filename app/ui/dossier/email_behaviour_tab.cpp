#include "ui/dossier/email_behaviour_tab.h"

#include <imgui.h>

namespace obole::ui {

void EmailBehaviourTab::draw(AppState&, const Member&) { ImGui::TextDisabled("(not built yet)"); }

}  // namespace obole::ui
