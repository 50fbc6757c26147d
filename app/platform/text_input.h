// Text typed through a real DOM element. ImGui draws on a canvas, and a
// canvas takes no text: a phone shows no keyboard for it, and what an
// on-screen keyboard or an input method (IME) produces arrives as `input`
// events on a focused text element, not as key presses. So while an ImGui
// text field is active, a hidden <input> under its caret holds the focus
// (the page's, web/page_bridge.js, which sends what it receives as input).
#pragma once

namespace obole::platform {

// Once, after ImGui's context.
void text_input_install();
// After each frame: the hidden element takes the focus while ImGui wants
// text (which opens a phone's keyboard) and gives it back after.
void text_input_after_frame();

} // namespace obole::platform
