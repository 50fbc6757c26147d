#include "platform/text_input.h"

#include "platform/display_scale.h"

#include <emscripten.h>
#include <imgui.h>

#include <optional>

// (x, y) is the caret in CSS pixels from the canvas's corner, h the line height.
EM_JS(void, js_text_input_follow, (int want, float x, float y, float h), { Module.oboleToPage({t : "caret", want : !!want, x : x, y : y, h : h});
});

namespace obole::platform {

namespace {

struct Ime {
    bool want = false;
    ImVec2 pos;
    float line_height = 0;
    bool operator==(const Ime& o) const
    {
        return want == o.want && (!want || (pos.x == o.pos.x && pos.y == o.pos.y && line_height == o.line_height));
    }
};
Ime g_ime;                 // as ImGui last set it
std::optional<Ime> g_sent; // as the page last heard it

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
}

// Only what changed crosses to the page: in a worker each request is a message.
void text_input_after_frame()
{
    if (g_sent && *g_sent == g_ime)
        return;
    g_sent = g_ime;
    const float s = display_css_to_canvas();
    js_text_input_follow(g_ime.want ? 1 : 0, g_ime.pos.x / s, g_ime.pos.y / s, g_ime.line_height / s);
}

} // namespace obole::platform
