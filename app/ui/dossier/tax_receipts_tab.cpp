#include "ui/dossier/tax_receipts_tab.h"

#include <imgui.h>

namespace obole::ui {

void TaxReceiptsTab::draw(AppState&, const Member&) { ImGui::TextDisabled("(not built yet)"); }

}  // namespace obole::ui
