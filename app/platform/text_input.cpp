#include "platform/text_input.h"

#include <emscripten.h>
#include <imgui.h>

// Who delivers what (each as a message of web/page_events.js, in the one
// ordered queue of page_input.h, so text and keys arrive in the order typed):
//  - A key pressed on a keyboard is taken on the window (page_events.js)
//    before the element sees it, with the character it makes; that
//    character is kept out of the element (keypress is cancelled there), so
//    nothing arrives twice.
//  - What comes as text instead (an on-screen keyboard, the text an IME
//    commits, an autocorrection) is sent to ImGui as characters; a deletion
//    an on-screen keyboard makes, as Backspace or Delete. The element keeps
//    one space, so a keyboard has something to delete even in an empty field.
//  - While an IME composes, the composition stays in the element (the
//    browser draws its candidate window there); its result is sent when it ends.
//  - A paste never reaches the element: clipboard.cpp takes it first.
EM_JS(void, js_text_input_create, (), {
  var el = document.createElement('input');
  el.type = 'text';
  el.id = 'obole-text';
  el.setAttribute('autocomplete', 'off');
  el.setAttribute('autocorrect', 'off');
  el.setAttribute('autocapitalize', 'off');
  el.setAttribute('spellcheck', 'false');
  el.setAttribute('tabindex', '-1');
  el.setAttribute('aria-hidden', 'true');
  // Invisible but focusable; 16 px text so iOS does not zoom the page on focus.
  el.style.cssText = 'position:fixed;left:0;top:0;width:2px;height:20px;opacity:0;border:0;padding:0;' +
                     'margin:0;font-size:16px;pointer-events:none;z-index:-1';
  var SENTINEL = ' ';
  var reset = function() {
    el.value = SENTINEL;
    el.setSelectionRange(1, 1);
  };
  var send = function(text) {
    if (text) Module.oboleInput({ t: 'text', text: text });
  };
  var erase = function(forward) { Module.oboleInput({ t: 'erase', forward: forward }); };
  var composing = false, composed = false;
  el.addEventListener('keypress', function(e) { e.preventDefault(); });
  el.addEventListener('keydown', function(e) {
    // Keys already sent to ImGui as keys must not also edit the element.
    if (e.key === 'Delete' || e.key === 'Enter') e.preventDefault();
  });
  el.addEventListener('compositionstart', function() { composing = true; });
  el.addEventListener('compositionend', function(e) {
    composing = false;
    composed = true;
    send(e.data);
    reset();
  });
  el.addEventListener('input', function(e) {
    if (composing || e.isComposing) return;
    var kind = e.inputType || "";
    if (composed && kind === 'insertFromComposition') {
      composed = false;  // sent at compositionend
    } else if (kind === 'deleteContentBackward') {
      erase(false);
    } else if (kind === 'deleteContentForward') {
      erase(true);
    } else if (kind.lastIndexOf('insert', 0) === 0 && kind !== 'insertFromPaste' && kind !== 'insertFromDrop') {
      send(e.data !== null && e.data !== undefined ? e.data : el.value.slice(SENTINEL.length));
    }
    composed = false;
    reset();
  });
  document.body.appendChild(el);
  reset();
  Module.oboleTextInput = el;
});

// Focus follows ImGui: (x, y) is the caret in canvas pixels, h the line height.
EM_JS(void, js_text_input_follow, (int want, float x, float y, float h), {
  var el = Module.oboleTextInput;
  if (!el) return;
  if (!want) {
    if (document.activeElement === el) el.blur();
    return;
  }
  var canvas = Module['canvas'];
  var rect = canvas.getBoundingClientRect();
  var scale = rect.width / canvas.width;
  el.style.left = (rect.left + x * scale) + 'px';
  el.style.top = (rect.top + y * scale) + 'px';
  el.style.height = Math.max(h * scale, 16) + 'px';
  if (document.activeElement !== el) el.focus({ preventScroll: true });
});

namespace obole::platform {

namespace {

struct Ime {
    bool want = false;
    ImVec2 pos;
    float line_height = 0;
};
Ime g_ime;

// Called by ImGui at the end of a frame when its text field (or caret) changed.
void set_ime_data(ImGuiContext*, ImGuiViewport*, ImGuiPlatformImeData* data)
{
    g_ime.want = data->WantVisible || data->WantTextInput;
    g_ime.pos = data->InputPos;
    g_ime.line_height = data->InputLineHeight;
}

} // namespace

void text_input_install()
{
    ImGui::GetPlatformIO().Platform_SetImeDataFn = set_ime_data;
    js_text_input_create();
}

void text_input_after_frame()
{
    js_text_input_follow(g_ime.want ? 1 : 0, g_ime.pos.x, g_ime.pos.y, g_ime.line_height);
}

} // namespace obole::platform
