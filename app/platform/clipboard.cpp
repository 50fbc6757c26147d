#include "platform/clipboard.h"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <optional>

EM_JS(void, js_clipboard_copy, (const char* text), { Module.oboleToPage({t : "copy", text : UTF8ToString(text)}); });

// $0: the text, or 0 for none.
EM_JS(void, js_clipboard_selection, (const char* text), { Module.oboleToPage({t : "selection", text : text ? UTF8ToString(text) : null});
});

namespace obole::platform {

namespace {

std::string g_clipboard;                // what ImGui pastes: its last copy, or the last paste
std::optional<std::string> g_selection; // as the page last heard it

const char* get_clipboard(ImGuiContext*)
{
    return g_clipboard.c_str();
}

void set_clipboard(ImGuiContext*, const char* text)
{
    g_clipboard = text ? text : "";
    js_clipboard_copy(g_clipboard.c_str());
}

// The selected text of the active text field; none when there is no
// selection, or in a password (ImGui copies none either).
std::optional<std::string> active_selection()
{
    ImGuiContext& g = *GImGui;
    ImGuiInputTextState* state = ImGui::GetInputTextState(g.ActiveId);
    if (!state || !state->HasSelection())
        return std::nullopt;
    if (state->Flags & (ImGuiInputTextFlags_Password | ImGuiInputTextFlags_ReadOnly))
        return std::nullopt;
    const int a = state->GetSelectionStart(), b = state->GetSelectionEnd();
    const int from = a < b ? a : b, to = a < b ? b : a;
    if (from < 0 || to > state->TextLen)
        return std::nullopt;
    return std::string(state->TextA.Data + from, state->TextA.Data + to);
}

} // namespace

void clipboard_install()
{
    ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
    pio.Platform_GetClipboardTextFn = get_clipboard;
    pio.Platform_SetClipboardTextFn = set_clipboard;
}

void clipboard_note_paste(const std::string& text)
{
    g_clipboard = text;
}

void clipboard_after_frame()
{
    std::optional<std::string> now = active_selection();
    if (now == g_selection)
        return;
    g_selection = std::move(now);
    js_clipboard_selection(g_selection ? g_selection->c_str() : nullptr);
}

} // namespace obole::platform
