// Settings → segmentation: the major donor threshold, a setting every device
// of the association shares (core/search/segmentation.h). Saving it recomputes
// every member's segments.
#pragma once
#include "ui/app_state.h"

namespace obole::ui {

void draw_major_threshold_panel(AppState& app);

} // namespace obole::ui
