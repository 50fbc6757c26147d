#include "ui/dossier/campaigns_tab.h"

#include <imgui.h>

namespace obole::ui {

void CampaignsTab::draw(AppState&, const Member&) { ImGui::TextDisabled("(not built yet)"); }

}  // namespace obole::ui
