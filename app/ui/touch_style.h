// Event and field modes are used standing up, on tablets and phones: larger
// targets (at least 44 CSS px high, as touch guidelines ask) and
// more room between them. Pushed for the whole screen, popped at its end.
#pragma once

namespace obole::ui {

class TouchStyle {
public:
    TouchStyle();
    ~TouchStyle();
    TouchStyle(const TouchStyle&) = delete;
    TouchStyle& operator=(const TouchStyle&) = delete;
};

// The screen is narrow (under 700 CSS px: a phone held upright): lay out in one column.
bool narrow_screen();
// The width of a field that fills the line on a phone, and stops at a
// readable width on a wide screen.
float field_width();
// Puts the next item, `width` wide, on the line of the last one when it
// fits, else on the next line: rows of buttons wrap on a phone.
void flow(float width);
// A button placed by flow().
bool flow_button(const char* label);
// A row of a list a finger can hit: a selectable as high as a button.
bool touch_row(const char* label, bool selected = false);

} // namespace obole::ui
