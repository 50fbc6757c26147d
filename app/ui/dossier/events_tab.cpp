#include "ui/dossier/events_tab.h"

#include <imgui.h>

namespace obole::ui {

void EventsTab::draw(AppState&, const Member&) { ImGui::TextDisabled("(not built yet)"); }

}  // namespace obole::ui
