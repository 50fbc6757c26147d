#include "ui/dossier/sponsorships_tab.h"

#include <imgui.h>

namespace obole::ui {

void SponsorshipsTab::draw(AppState&, const Member&) { ImGui::TextDisabled("(not built yet)"); }

}  // namespace obole::ui
