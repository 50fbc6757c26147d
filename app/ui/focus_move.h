// Typed input waits while the keyboard's focus moves from one field to
// another. A screen that sends the keyboard elsewhere (Enter in the find box
// takes the person, then the amount field has the keyboard) does it over a
// frame or two: ImGui moves focus one frame after SetKeyboardFocusHere, and
// a screen often asks only on the frame after it decided. A volunteer typing
// ahead (the next amount right after Enter, on a slow tablet) would have
// those keys land in the field being left, or in none. So the platform
// keeps queued input back while a move is on its way (app/platform's
// page_input.cpp asks typing_waits() before each frame): nothing is lost,
// and the keys reach the field they were typed for.
#pragma once

namespace obole::ui {

// A field will take the keyboard in a coming frame (a want_*_focus flag was
// set): input waits until focus_here() has run and taken effect, two
// frames at most.
void focus_will_move();

// ImGui::SetKeyboardFocusHere() for the next item, and input waits for the
// frame that moves the focus there.
void focus_here();

// For the platform, once per frame before ImGui::NewFrame(): whether queued
// input must wait this frame. Counts the frame.
bool typing_waits();

} // namespace obole::ui
