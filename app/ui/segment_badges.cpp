#include "ui/segment_badges.h"

namespace obole::ui {

void draw_segment_badges(AppState&, const Member&) {}

}  // namespace obole::ui
