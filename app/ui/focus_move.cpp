#include "ui/focus_move.h"

#include <imgui.h>

#include <algorithm>

namespace obole::ui {

namespace {

// Frames, from the next one, during which input waits.
int g_wait_frames = 0;

} // namespace

void focus_will_move()
{
    // The frame that calls focus_here(), then the one that moves the focus.
    g_wait_frames = std::max(g_wait_frames, 2);
}

void focus_here()
{
    ImGui::SetKeyboardFocusHere();
    // ImGui moves the focus (and activates the field) in the next frame:
    // input waits during that one, and reaches the field in the frame after.
    g_wait_frames = std::max(g_wait_frames, 1);
}

bool typing_waits()
{
    if (g_wait_frames == 0)
        return false;
    --g_wait_frames;
    return true;
}

} // namespace obole::ui
