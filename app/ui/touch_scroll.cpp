#include "ui/touch_scroll.h"

#include "ui/ui_scale.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cfloat>
#include <cmath>

namespace obole::ui {

namespace {

// How far a finger may wander (CSS pixels) and still tap; how long it is
// held still before the press is a long press.
constexpr float kSlop = 10.0f;
constexpr float kLongPress = 0.5f;
// A flung list slows down by this factor each second and stops under kStop
// CSS pixels a second.
constexpr float kFlingDecay = 0.02f;
constexpr float kStop = 40.0f;

struct Touch {
    bool down = false;
    bool scrolling = false;
    bool done = false;         // a long press fired, or the touch was cancelled
    ImGuiID window = 0;        // the window under the finger when it came down
    ImGuiID active_before = 0; // what was active then (a field being edited)
    ImVec2 velocity;           // the finger's, canvas pixels a second, while scrolling
};
Touch g_touch;
ImVec2 g_fling; // the finger's last velocity: a list flung keeps moving a moment
ImGuiID g_kept_id = 0;
int g_kept_frame = -1;

// While a finger scrolls, this id holds the pointer: no row under the moving
// finger lights up or takes the release.
ImGuiID scroll_id()
{
    return ImHashStr("obole/touch-scroll");
}

bool can_scroll(const ImGuiWindow* w, ImGuiAxis axis, float by)
{
    if (w->ScrollMax[axis] <= 0.0f || (w->Flags & ImGuiWindowFlags_NoScrollWithMouse))
        return false;
    const float at = w->ScrollTarget[axis] != FLT_MAX ? w->ScrollTarget[axis] : w->Scroll[axis];
    return by > 0 ? at < w->ScrollMax[axis] : at > 0.0f;
}

// The innermost window from `w` out that can still move that way takes the
// scroll: a table at its end passes the drag on to the screen around it.
bool scroll_by(ImGuiWindow* w, ImGuiAxis axis, float by)
{
    if (by == 0.0f)
        return false;
    for (; w; w = (w->Flags & ImGuiWindowFlags_ChildWindow) ? w->ParentWindow : nullptr) {
        if (!can_scroll(w, axis, by))
            continue;
        const float at = w->ScrollTarget[axis] != FLT_MAX ? w->ScrollTarget[axis] : w->Scroll[axis];
        const float to = ImClamp(at + by, 0.0f, w->ScrollMax[axis]);
        if (axis == ImGuiAxis_X)
            ImGui::SetScrollX(w, to);
        else
            ImGui::SetScrollY(w, to);
        return true;
    }
    return false;
}

// The finger moves the content with it: up when it goes up.
bool scroll_window(ImGuiID id, ImVec2 finger_moved)
{
    ImGuiWindow* w = ImGui::FindWindowByID(id);
    if (!w)
        return false;
    const bool x = scroll_by(w, ImGuiAxis_X, -finger_moved.x);
    const bool y = scroll_by(w, ImGuiAxis_Y, -finger_moved.y);
    return x || y;
}

// An item that keeps the finger's drags for itself.
bool item_owns_finger(const ImGuiContext& g)
{
    if (g.ActiveId == 0 || g.ActiveId == scroll_id())
        return false;
    if (g.ActiveId == g_kept_id && g_kept_frame >= g.FrameCount - 1)
        return true; // a signature pad
    if (g.ActiveId == g_touch.active_before)
        return true; // a field being edited: selecting
    ImGuiWindow* w = g.ActiveIdWindow;
    return w && (g.ActiveId == ImGui::GetWindowScrollbarID(w, ImGuiAxis_X) ||
                 g.ActiveId == ImGui::GetWindowScrollbarID(w, ImGuiAxis_Y));
}

// Whether the finger already lifted or moved away, in events ImGui has not
// handled yet: on a slow device (a frame of 200 ms) a quick tap's release can
// still be queued when the press looks half a second old.
bool finger_left_or_moved(const ImGuiContext& g, float slop)
{
    const ImVec2 at = g.IO.MouseClickedPos[ImGuiMouseButton_Left];
    for (const ImGuiInputEvent& e : g.InputEventsQueue) {
        if (e.Type == ImGuiInputEventType_MouseButton && e.MouseButton.Button == ImGuiMouseButton_Left &&
            !e.MouseButton.Down)
            return true;
        if (e.Type == ImGuiInputEventType_MousePos &&
            ImLengthSqr(ImVec2(e.MousePos.PosX - at.x, e.MousePos.PosY - at.y)) >= slop * slop)
            return true;
    }
    return false;
}

void fling(ImGuiIO& io)
{
    const float stop = css_px(kStop);
    if (io.MouseSource != ImGuiMouseSource_TouchScreen || io.MouseWheel != 0.0f || io.MouseWheelH != 0.0f ||
        (std::fabs(g_fling.x) < stop && std::fabs(g_fling.y) < stop)) {
        g_fling = ImVec2(0, 0);
        return;
    }
    const ImVec2 step(g_fling.x * io.DeltaTime, g_fling.y * io.DeltaTime);
    if (!scroll_window(g_touch.window, step)) {
        g_fling = ImVec2(0, 0);
        return;
    }
    const float keep = std::pow(kFlingDecay, io.DeltaTime);
    g_fling = ImVec2(g_fling.x * keep, g_fling.y * keep);
}

} // namespace

void cancel_touch()
{
    if (!ImGui::GetCurrentContext())
        return;
    ImGuiContext& g = *GImGui;
    // A field being edited before the touch stays so.
    if (g.ActiveId != 0 && g.ActiveId != g_touch.active_before)
        ImGui::ClearActiveID();
    // The browser sends a two-finger touch as two touchstarts, one after the
    // other: the first finger's press is usually still queued, and is taken
    // back, or a tab (selected as the press lands) would change under a pinch.
    for (int i = g.InputEventsQueue.Size - 1; i >= 0; --i) {
        const ImGuiInputEvent& e = g.InputEventsQueue[i];
        if (e.Type != ImGuiInputEventType_MouseButton || e.MouseButton.Button != ImGuiMouseButton_Left)
            continue;
        if (e.MouseButton.Down) {
            g.InputEventsQueue.erase(&g.InputEventsQueue[i]);
            g_touch.done = true;
            return;
        }
        break;
    }
    g.IO.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    g_touch.done = true;
    g_touch.scrolling = false;
    g_fling = ImVec2(0, 0);
}

void keep_touch_drags()
{
    g_kept_id = ImGui::GetItemID();
    g_kept_frame = ImGui::GetFrameCount();
}

void touch_scroll_frame()
{
    ImGuiContext& g = *GImGui;
    ImGuiIO& io = g.IO;
    const bool finger = io.MouseSource == ImGuiMouseSource_TouchScreen;

    if (g_touch.down && !io.MouseDown[ImGuiMouseButton_Left]) {
        // The finger left: a scroll lets go of the pointer and may fling on.
        if (g.ActiveId == scroll_id())
            ImGui::ClearActiveID();
        if (g_touch.scrolling)
            g_fling = g_touch.velocity;
        g_touch.down = false;
    }
    if (finger && io.MouseClicked[ImGuiMouseButton_Left]) {
        g_fling = ImVec2(0, 0); // a touch stops a flung list
        g_touch = Touch{};
        g_touch.down = true;
        g_touch.window = g.HoveredWindow ? g.HoveredWindow->ID : 0;
        g_touch.active_before = g.ActiveId;
    }
    if (!g_touch.down) {
        fling(io);
        return;
    }
    if (!finger || g_touch.done || (!g_touch.scrolling && item_owns_finger(g)))
        return;

    const float slop = css_px(kSlop);
    if (!g_touch.scrolling && io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] >= slop * slop) {
        // The button or row it started on is let go: its release will not press it.
        g_touch.scrolling = true;
        ImGui::SetActiveID(scroll_id(), ImGui::FindWindowByID(g_touch.window));
    }
    if (g_touch.scrolling) {
        if (g.ActiveId != scroll_id())
            ImGui::SetActiveID(scroll_id(), ImGui::FindWindowByID(g_touch.window));
        ImGui::KeepAliveID(scroll_id());
        scroll_window(g_touch.window, io.MouseDelta);
        if (io.DeltaTime > 0) {
            const ImVec2 now(io.MouseDelta.x / io.DeltaTime, io.MouseDelta.y / io.DeltaTime);
            g_touch.velocity = ImVec2((g_touch.velocity.x + now.x) / 2, (g_touch.velocity.y + now.y) / 2);
        }
        return;
    }
    if (io.MouseDownDuration[ImGuiMouseButton_Left] >= kLongPress && !finger_left_or_moved(g, slop)) {
        // A long press: the finger's press is withdrawn (nothing under it is
        // pressed when it lifts; the later release from the browser is a
        // duplicate ImGui drops), then a right click lands where it is. Letting
        // go first also keeps the menu's first item, which opens under the
        // finger, from being chosen by the lift.
        g_touch.done = true;
        ImGui::ClearActiveID();
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        io.AddMouseButtonEvent(ImGuiMouseButton_Right, true);
        io.AddMouseButtonEvent(ImGuiMouseButton_Right, false);
    }
}

} // namespace obole::ui
