// Decides when the app draws a frame, so that a page nobody touches costs
// nothing: no frame is rendered while nothing changes. Frames run on input
// (and for a second after it, so hover delays, popups and key repeat settle,
// and until ImGui has taken all of it: one button change per frame),
// when the sync transport or the device's storage answers, and once every
// half minute for what depends on the clock ("last sync 3 min ago", a new
// day's segments). Between frames a light tick each second lets sync keep its
// own timers (a push 2 s after a change, a round every 30 s) without drawing;
// a tick that started or finished something asks for frames.
#pragma once

namespace obole::platform {

// The work of one rendered frame, and the drawing-free work of one tick:
// returns true when the tick changed something the screen shows.
struct FrameWork {
    void (*render)();
    bool (*tick)();
};

// Starts the pacer (instead of emscripten_set_main_loop); returns at once.
void frame_pacer_start(FrameWork work);

// Asks for frames during the next `ms` milliseconds (from C++ callbacks that
// bring news: an answer from the server, storage done, a file chosen).
void request_frames(int ms = 250);

} // namespace obole::platform
