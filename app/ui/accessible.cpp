#include "ui/accessible.h"

#include "ui/tr.h"

#include <imgui_internal.h>

#include <cstring>
#include <string>
#include <unordered_map>

namespace obole::ui {

static ItemHintSink g_sink = nullptr;

void set_item_hint_sink(ItemHintSink sink)
{
    g_sink = sink;
}

void hint_item(ImGuiID id, const char* name, const ItemHint& hint)
{
    if (g_sink && id != 0)
        g_sink(id, name, hint);
}

OverlayWords overlay_words()
{
    return {current_lang(), tr("Screens"), tr("Status line")};
}

// Text is no item to ImGui: the item mirror learns of it here, named by
// what it says, at the rectangle just drawn.
static void mirror_last_text(const char* text, Role role)
{
    if (!g_sink)
        return;
    ImGuiContext& g = *GImGui;
    // The same text twice in a frame ("None" under several headings) is two
    // items: the second and later get ids of their own, stable from frame to
    // frame while the screen keeps its order.
    static std::unordered_map<ImGuiID, int> seen;
    static int seen_frame = -1;
    if (seen_frame != g.FrameCount) {
        seen.clear();
        seen_frame = g.FrameCount;
    }
    // Salted: a button with the same label in the same place is another item.
    ImGuiID id = ImHashStr("announced", 0, ImGui::GetID(text));
    if (const int n = seen[id]++; n > 0)
        id = ImHashData(&n, sizeof n, id);
#ifdef IMGUI_ENABLE_TEST_ENGINE
    IMGUI_TEST_ENGINE_ITEM_ADD(id, g.LastItemData.Rect, nullptr);
#endif
    (void)g;
    hint_item(id, text, {role});
}

void announced_text(const char* text, ImU32 colour)
{
    if (colour)
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextWrapped("%s", text);
    if (colour)
        ImGui::PopStyleColor();
    mirror_last_text(text, Role::text);
}

void announced_line(const char* text, ImU32 colour)
{
    if (colour)
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(text);
    if (colour)
        ImGui::PopStyleColor();
    mirror_last_text(text, Role::text);
}

void announced_section(const char* text)
{
    ImGui::SeparatorText(text);
    mirror_last_text(text, Role::section);
}

void announced_heading(const char* text)
{
    ImGui::TextUnformatted(text);
    mirror_last_text(text, Role::heading);
}

void announced_status(const char* text, ImU32 colour)
{
    if (colour)
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextWrapped("%s", text);
    if (colour)
        ImGui::PopStyleColor();
    mirror_last_text(text, Role::status);
}

void announced_text_fit(const char* text, float max_width, ImU32 colour)
{
    const char* end = text + std::strlen(text);
    const char* cut = end;
    const float ellipsis = ImGui::CalcTextSize("…").x;
    if (ImGui::CalcTextSize(text).x > max_width) {
        // Drop whole UTF-8 characters from the end until the rest and "…" fit.
        while (cut > text && ImGui::CalcTextSize(text, cut).x + ellipsis > max_width) {
            --cut;
            while (cut > text && (static_cast<unsigned char>(*cut) & 0xC0) == 0x80)
                --cut;
        }
    }
    if (colour)
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
    if (cut == end) {
        ImGui::TextUnformatted(text, end);
    } else {
        std::string shown(text, cut);
        shown += "…";
        ImGui::TextUnformatted(shown.c_str());
    }
    if (colour)
        ImGui::PopStyleColor();
    if (cut != end && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", text);
    mirror_last_text(text, Role::status);
}

bool begin_combo(const char* label, const char* preview)
{
    // The id is taken before the call: an open combo pushes its popup window,
    // after which the "last item" is no longer the combo.
    const ImGuiID id = ImGui::GetID(label);
    const bool open = ImGui::BeginCombo(label, preview);
#ifdef IMGUI_ENABLE_TEST_ENGINE
    ImGuiContext& g = *GImGui;
    IMGUI_TEST_ENGINE_ITEM_INFO(id, label, ImGuiItemStatusFlags_Openable | (open ? ImGuiItemStatusFlags_Opened : 0));
#endif
    hint_item(id, nullptr, {Role::combobox, preview});
    return open;
}

bool radio_button(const char* label, bool active)
{
    const bool pressed = ImGui::RadioButton(label, active);
    hint_item(ImGui::GetItemID(), nullptr, {Role::radio, nullptr, active});
    return pressed;
}

} // namespace obole::ui
