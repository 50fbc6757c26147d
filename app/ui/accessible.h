// Help for the items the accessibility mirror would otherwise miss or get
// wrong. The mirror (app/platform/item_mirror.cpp) sees what ImGui reports
// through its test-engine hooks and derives each item's role and state from
// ImGui's own data; plain text has no item id, a combo box reports no value, a
// radio button looks like a button. The calls here fill those gaps with hints,
// handed to whoever installed a sink (the web build's mirror; nobody natively).
#pragma once
#include <imgui.h>

namespace obole::ui {

// What an item is, when ImGui cannot tell. `automatic` leaves it to the mirror.
enum class Role { automatic, text, heading, section, status, nav_link, combobox, option, radio, textbox };

struct ItemHint {
    Role role = Role::automatic;
    const char* value = nullptr; // a combo box's shown choice; never a password
    bool checked = false;        // a radio button's or an option's selection
    bool current = false;        // the navigation button of the screen shown
    bool read_only = false;      // a text field shown, not editable (ImGuiInputTextFlags_ReadOnly)
};

using ItemHintSink = void (*)(ImGuiID id, const char* name, const ItemHint& hint);
// The mirror installs its sink once; without one the hints cost nothing.
void set_item_hint_sink(ItemHintSink sink);
// Describes the item `id` of this frame; `name` (may be null) names items
// ImGui does not describe itself, such as text.
void hint_item(ImGuiID id, const char* name, const ItemHint& hint);

// The overlay's own words, in the interface's language: the names of its
// landmarks, and the language itself (for a screen reader's voice).
struct OverlayWords {
    const char* lang;
    const char* screens;     // the navigation between screens
    const char* status_line; // the status line at the bottom
};
OverlayWords overlay_words();

// Text the mirror sees as an item named by the text itself.
void announced_text(const char* text, ImU32 colour = 0);
// One line of text, not wrapped (ImGui::TextUnformatted), seen by the mirror.
void announced_line(const char* text, ImU32 colour = 0);
// ImGui::SeparatorText, seen by the mirror as the heading of a section.
void announced_section(const char* text);
// The same, read out as a heading (a member's name on top of the dossier).
void announced_heading(const char* text);
// The same, in a live region: a screen reader says it when it changes (the
// status line's "Saved on this device").
void announced_status(const char* text, ImU32 colour = 0);
// On one line, cut with "…" to at most max_width pixels; the whole text shows
// in a tooltip and is the item's name for the mirror. For lines that must not
// wrap, such as the status line.
void announced_text_fit(const char* text, float max_width, ImU32 colour = 0);
// A validation message under a field.
inline void form_error(const char* message)
{
    announced_text(message, IM_COL32(200, 40, 40, 255));
}
// ImGui::BeginCombo, with the combo named and its shown choice given for the mirror.
bool begin_combo(const char* label, const char* preview);
// ImGui::RadioButton, seen by the mirror as a radio button with its state.
bool radio_button(const char* label, bool active);

} // namespace obole::ui
