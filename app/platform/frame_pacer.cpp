#include "platform/frame_pacer.h"

#include "platform/page_input.h"

#include <emscripten.h>

namespace {

obole::platform::FrameWork g_work{};
unsigned g_frames = 0;

} // namespace

extern "C" {

// True when input is left for later frames (page_input_left()).
EMSCRIPTEN_KEEPALIVE int obole_render_frame()
{
    g_work.render();
    ++g_frames;
    return obole::platform::page_input_left() ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE int obole_tick()
{
    return g_work.tick() ? 1 : 0;
}

// Frames rendered since the page started: tests and the bench read it.
EMSCRIPTEN_KEEPALIVE unsigned obole_frames_rendered()
{
    return g_frames;
}
}

// Module.oboleWake(ms) asks for frames during the next ms milliseconds
// (250 when not given), and for at least SETTLE_FRAMES of them: after a
// change ImGui lays some things out on the next frame (tabs, tables, windows
// that fit their content), and under load one frame can outlast the time.
// A frame runs in an animation frame while the page is awake; awake ends
// when the time and the frames owed have run out and ImGui holds no input,
// and only a timer (the clock frame) or news wakes it.
//
// Input wakes it through Module.oboleInput (page_input.h), with the event's
// time. Module.oboleInputLatencies collects, per key press, click, touch or
// wheel (the first since the last frame), the time from the event to the end
// of the frame that handled it, and
// Module.oboleFrameTimes the time each frame took to draw (the latest 1,000
// of each).
EM_JS(void, js_frame_pacer_start, (int input_ms, int clock_frame_ms, int tick_ms), {
  var awakeUntil = 0, owed = 0, raf = 0, clockTimer = 0, inputAt = -1;
  var SETTLE_FRAMES = 3;
  var latencies = [], frameTimes = [];
  Module.oboleInputLatencies = latencies;
  Module.oboleFrameTimes = frameTimes;
  var keep = function(list, ms) {
    list.push(ms);
    if (list.length > 1000) list.shift();
  };
  var render = function() {
    raf = 0;
    var start = performance.now();
    var inputLeft = _obole_render_frame();
    var end = performance.now();
    if (owed > 0) owed--;
    keep(frameTimes, end - start);
    if (inputAt >= 0) {
      keep(latencies, end - inputAt);
      inputAt = -1;
    }
    if (end < awakeUntil || owed > 0 || inputLeft) ask();
    else clockTimer = setTimeout(function() { wake(100); }, clock_frame_ms);
  };
  // After input the frame is drawn on the next task, not at the next
  // animation frame, which a busy machine delays (by hundreds of ms in a
  // worker, whose animation frames follow the page's): keys typed quickly
  // then each get a frame of their own. Frames after it wait for animation
  // frames.
  var soon = 0;
  var ask = function() { raf = requestAnimationFrame(render); };
  var askSoon = function() {
    if (soon) return;
    soon = setTimeout(function() {
      soon = 0;
      if (raf) { cancelAnimationFrame(raf); raf = 0; }
      render();
    }, 0);
  };
  // at: for input, the event's time since the epoch (page_input.cpp): the
  // same clock on the page and in a worker.
  var wake = function(ms, at) {
    if (!(ms > 0)) ms = 250;  // Module.oboleWake() with no time: a few frames
    if (at > 0 && inputAt < 0) inputAt = at - performance.timeOrigin;
    awakeUntil = Math.max(awakeUntil, performance.now() + ms);
    owed = SETTLE_FRAMES;
    if (clockTimer) { clearTimeout(clockTimer); clockTimer = 0; }
    if (at > 0) askSoon();
    else if (!raf && !soon) ask();
  };
  Module.oboleWake = wake;
  // A hidden tab gets no animation frames: the tick keeps sync and storage
  // going there too.
  setInterval(function() {
    if (raf && !(typeof document === 'object' && document.hidden)) return;
    if (_obole_tick()) wake(250);
  }, tick_ms);
  wake(input_ms);
});

namespace obole::platform {

void frame_pacer_start(FrameWork work)
{
    g_work = work;
    js_frame_pacer_start(1000, 30'000, 1000);
}

void request_frames(int ms)
{
    EM_ASM({ if (Module.oboleWake) Module.oboleWake($0); }, ms);
}

} // namespace obole::platform
