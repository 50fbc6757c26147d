#include "platform/item_mirror.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>
#include <unordered_map>
#include <vector>

namespace obole::platform {

struct MirrorItem {
  ImGuiID id = 0;
  ImRect rect;
  std::string name;
  ImGuiItemStatusFlags status = 0;
  ImGuiItemFlags item_flags = 0;
};

static std::vector<MirrorItem> g_current;                // being collected this frame
static std::unordered_map<ImGuiID, size_t> g_index;      // id -> position in g_current
static std::string g_last_json = "[]";

// "Save##form" is named "Save"; "##Amount" (a field labelled by a separate text)
// is named "Amount"; "###id" parts are identifiers, never names.
static std::string accessible_name(const char* label) {
  std::string s(label);
  size_t hashes = s.find("##");
  if (hashes == std::string::npos) return s;
  std::string visible = s.substr(0, hashes);
  if (!visible.empty()) return visible;
  if (s.compare(hashes, 3, "###") == 0) return "";
  return s.substr(hashes + 2);
}

void item_mirror_install() { ImGui::GetCurrentContext()->TestEngineHookItems = true; }

static void append_escaped(std::string& out, const std::string& s) {
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

void item_mirror_end_frame() {
  std::string json = "[";
  bool first = true;
  for (const MirrorItem& it : g_current) {
    if (it.name.empty()) continue;
    char nums[192];
    std::snprintf(nums, sizeof nums, "\",\"id\":%u,\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"status\":%d,\"flags\":%d}",
                  it.id, it.rect.Min.x, it.rect.Min.y, it.rect.GetWidth(), it.rect.GetHeight(), it.status,
                  it.item_flags);
    json += first ? "{\"name\":\"" : ",{\"name\":\"";
    append_escaped(json, it.name);
    json += nums;
    first = false;
  }
  json += "]";
  g_last_json.swap(json);
  g_current.clear();
  g_index.clear();
}

const std::string& item_mirror_json() { return g_last_json; }

}  // namespace obole::platform

using obole::platform::g_current;
using obole::platform::g_index;

// ImGui calls these for every item while test-engine hooks are on.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* item_data) {
  if (id == 0) return;
  auto [it, fresh] = g_index.try_emplace(id, g_current.size());
  if (fresh) g_current.push_back({});
  obole::platform::MirrorItem& m = g_current[it->second];
  m.id = id;
  m.rect = bb;
  if (item_data) m.item_flags = item_data->ItemFlags;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  if (id == 0 || !label) return;
  // Most widgets add their item, then describe it; a tab describes itself
  // first. Either way both land on one entry (a tab's rectangle comes after).
  auto [it, fresh] = g_index.try_emplace(id, g_current.size());
  if (fresh) g_current.push_back({});
  obole::platform::MirrorItem& m = g_current[it->second];
  m.id = id;
  m.name = obole::platform::accessible_name(label);
  m.status = flags;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
