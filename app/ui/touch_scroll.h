// A finger scrolls what it drags: every scrolling list and window, as on a
// phone's own apps (ImGui scrolls only with a wheel or a scrollbar). A touch
// that moves more than a few pixels becomes a scroll, and the button or row
// it started on is let go unpressed; a short tap presses as before. A finger
// held still for half a second is a long press: a right click where it is,
// which opens the context menu (BeginPopupContextItem). A mouse is left alone.
#pragma once

namespace obole::ui {

// Once per frame, before the screens draw.
void touch_scroll_frame();

// A second finger landed, or the browser took the touch (touchcancel): the
// touch presses nothing, scrolls no more and is no long press. Called from
// the platform's touch handling, between frames.
void cancel_touch();

// The item just drawn takes a finger's drags itself (a signature pad): a
// touch on it is never turned into a scroll or a long press.
void keep_touch_drags();

} // namespace obole::ui
