#include "platform/frame_pacer.h"

#include <emscripten.h>

namespace {

obole::platform::FrameWork g_work{};
unsigned g_frames = 0;

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void obole_render_frame() {
  g_work.render();
  ++g_frames;
}

EMSCRIPTEN_KEEPALIVE int obole_tick() { return g_work.tick() ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE unsigned obole_frames_rendered() { return g_frames; }
}

// Module.oboleWake(ms) asks for frames during the next ms milliseconds. A
// frame runs in an animation frame while the page is awake; awake ends when
// the time runs out, and only a timer (the clock frame) or news wakes it.
//
// Module.oboleInputLatencies collects, per key press, click, touch or wheel,
// the time from the event to the end of the frame that handled it, and
// Module.oboleFrameTimes the time each frame took to draw (the latest 1,000
// of each).
EM_JS(void, js_frame_pacer_start, (int input_ms, int clock_frame_ms, int tick_ms), {
  var awakeUntil = 0, raf = 0, clockTimer = 0, inputAt = -1;
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
    _obole_render_frame();
    var end = performance.now();
    keep(frameTimes, end - start);
    if (inputAt >= 0) {
      keep(latencies, end - inputAt);
      inputAt = -1;
    }
    if (end < awakeUntil) raf = requestAnimationFrame(render);
    else clockTimer = setTimeout(function() { wake(100); }, clock_frame_ms);
  };
  var wake = function(ms) {
    awakeUntil = Math.max(awakeUntil, performance.now() + ms);
    if (clockTimer) { clearTimeout(clockTimer); clockTimer = 0; }
    if (!raf) raf = requestAnimationFrame(render);
  };
  Module.oboleWake = wake;
  var onInput = function(e) {
    if (inputAt < 0 && (e.type === 'keydown' || e.type === 'mousedown' || e.type === 'touchstart' ||
                        e.type === 'wheel')) inputAt = e.timeStamp;
    wake(input_ms);
  };
  ['keydown', 'keyup', 'mousedown', 'mouseup', 'mousemove', 'wheel', 'touchstart', 'touchmove', 'touchend',
   'touchcancel', 'input', 'compositionstart', 'compositionupdate', 'compositionend', 'paste', 'focus', 'blur',
   'resize', 'online', 'offline', 'visibilitychange'].forEach(function(type) {
    window.addEventListener(type, onInput, { capture: true, passive: true });
  });
  // A hidden tab gets no animation frames: the tick keeps sync and storage
  // going there too.
  setInterval(function() {
    if (raf && !document.hidden) return;
    if (_obole_tick()) wake(250);
  }, tick_ms);
  wake(input_ms);
});

namespace obole::platform {

void frame_pacer_start(FrameWork work) {
  g_work = work;
  js_frame_pacer_start(1000, 30'000, 1000);
}

void request_frames(int ms) { EM_ASM({ if (Module.oboleWake) Module.oboleWake($0); }, ms); }

unsigned frames_rendered() { return g_frames; }

}  // namespace obole::platform
