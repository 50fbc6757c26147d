#include "platform/page_input.h"

#include "platform/clipboard.h"
#include "platform/display_scale.h"
#include "platform/dom_keys.h"
#include "ui/focus_move.h"
#include "ui/touch_scroll.h"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cfloat>

// Module.oboleInput(message) queues one message and wakes the frame pacer;
// a key press, button press or wheel notch also starts the pacer's input
// latency clock (its `at`: the event's time since the epoch, the same clock
// on the page and in a worker). Module.oboleInputSent and oboleInputTaken
// count the messages queued and given to ImGui, for the tests.
EM_JS(void, js_page_input_install, (), {
    Module.oboleInbox = Module.oboleInbox || [];
    Module.oboleInputSent = Module.oboleInbox.length;
    Module.oboleInputTaken = 0;
    Module.oboleInput = function(m)
    {
        Module.oboleInputSent++;
        Module.oboleInbox.push(m);
        var starts = (m.t === 'key' || m.t === 'button') ? m.down : m.t === 'wheel';
        if (Module.oboleWake)
            Module.oboleWake(1000, starts ? m.at : 0);
    };
});

EM_JS(int, js_page_input_queued, (), { return Module.oboleInbox.length; });

// Every queued message, in order, to C++. Runs of pointer moves are one move
// (ImGui keeps only where the pointer is at each step anyway). A screen
// reader's focus or activation (web/a11y_overlay.js) moves ImGui's focus,
// which is no input event ImGui queues: it waits for a frame that starts
// with nothing before it, and what follows it waits for the next frame (a
// field activated takes no characters in the frame it becomes active), so
// "7781" typed before moving on is the cheque number's, whole.
EM_JS(void, js_page_input_drain, (), {
    var inbox = Module.oboleInbox;
    if (!inbox.length)
        return;
    Module.oboleInbox = [];
    var withText = function(text, fn)
    {
        var n = lengthBytesUTF8(text) + 1;
        var p = _malloc(n);
        stringToUTF8(text, p, n);
        fn(p);
        _free(p);
    };
    for (var i = 0; i < inbox.length; i++) {
        var m = inbox[i];
        if (m.t === 'a11y') {
            if (i > 0 || _obole_input_pending()) {
                Module.oboleInbox = inbox.slice(i).concat(Module.oboleInbox);
                return;
            }
            Module.oboleInputTaken++;
            if (m.activate)
                _obole_a11y_activate(m.id);
            else
                _obole_a11y_focus(m.id);
            Module.oboleInbox = inbox.slice(1).concat(Module.oboleInbox);
            return;
        }
        Module.oboleInputTaken++;
        switch (m.t) {
        case 'key':
            withText(m.code || "", function(code) {
                withText(m.key || "", function(key) {
                    _obole_input_key(m.down ? 1 : 0, code, key,
                                     (m.ctrl ? 1 : 0) | (m.shift ? 2 : 0) | (m.alt ? 4 : 0) | (m.meta ? 8 : 0));
                });
            });
            break;
        case 'text':
            withText(m.text || "", _obole_input_text);
            break;
        case 'paste':
            withText(m.text || "", _obole_input_paste);
            break;
        case 'history':
            withText(m.place || "", _obole_history_step);
            break;
        case 'file':
            var p = _malloc(m.bytes.length || 1);
            HEAPU8.set(m.bytes, p);
            withText(m.name || "", function(name) { _obole_file_chosen(name, p, m.bytes.length); });
            _free(p);
            break;
        case 'erase':
            _obole_input_erase(m.forward ? 1 : 0);
            break;
        case 'move':
            var next = inbox[i + 1];
            if (next && next.t === 'move' && next.touch === m.touch)
                break;
            _obole_input_move(m.x, m.y, m.touch ? 1 : 0);
            break;
        case 'button':
            _obole_input_button(m.button, m.down ? 1 : 0, m.x, m.y, m.touch ? 1 : 0);
            break;
        case 'wheel':
            _obole_input_wheel(m.dx, m.dy);
            break;
        case 'touch-cancel':
            _obole_input_touch_cancel();
            break;
        case 'leave':
            _obole_input_leave();
            break;
        case 'focus':
            _obole_input_focus(m.on ? 1 : 0);
            break;
        case 'size':
            _obole_input_size(m.w, m.h, m.ratio);
            break;
        default:
            break; // 'visible', 'online': they only wake the pacer
        }
    }
});

namespace obole::platform {

namespace {

double g_last_frame = 0;
// Input taken back from ImGui's queue while a field takes the keyboard
// (ui/focus_move.h), given back first when it is there.
ImVector<ImGuiInputEvent> g_held;
int g_mods = 0; // the modifiers held, as the last key message said

// CSS pixels from the canvas's corner to canvas (device) pixels.
ImVec2 canvas_pos(double x, double y)
{
    const float s = display_css_to_canvas();
    return ImVec2(static_cast<float>(x) * s, static_cast<float>(y) * s);
}

void set_source(bool touch)
{
    ImGui::GetIO().AddMouseSourceEvent(touch ? ImGuiMouseSource_TouchScreen : ImGuiMouseSource_Mouse);
}

void set_modifiers(int mods)
{
    g_mods = mods;
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, (mods & 1) != 0);
    io.AddKeyEvent(ImGuiMod_Shift, (mods & 2) != 0);
    io.AddKeyEvent(ImGuiMod_Alt, (mods & 4) != 0);
    io.AddKeyEvent(ImGuiMod_Super, (mods & 8) != 0);
}

} // namespace

void page_input_install()
{
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "obole_page_input";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    js_page_input_install();
}

// While focus moves, neither what ImGui still holds from earlier frames
// (it takes one key change per frame) nor what came since is seen: the keys
// wait, in order, for the field they were typed for. Otherwise what waited
// goes back to the head of ImGui's queue, then the new messages.
static void take_input()
{
    ImGuiContext& g = *GImGui;
    if (ui::typing_waits()) {
        for (const ImGuiInputEvent& e : g.InputEventsQueue)
            g_held.push_back(e);
        g.InputEventsQueue.resize(0);
        return;
    }
    if (!g_held.empty()) {
        for (const ImGuiInputEvent& e : g.InputEventsQueue)
            g_held.push_back(e);
        g.InputEventsQueue.swap(g_held);
        g_held.resize(0);
    }
    js_page_input_drain();
}

bool page_input_left()
{
    return !g_held.empty() || GImGui->InputEventsQueue.Size > 0 || js_page_input_queued() != 0;
}

void page_input_new_frame()
{
    take_input();
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 size = display_canvas_size();
    io.DisplaySize = size;
    io.DisplayFramebufferScale = ImVec2(1, 1);
    const double now = emscripten_get_now() / 1000.0;
    io.DeltaTime = g_last_frame > 0 && now > g_last_frame ? static_cast<float>(now - g_last_frame) : 1.0f / 60.0f;
    g_last_frame = now;
}

} // namespace obole::platform

using namespace obole::platform;

extern "C" {

EMSCRIPTEN_KEEPALIVE void obole_input_key(int down, const char* code, const char* key, int mods)
{
    set_modifiers(mods);
    const ImGuiKey k = imgui_key_from_dom(code, key);
    if (k != ImGuiKey_None)
        ImGui::GetIO().AddKeyEvent(k, down != 0);
}

// ImGui input events not yet seen by a frame, held for a focus move or
// queued: a screen reader's message waits while there is one
// (js_page_input_drain), and a test that finds input missing reads where
// it stopped.
EMSCRIPTEN_KEEPALIVE int obole_input_pending()
{
    return g_held.Size + GImGui->InputEventsQueue.Size;
}

EMSCRIPTEN_KEEPALIVE void obole_input_text(const char* utf8)
{
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
}

// A paste is typed. ImGui's fields take no characters while Ctrl is held
// (Ctrl+letter makes none), and Ctrl or Cmd is still down after Ctrl+V: the
// modifiers are let go around the text, in the queue, so the text is typed
// whole, once (ImGui's own paste never runs: its key is kept back).
EMSCRIPTEN_KEEPALIVE void obole_input_paste(const char* utf8)
{
    clipboard_note_paste(utf8);
    const int held = g_mods;
    set_modifiers(0);
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    set_modifiers(held);
}

// An on-screen keyboard's Backspace (0) or Delete (1): pressed and released.
EMSCRIPTEN_KEEPALIVE void obole_input_erase(int forward)
{
    const ImGuiKey key = forward ? ImGuiKey_Delete : ImGuiKey_Backspace;
    ImGui::GetIO().AddKeyEvent(key, true);
    ImGui::GetIO().AddKeyEvent(key, false);
}

EMSCRIPTEN_KEEPALIVE void obole_input_move(double x, double y, int touch)
{
    set_source(touch != 0);
    const ImVec2 p = canvas_pos(x, y);
    ImGui::GetIO().AddMousePosEvent(p.x, p.y);
}

// The pointer is where the button changed: a finger lands where it touches.
EMSCRIPTEN_KEEPALIVE void obole_input_button(int button, int down, double x, double y, int touch)
{
    set_source(touch != 0);
    const ImVec2 p = canvas_pos(x, y);
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(p.x, p.y);
    // The DOM numbers the middle button 1 and the right one 2; ImGui the other way round.
    const int imgui_button = button == 1 ? ImGuiMouseButton_Middle : button == 2 ? ImGuiMouseButton_Right : button;
    if (imgui_button >= 0 && imgui_button < ImGuiMouseButton_COUNT)
        io.AddMouseButtonEvent(imgui_button, down != 0);
}

EMSCRIPTEN_KEEPALIVE void obole_input_wheel(double dx, double dy)
{
    set_source(false);
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(dx), static_cast<float>(dy));
}

EMSCRIPTEN_KEEPALIVE void obole_input_touch_cancel()
{
    obole::ui::cancel_touch();
}

EMSCRIPTEN_KEEPALIVE void obole_input_leave()
{
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
}

// Losing the keyboard lets every key go (ImGui clears what it held down).
EMSCRIPTEN_KEEPALIVE void obole_input_focus(int on)
{
    ImGui::GetIO().AddFocusEvent(on != 0);
}

EMSCRIPTEN_KEEPALIVE void obole_input_size(double css_width, double css_height, double ratio)
{
    display_scale_set(css_width, css_height, ratio);
}
}
