#include "platform/item_mirror.h"

#include "ui/accessible.h"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>
#include <cstring>
#include <unordered_map>
#include <vector>

// The overlay (web/a11y_overlay.js) rebuilds itself from this JSON; called
// only when it changed, so an idle screen costs the page nothing.
EM_JS(void, js_a11y_overlay_update, (const char* json), { Module.oboleToPage({t : "overlay", json : UTF8ToString(json)}); });

namespace obole::platform {

struct MirrorItem {
    ImGuiID id = 0;
    ImRect rect;
    ImRect clip; // the window's visible part when the item was laid out
    bool has_clip = false;
    std::string name;
    ImGuiItemStatusFlags status = 0;
    ImGuiItemFlags item_flags = 0;
    bool from_widget = false; // ImGui laid it out (not a text announced by ui/accessible)
    ImGuiID window_id = 0;
    bool in_combo_popup = false;
    bool in_menu = false; // a menu's popup or a menu bar
    ImGuiID group = 0;    // the table or popup that holds it
    ui::ItemHint hint;
    std::string hint_value;
};

static std::vector<MirrorItem> g_current;           // being collected this frame
static std::unordered_map<ImGuiID, size_t> g_index; // id -> position in g_current
static std::vector<MirrorItem> g_last;              // the last frame's, for activation
static std::string g_last_json = "[]";
static std::string g_a11y_json = "{}";

// "Save##form" is named "Save"; "##Amount" (a field labelled by a separate text)
// is named "Amount"; "###id" parts are identifiers, never names.
static std::string accessible_name(const char* label)
{
    std::string s(label);
    size_t hashes = s.find("##");
    if (hashes == std::string::npos)
        return s;
    std::string visible = s.substr(0, hashes);
    if (!visible.empty())
        return visible;
    if (s.compare(hashes, 3, "###") == 0)
        return "";
    return s.substr(hashes + 2);
}

static MirrorItem& entry(ImGuiID id)
{
    auto [it, fresh] = g_index.try_emplace(id, g_current.size());
    if (fresh)
        g_current.push_back({});
    MirrorItem& m = g_current[it->second];
    m.id = id;
    return m;
}

// Where the item lives, read while ImGui lays it out.
static void note_window(MirrorItem& m)
{
    ImGuiContext& g = *GImGui;
    ImGuiWindow* w = g.CurrentWindow;
    if (!w)
        return;
    m.window_id = w->ID;
    m.clip = w->ClipRect;
    m.has_clip = true;
    m.in_combo_popup = (w->Flags & ImGuiWindowFlags_Popup) && std::strncmp(w->Name, "##Combo_", 8) == 0;
    m.in_menu = (w->Flags & ImGuiWindowFlags_ChildMenu) || w->DC.NavLayerCurrent == ImGuiNavLayer_Menu;
    m.group = g.CurrentTable ? g.CurrentTable->ID : w->ID;
}

static void take_hint(ImGuiID id, const char* name, const ui::ItemHint& hint)
{
    MirrorItem& m = entry(id);
    if (name)
        m.name = accessible_name(name);
    m.hint = hint;
    m.hint_value = hint.value ? hint.value : "";
    m.hint.value = nullptr; // the text may not outlive the frame: hint_value keeps it
    if (!m.window_id)
        note_window(m);
}

void item_mirror_install()
{
    ImGui::GetCurrentContext()->TestEngineHookItems = true;
    ui::set_item_hint_sink(take_hint);
}

static void append_escaped(std::string& out, const std::string& s)
{
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
}

struct Tab {
    bool selected = false;
    ImGuiID bar = 0;
};
using Tabs = std::unordered_map<ImGuiID, Tab>;

// The tabs of the tab bars drawn this frame: whether each is selected, and its bar.
static Tabs tabs_of_frame()
{
    ImGuiContext& g = *GImGui;
    Tabs tabs;
    for (int i = 0; i < g.TabBars.GetMapSize(); ++i) {
        ImGuiTabBar* bar = g.TabBars.TryGetMapData(i);
        if (!bar || bar->CurrFrameVisible != g.FrameCount)
            continue;
        for (const ImGuiTabItem& tab : bar->Tabs)
            tabs[tab.ID] = {tab.ID == bar->SelectedTabId, bar->ID};
    }
    return tabs;
}

struct Described {
    const char* role;
    bool selected = false;
    ImGuiID group = 0; // when not the item's table or window: a tab's bar
};

// The role, from ImGui's own data where it tells (status flags set by the
// widget that added the item, the window it lives in), else from a hint.
// open_combo: the shown choice of the combo whose list is open; its option is the selected one.
static Described describe(const MirrorItem& m, const Tabs& tabs, const std::string& open_combo)
{
    using ui::Role;
    switch (m.hint.role) {
    case Role::text: return {"text"};
    case Role::heading: return {"heading"};
    case Role::section: return {"section"};
    case Role::status: return {"status"};
    case Role::nav_link: return {"navbutton"};
    case Role::combobox: return {"combobox"};
    case Role::option: return {"option", m.hint.checked};
    case Role::radio: return {"radio"};
    case Role::textbox: return {"textbox"};
    case Role::automatic: break;
    }
    if (!m.from_widget)
        return {"text"};
    if (m.id == m.window_id)
        return {"window"};
    if (auto tab = tabs.find(m.id); tab != tabs.end())
        return {"tab", tab->second.selected, tab->second.bar};
    if (m.status & ImGuiItemStatusFlags_Inputable)
        return {"textbox"};
    if (m.status & ImGuiItemStatusFlags_Checkable)
        return {m.in_menu ? "menuitemcheckbox" : "checkbox"};
    if (m.status & ImGuiItemStatusFlags_Openable)
        return {m.in_menu ? "menu" : "disclosure"};
    if (m.in_combo_popup)
        return {"option", m.name == open_combo};
    // A Selectable spanning a table's columns is a row of a list.
    if (m.status & ImGuiItemStatusFlags_HasClipRect)
        return {"row"};
    if (m.in_menu)
        return {"menuitem"};
    return {"button"};
}

// The part of the rectangle the window shows: a row scrolled out of a table
// has none.
static ImRect visible_rect(const MirrorItem& m)
{
    if (!m.has_clip)
        return m.rect;
    ImRect r = m.rect;
    r.ClipWithFull(m.clip);
    if (r.GetWidth() <= 0 || r.GetHeight() <= 0)
        return ImRect(m.rect.Min, m.rect.Min);
    return r;
}

static void add_a11y_item(std::string& json, const MirrorItem& m, const Described& d, bool& first)
{
    ImGuiContext& g = *GImGui;
    const ImRect r = visible_rect(m);
    char nums[160];
    std::snprintf(nums, sizeof nums, "\",\"id\":%u,\"group\":%u,\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f", m.id,
                  d.group ? d.group : m.group, r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight());
    json += first ? "{\"role\":\"" : ",{\"role\":\"";
    first = false;
    json += d.role;
    json += "\",\"name\":\"";
    append_escaped(json, m.name);
    json += nums;
    const std::string role = d.role;
    if (role == "checkbox" || role == "menuitemcheckbox")
        json += (m.status & ImGuiItemStatusFlags_Checked) ? ",\"checked\":1" : ",\"checked\":0";
    if (role == "radio")
        json += m.hint.checked ? ",\"checked\":1" : ",\"checked\":0";
    if (role == "tab" || role == "option")
        json += d.selected ? ",\"selected\":1" : ",\"selected\":0";
    if (m.status & ImGuiItemStatusFlags_Openable)
        json += (m.status & ImGuiItemStatusFlags_Opened) ? ",\"expanded\":1" : ",\"expanded\":0";
    if (m.item_flags & ImGuiItemFlags_Disabled)
        json += ",\"disabled\":1";
    if ((m.item_flags & ImGuiItemFlags_ReadOnly) || m.hint.read_only)
        json += ",\"readonly\":1";
    if (m.hint.current)
        json += ",\"current\":1";
    if (role == "combobox") {
        json += ",\"value\":\"";
        append_escaped(json, m.hint_value);
        json += "\"";
    }
    // A text field's text is known only while it is being edited; a password's never leaves.
    if (role == "textbox" && g.InputTextState.ID == m.id && g.ActiveId == m.id &&
        !(g.InputTextState.Flags & ImGuiInputTextFlags_Password)) {
        json += ",\"value\":\"";
        append_escaped(json, std::string(g.InputTextState.TextA.Data, g.InputTextState.TextLen));
        json += "\"";
    }
    json += "}";
}

void item_mirror_end_frame()
{
    ImGuiContext& g = *GImGui;
    const auto tabs = tabs_of_frame();
    std::string open_combo;
    for (const MirrorItem& it : g_current)
        if (it.hint.role == ui::Role::combobox && (it.status & ImGuiItemStatusFlags_Opened))
            open_combo = it.hint_value;
    std::string json = "[";
    char head[128];
    // Focus, as the overlay follows it: the nav item, whether the keyboard moved
    // it there, and the text field being typed in (the hidden input has focus then).
    const bool typing = g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId;
    // dw: the width ImGui lays out in, which the canvas shows at its CSS width.
    std::snprintf(head, sizeof head, "{\"dw\":%.1f,\"nav\":%u,\"keyboard\":%d,\"typing\":%u,", g.IO.DisplaySize.x,
                  g.NavId, g.NavCursorVisible ? 1 : 0, typing ? g.ActiveId : 0);
    std::string a11y = head;
    const ui::OverlayWords words = ui::overlay_words();
    a11y += "\"lang\":\"";
    append_escaped(a11y, words.lang);
    a11y += "\",\"screens\":\"";
    append_escaped(a11y, words.screens);
    a11y += "\",\"statusLine\":\"";
    append_escaped(a11y, words.status_line);
    a11y += "\",\"items\":[";
    bool first = true, first_a11y = true;
    for (const MirrorItem& it : g_current) {
        if (it.name.empty())
            continue;
        const Described d = describe(it, tabs, open_combo);
        char nums[192];
        std::snprintf(
            nums, sizeof nums,
            "\",\"id\":%u,\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"status\":%d,\"flags\":%d,\"role\":\"%s\"}",
            it.id, it.rect.Min.x, it.rect.Min.y, it.rect.GetWidth(), it.rect.GetHeight(), it.status, it.item_flags,
            d.role);
        json += first ? "{\"name\":\"" : ",{\"name\":\"";
        append_escaped(json, it.name);
        json += nums;
        first = false;
        if (std::strcmp(d.role, "window") != 0)
            add_a11y_item(a11y, it, d, first_a11y);
    }
    json += "]";
    a11y += "]}";
    g_last_json.swap(json);
    if (a11y != g_a11y_json) {
        g_a11y_json.swap(a11y);
        js_a11y_overlay_update(g_a11y_json.c_str());
    }
    g_last.swap(g_current);
    g_current.clear();
    g_index.clear();
}

const std::string& item_mirror_json()
{
    return g_last_json;
}
const std::string& item_mirror_a11y_json()
{
    return g_a11y_json;
}

static const MirrorItem* last_frame_item(ImGuiID id)
{
    for (const MirrorItem& m : g_last)
        if (m.id == id)
            return &m;
    return nullptr;
}

// Gives the item ImGui's keyboard focus, as if the keyboard had moved there,
// and scrolls it into view. Runs between frames (from a DOM event).
static bool focus_item(ImGuiID id)
{
    const MirrorItem* m = last_frame_item(id);
    if (!m || !m->from_widget)
        return false;
    ImGuiWindow* window = ImGui::FindWindowByID(m->window_id);
    if (!window || !window->Active)
        return false; // e.g. a combo's list closed since

    ImGuiContext& g = *GImGui;
    ImGui::SetFocusID(id, window);
    window->NavRectRel[g.NavLayer] = ImGui::WindowRectAbsToRel(window, m->rect);
    g.NavCursorVisible = true;
    g.NavHighlightItemUnderNav = true;
    ImGui::ScrollToRectEx(window, m->rect, ImGuiScrollFlags_KeepVisibleEdgeY);
    return true;
}

} // namespace obole::platform

using obole::platform::entry;

extern "C" {

// A screen reader moved to an overlay element (or a test focused it).
EMSCRIPTEN_KEEPALIVE int obole_a11y_focus(unsigned id)
{
    return obole::platform::focus_item(id) ? 1 : 0;
}

// A screen reader activated an overlay element: ImGui presses the item on the
// next frame as if Space were pressed on it (a text field starts editing).
// A field being typed in is left first. ImGui writes its text back when a
// field is left in the frame it is pressed away from, and a button pressed
// in that frame (Save gift) has cleared the form: the last cheque's bank
// came back in the next gift. Its text is the app's already (ImGui writes
// edits through as they are typed), so nothing is lost.
EMSCRIPTEN_KEEPALIVE int obole_a11y_activate(unsigned id)
{
    ImGuiContext& g = *GImGui;
    if (g.ActiveId != 0 && g.ActiveId != id) {
        ImGui::ClearActiveID();
        g.InputTextDeactivatedState.ID = 0;
    }
    if (!obole::platform::focus_item(id))
        return 0;
    ImGui::ActivateItemByID(id);
    GImGui->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
    return 1;
}

EMSCRIPTEN_KEEPALIVE const char* obole_a11y_json()
{
    return obole::platform::item_mirror_a11y_json().c_str();
}
}

// ImGui calls these for every item while test-engine hooks are on.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* item_data)
{
    if (id == 0)
        return;
    obole::platform::MirrorItem& m = entry(id);
    m.rect = bb;
    if (item_data) {
        m.item_flags = item_data->ItemFlags;
        m.from_widget = true;
        if (!m.window_id)
            obole::platform::note_window(m);
    }
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags flags)
{
    if (id == 0 || !label)
        return;
    // Most widgets add their item, then describe it; a tab describes itself
    // first. Either way both land on one entry (a tab's rectangle comes after).
    obole::platform::MirrorItem& m = entry(id);
    m.name = obole::platform::accessible_name(label);
    m.status = flags;
    m.from_widget = true;
    // A combo describes itself once its popup is open: it lives where it was added.
    if (!m.window_id)
        obole::platform::note_window(m);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID)
{
    return nullptr;
}
