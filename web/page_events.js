// The page's events, as the app's input: every key, character, pointer move,
// button, touch, wheel notch, focus change, visibility change and resize the
// page sees becomes one plain message, handed to `send` in the order the
// browser dispatched them. The app (app/platform/page_input.cpp) queues them
// and gives them to ImGui at the start of its next frame, all of them, in
// that order, however long the frame took: nothing is read from the page's
// state at frame time, so nothing is dropped or seen twice.
//
// Messages are plain objects a structured clone carries unchanged, so the
// same messages reach the app whether it runs on this thread or in a worker.
// Positions are CSS pixels from the canvas's top left corner; `at` is the
// event's time since the epoch (performance.timeOrigin + timeStamp), which
// means the same on both sides of a postMessage.
//   { t: 'key', down, code, key, ctrl, shift, alt, meta, at }
//   { t: 'text', text }                       characters to type
//   { t: 'paste', text }                      a paste, typed whatever modifiers are held
//   { t: 'erase', forward }                   an on-screen keyboard's deletion
//   { t: 'move', x, y, touch }                the pointer (or one finger) moved there
//   { t: 'button', button, down, x, y, touch, at }
//   { t: 'wheel', dx, dy, at }                in ImGui's steps (one notch = 1)
//   { t: 'touch-cancel' }                     a second finger, or the browser took the touch
//   { t: 'leave' }                            the pointer left the canvas
//   { t: 'focus', on }                        the page gained or lost the keyboard
//   { t: 'visible', on }                      the tab was shown or hidden
//   { t: 'size', w, h, ratio }                the canvas's CSS size and devicePixelRatio
//   { t: 'online', on }                       navigator.onLine changed
// The hidden text field and the clipboard send 'text', 'paste' and 'erase' through the
// same `send` (app/platform/text_input.cpp, clipboard.cpp).
'use strict';

function oboleStartPageEvents(canvas, send) {
  const at = (e) => performance.timeOrigin + (e && e.timeStamp ? e.timeStamp : performance.now());
  const local = (clientX, clientY) => {
    const r = canvas.getBoundingClientRect();
    return { x: clientX - r.left, y: clientY - r.top };
  };

  // --- Keys and characters ----------------------------------------------------
  // A key goes by its place on the keyboard (code) and by what it means in the
  // person's layout (key): the app takes letters from key, so Ctrl+A selects
  // all on an AZERTY keyboard too. Tab and Backspace are the app's alone (no
  // move of the page's focus, no "back" in old browsers). Ctrl/Cmd+V is not
  // sent as a key: the paste event that follows brings the text, once
  // (clipboard.cpp), and a key that made the app paste as well would paste twice.
  const modifiers = (e) => ({ ctrl: e.ctrlKey, shift: e.shiftKey, alt: e.altKey, meta: e.metaKey });
  const isPasteKey = (e) => (e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'v' || e.key === 'V');
  window.addEventListener('keydown', (e) => {
    // An input method composing: its keys are the composition's (text_input.cpp).
    if (e.isComposing || e.keyCode === 229) return;
    if (e.key === 'Tab' || e.key === 'Backspace') e.preventDefault();
    if (isPasteKey(e)) return;
    send({ t: 'key', down: true, code: e.code, key: e.key, ...modifiers(e), at: at(e) });
  }, true);
  window.addEventListener('keyup', (e) => {
    if (e.isComposing || e.keyCode === 229) return;
    if (isPasteKey(e)) return;
    send({ t: 'key', down: false, code: e.code, key: e.key, ...modifiers(e), at: at(e) });
  }, true);
  // The character a key makes, in the person's layout, dead keys composed:
  // keypress is where browsers give it whole. Shortcuts make none.
  window.addEventListener('keypress', (e) => {
    if (e.ctrlKey || e.metaKey) return;
    const code = e.charCode;
    if (!code || code < 0x20) return;
    send({ t: 'text', text: String.fromCodePoint(code) });
  }, true);

  // --- Pointer: mouse and touch -----------------------------------------------
  let fingers = 0;
  canvas.addEventListener('mousemove', (e) => {
    const p = local(e.clientX, e.clientY);
    send({ t: 'move', x: p.x, y: p.y, touch: false });
  }, true);
  canvas.addEventListener('mousedown', (e) => {
    const p = local(e.clientX, e.clientY);
    send({ t: 'button', button: e.button, down: true, x: p.x, y: p.y, touch: false, at: at(e) });
  }, true);
  // On the window: a drag that ends outside the canvas still lets the button go.
  window.addEventListener('mouseup', (e) => {
    const p = local(e.clientX, e.clientY);
    send({ t: 'button', button: e.button, down: false, x: p.x, y: p.y, touch: false, at: at(e) });
  }, true);
  canvas.addEventListener('mouseleave', () => send({ t: 'leave' }), true);
  // A finger is a pointer of its own kind: the app scrolls what it drags and
  // takes a finger held still for a long press (app/ui/touch_scroll.h). The
  // browser gets none of it (no page scroll or zoom, and no mouse events
  // emulated after the touch, which would press a second time). A second
  // finger (a pinch) cancels the touch: nothing is pressed.
  const touch = (e) => {
    if (e.cancelable) e.preventDefault();
    const t = e.changedTouches && e.changedTouches[0];
    if (!t) return;
    const p = local(t.clientX, t.clientY);
    if (e.type === 'touchstart') {
      fingers = e.touches.length;
      if (fingers > 1) { send({ t: 'touch-cancel' }); return; }
      send({ t: 'move', x: p.x, y: p.y, touch: true });
      send({ t: 'button', button: 0, down: true, x: p.x, y: p.y, touch: true, at: at(e) });
    } else if (e.type === 'touchmove') {
      if (e.touches.length > 1) return;
      send({ t: 'move', x: p.x, y: p.y, touch: true });
    } else {
      if (e.type === 'touchcancel') send({ t: 'touch-cancel' });
      send({ t: 'move', x: p.x, y: p.y, touch: true });
      send({ t: 'button', button: 0, down: false, x: p.x, y: p.y, touch: true, at: at(e) });
    }
  };
  for (const type of ['touchstart', 'touchmove', 'touchend', 'touchcancel'])
    canvas.addEventListener(type, touch, { capture: true, passive: false });
  // One notch of a mouse wheel is one step, whatever unit the browser counts
  // in (as SDL and ImGui's own Emscripten backend count it).
  canvas.addEventListener('wheel', (e) => {
    e.preventDefault();
    const per = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 80 : 1 / 100;
    send({ t: 'wheel', dx: -e.deltaX * per, dy: -e.deltaY * per, at: at(e) });
  }, { capture: true, passive: false });

  // --- Focus, visibility, network ---------------------------------------------
  window.addEventListener('blur', () => send({ t: 'focus', on: false }));
  window.addEventListener('focus', () => send({ t: 'focus', on: true }));
  document.addEventListener('visibilitychange', () => send({ t: 'visible', on: !document.hidden }));
  window.addEventListener('online', () => send({ t: 'online', on: true }));
  window.addEventListener('offline', () => send({ t: 'online', on: false }));

  // --- Size and devicePixelRatio ----------------------------------------------
  // The canvas follows the page (obole.css); the app draws one pixel per
  // device pixel (app/platform/display_scale.h). A `(resolution: Ndppx)`
  // query stops matching when the ratio changes without a resize (browser
  // zoom, a move to another screen): then a new one is armed for the ratio in
  // force. The query is kept: one nobody holds is collected with its listener.
  let lastSize = '';
  const sendSize = () => {
    const r = canvas.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    const key = r.width + 'x' + r.height + '@' + ratio;
    if (key === lastSize) return;
    lastSize = key;
    send({ t: 'size', w: r.width, h: r.height, ratio });
  };
  let query = null;
  const arm = () => {
    const changed = () => { query.removeEventListener('change', changed); sendSize(); arm(); };
    query = window.matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
    query.addEventListener('change', changed);
  };
  window.addEventListener('resize', sendSize);
  arm();
  sendSize();
  send({ t: 'online', on: navigator.onLine });
  send({ t: 'visible', on: !document.hidden });
}
