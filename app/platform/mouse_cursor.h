// The mouse pointer's shape over the canvas: ImGui says which it wants (a text
// caret over fields, a resize arrow on a window's edge), a hand is shown over
// anything clickable as on any web page, and the canvas's CSS cursor follows.
#pragma once

namespace obole::platform {

// Call after each frame.
void mouse_cursor_after_frame();

} // namespace obole::platform
