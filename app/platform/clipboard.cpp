#include "platform/clipboard.h"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdlib>
#include <cstring>
#include <string>

// How each way works:
//  - Ctrl/Cmd+C or X in a field: the browser's copy (or cut) event comes
//    before ImGui's next frame sees the keys. Its handler takes the field's
//    selection from ImGui and puts it on the clipboard there and then, which
//    every browser allows (Safari allows nothing later). ImGui then does its
//    own copy or cut; the text it hands over is the same.
//  - A copy ImGui makes on its own (a Copy menu item): the Clipboard API,
//    which the browser allows shortly after a click or key.
//  - A paste, however it came (Ctrl or Cmd+V, whose key ImGui never sees:
//    web/page_events.js keeps it back; the browser's menu; a long press on a
//    phone), is typed into the field: one text message in the input queue,
//    in its place among the keys, so it arrives once and whole, with no
//    race between the paste event and ImGui's own paste. A cut with Cmd+X
//    deletes the selection after copying it.
// Passwords are never copied: ImGui refuses, and so does the copy event.
EM_JS(void, js_clipboard_install, (), {
  Module.oboleClipboard = "";
  Module.oboleCopiedByEvent = null;
  // The key combination that led to a cut, when ImGui acts on it itself.
  var imguiKey = "";
  window.addEventListener('keydown', function(e) {
    imguiKey = e.ctrlKey && !e.metaKey ? e.key.toLowerCase() : "";
  }, true);
  var onCopy = function(e) {
    var p = _obole_clipboard_selection();
    if (!p) {
      // Nothing to give (no selection, or a password): the hidden text
      // element's placeholder must not go out instead.
      if (e.target === Module.oboleTextInput) e.preventDefault();
      return;
    }
    var text = UTF8ToString(p);
    _free(p);
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
    Module.oboleClipboard = text;
    Module.oboleCopiedByEvent = text;
    if (e.type === 'cut' && imguiKey !== 'x') Module.oboleInput({ t: 'erase', forward: true });
    imguiKey = "";
  };
  document.addEventListener('copy', onCopy, true);
  document.addEventListener('cut', onCopy, true);
  document.addEventListener('paste', function(e) {
    var text = e.clipboardData ? e.clipboardData.getData('text/plain') : "";
    e.preventDefault();  // the hidden text field must not hold it: ImGui does
    Module.oboleClipboard = text;
    if (text) Module.oboleInput({ t: 'paste', text: text });
    imguiKey = "";
  }, true);
});

EM_JS(void, js_clipboard_write, (const char* utf8), {
  var text = UTF8ToString(utf8);
  var byEvent = Module.oboleCopiedByEvent;
  Module.oboleCopiedByEvent = null;
  if (text === byEvent) return;  // the copy event has put it on the clipboard already
  Module.oboleClipboard = text;
  if (!navigator.clipboard || !navigator.clipboard.writeText) {
    console.warn('Obole: this browser offers no clipboard to write to; the copy stays inside Obole');
    return;
  }
  navigator.clipboard.writeText(text).catch(function(err) {
    console.warn('Obole: the browser refused the copy (' + err + '); it stays inside Obole');
  });
});

EM_JS(char*, js_clipboard_read, (), {
  var text = Module.oboleClipboard || "";
  var n = lengthBytesUTF8(text) + 1;
  var p = _malloc(n);
  stringToUTF8(text, p, n);
  return p;
});

namespace obole::platform {

namespace {

std::string g_pasted; // what ImGui reads until its next paste

const char* get_clipboard(ImGuiContext*)
{
    char* p = js_clipboard_read();
    g_pasted = p;
    std::free(p);
    return g_pasted.c_str();
}

void set_clipboard(ImGuiContext*, const char* text)
{
    js_clipboard_write(text ? text : "");
}

} // namespace

void clipboard_install()
{
    ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
    pio.Platform_GetClipboardTextFn = get_clipboard;
    pio.Platform_SetClipboardTextFn = set_clipboard;
    js_clipboard_install();
}

} // namespace obole::platform

// The selected text of the active text field (malloc'd, the caller frees it),
// or null when there is none or it is a password.
extern "C" EMSCRIPTEN_KEEPALIVE char* obole_clipboard_selection()
{
    ImGuiContext& g = *GImGui;
    ImGuiInputTextState* state = ImGui::GetInputTextState(g.ActiveId);
    if (!state || !state->HasSelection())
        return nullptr;
    if (state->Flags & (ImGuiInputTextFlags_Password | ImGuiInputTextFlags_ReadOnly))
        return nullptr;
    const int a = state->GetSelectionStart(), b = state->GetSelectionEnd();
    const int from = a < b ? a : b, to = a < b ? b : a;
    if (from < 0 || to > state->TextLen)
        return nullptr;
    char* out = static_cast<char*>(std::malloc(static_cast<size_t>(to - from) + 1));
    std::memcpy(out, state->TextA.Data + from, static_cast<size_t>(to - from));
    out[to - from] = 0;
    return out;
}
