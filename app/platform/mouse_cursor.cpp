#include "platform/mouse_cursor.h"

#include <emscripten.h>
#include <imgui.h>

EM_JS(void, js_set_cursor, (const char* css), { Module.oboleToPage({t : "cursor", css : UTF8ToString(css)}); });

namespace obole::platform {

namespace {

const char* css_cursor(ImGuiMouseCursor c)
{
    switch (c) {
    case ImGuiMouseCursor_None: return "none";
    case ImGuiMouseCursor_TextInput: return "text";
    case ImGuiMouseCursor_ResizeAll: return "move";
    case ImGuiMouseCursor_ResizeNS: return "ns-resize";
    case ImGuiMouseCursor_ResizeEW: return "ew-resize";
    case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
    case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
    case ImGuiMouseCursor_Hand: return "pointer";
    case ImGuiMouseCursor_Wait: return "wait";
    case ImGuiMouseCursor_Progress: return "progress";
    case ImGuiMouseCursor_NotAllowed: return "not-allowed";
    default: return "default";
    }
}

const char* g_shown = nullptr;

} // namespace

void mouse_cursor_after_frame()
{
    ImGuiMouseCursor wanted = ImGui::GetMouseCursor();
    // Only interactive items are hovered in ImGui's sense (buttons, tabs, rows,
    // checkboxes); fields ask for the text caret themselves.
    if (wanted == ImGuiMouseCursor_Arrow && ImGui::IsAnyItemHovered())
        wanted = ImGuiMouseCursor_Hand;
    const char* css = css_cursor(wanted);
    if (css == g_shown)
        return;
    g_shown = css;
    js_set_cursor(css);
}

} // namespace obole::platform
