// The member's segments (new, regular, recurring, major, lapsed, LYBUNT,
// SYBUNT) and RFM scores, drawn in the dossier header (core/search/segmentation.h).
#pragma once
#include "core/members/member.h"
#include "ui/app_state.h"

namespace obole::ui {

void draw_segment_badges(AppState& app, const Member& member);

} // namespace obole::ui
