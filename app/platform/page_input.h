// The page's input, given to ImGui: the app's own input layer (GLFW is not
// used). The page turns its events into plain messages (web/page_events.js
// lists them) and hands them to Module.oboleInput(message), on this thread
// or, later, from the page to the worker the app runs in. Each message is
// queued as it comes and wakes the frame pacer; at the start of a frame
// every queued message goes to ImGui's input queue, in order: keys with
// their modifiers, characters, pointer moves and buttons (a finger's marked
// as touch), wheel steps, focus. ImGui spreads what happened within one
// frame over the next ones (ConfigInputTrickleEventQueue), so however long a
// frame took, no key, click or character is lost or doubled. What the page
// answers to the app's requests (web/page_bridge.js: a step back in the
// history, a chosen file) comes through the same queue.
//
// Sizes: a message gives the canvas's CSS size and devicePixelRatio; the
// canvas's backing store is sized to device pixels (display_scale.h) and
// positions, sent in CSS pixels, are scaled to it.
#pragma once

namespace obole::platform {

// Call once, after ImGui::CreateContext() and display_scale_install():
// Module.oboleInput starts taking messages.
void page_input_install();

// Call at the start of every frame, before ImGui::NewFrame(): the queued
// messages go to ImGui, and the frame's size and time step are set.
void page_input_new_frame();

// Whether input is left for later frames: messages not yet given to ImGui
// (queued during a frame, or waiting for a field to take the keyboard:
// ui/focus_move.h), or events ImGui holds for its next frames (it takes one
// key or button change a frame). The frame pacer draws on until none is
// left: a frame that outlasts the pacer's waking time must not put the app
// to sleep with a typed gift still in the queue.
bool page_input_left();

} // namespace obole::platform
