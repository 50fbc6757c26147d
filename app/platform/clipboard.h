// ImGui's copy, cut and paste through the browser's clipboard, so text moves
// between Obole's fields and other applications. The page does the
// clipboard's side (web/page_bridge.js says how each way works); the app
// tells it what to copy, and which text a copy event would take.
#pragma once

#include <string>

namespace obole::platform {

// Once, after ImGui's context.
void clipboard_install();
// A paste, typed through the input queue (page_input.cpp): ImGui's own
// paste reads it from here after.
void clipboard_note_paste(const std::string& text);
// After each frame: the active field's selection, sent when it changed.
void clipboard_after_frame();

} // namespace obole::platform
