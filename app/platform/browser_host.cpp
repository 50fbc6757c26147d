#include "platform/browser_host.h"

#include "platform/frame_pacer.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

// --- JavaScript side ------------------------------------------------------

// The settings this browser remembers: boot.js gives the module a copy
// (Module.oboleSettings); a change is kept there and sent to the page, which
// stores it (web/page_bridge.js).
EM_JS(char*, js_setting, (const char* key), {
  const v = (Module.oboleSettings || {})[UTF8ToString(key)];
  if (v === undefined || v === null) return 0;
  const n = lengthBytesUTF8(v) + 1;
  const p = _malloc(n);
  stringToUTF8(v, p, n);
  return p;
});

EM_JS(void, js_set_setting, (const char* key, const char* value), {
  const k = UTF8ToString(key), v = UTF8ToString(value);
  (Module.oboleSettings = Module.oboleSettings || {})[k] = v;
  Module.oboleToPage({t: "setting", key: k, value: v});
});

EM_JS(int, js_online, (), { return navigator.onLine ? 1 : 0; });

// "Chrome on Android", "Firefox on Windows"...: enough to tell a team's
// devices apart in the server's list; the person may write something better.
EM_JS(char*, js_device_description, (), {
  const ua = navigator.userAgent || "";
  const has = (...words) => words.some((w) => ua.includes(w));
  const browser = has("Edg/") ? "Edge" : has("Firefox/") ? "Firefox" : has("OPR/") ? "Opera"
                : has("Chrome/", "Chromium/") ? "Chrome" : has("Safari/") ? "Safari" : "Browser";
  const system = has("Android") ? "Android" : has("iPhone", "iPad", "iPod") ? "iOS" : has("Windows") ? "Windows"
               : has("Mac OS X", "Macintosh") ? "macOS" : has("CrOS") ? "ChromeOS" : has("Linux") ? "Linux" : "";
  const text = system ? browser + " on " + system : browser;
  const n = lengthBytesUTF8(text) + 1;
  const p = _malloc(n);
  stringToUTF8(text, p, n);
  return p;
});

EM_JS(void, js_set_title, (const char* title), { Module.oboleToPage({t : "title", text : UTF8ToString(title)}); });

// The first place replaces the page's own history entry; later ones add a
// step. Back and Forward come back as input (page_input.cpp).
EM_JS(void, js_push_history, (const char* place), { Module.oboleToPage({t : "history", place : UTF8ToString(place)}); });

// navigator.storage.estimate() is asynchronous and not free: read it every
// few seconds into Module.oboleStorageInfo, which the frame reads (a change
// wakes the frames: Settings shows the figures).
EM_JS(void, js_storage_watch, (), {
  const read = () => {
    if (!navigator.storage || !navigator.storage.estimate) return;
    Promise.all([navigator.storage.estimate(), navigator.storage.persisted ? navigator.storage.persisted() : false])
      .then(([e, persisted]) => {
        const info = { usage: e.usage || 0, quota: e.quota || 0, persisted };
        const old = Module.oboleStorageInfo;
        Module.oboleStorageInfo = info;
        if (Module.oboleWake && (!old || old.usage !== info.usage || old.quota !== info.quota || old.persisted !== persisted))
          Module.oboleWake(100);
      })
      .catch((err) => console.warn('Obole: storage estimate:', err));
  };
  read();
  setInterval(read, 10000);
});

EM_JS(double, js_storage_number, (int which), {
  const i = Module.oboleStorageInfo;
  if (!i) return -1;
  return which === 0 ? i.usage : which === 1 ? i.quota : (i.persisted ? 1 : 0);
});

EM_JS(char*, js_storage_backend, (), {
  const kind = Module.oboleStorage ? String(Module.oboleStorage.kind || "") : "";
  const n = lengthBytesUTF8(kind) + 1;
  const p = _malloc(n);
  stringToUTF8(kind, p, n);
  return p;
});

// kind: "save" (a download) or "open" (an image or a PDF shown in a new tab,
// which needs the user's recent click like the picker; the UI hands only
// what core/members/document_view.h proved to be one, typed as its bytes say).
EM_JS(void, js_send_file, (const char* kind, const char* name, const uint8_t* bytes, size_t size, const char* type), {
  Module.oboleToPage({t: UTF8ToString(kind), name: UTF8ToString(name), type: UTF8ToString(type),
                      bytes: HEAPU8.slice(bytes, bytes + size)});
});

EM_JS(void, js_print_html, (const char* html), { Module.oboleToPage({t : "print", html : UTF8ToString(html)}); });

// The picker needs the user's recent click (transient activation), which the
// frame after the click still has. `accept` narrows what it offers; the file
// comes back as input (page_input.cpp).
EM_JS(void, js_choose_file, (const char* accept), { Module.oboleToPage({t : "choose", accept : UTF8ToString(accept)}); });

// --- C++ side ---------------------------------------------------------------

namespace obole::platform {

BrowserHost& browser_host()
{
    static BrowserHost host;
    return host;
}

std::string BrowserHost::setting(const std::string& key) const
{
    char* v = js_setting(key.c_str());
    if (!v)
        return "";
    std::string s(v);
    std::free(v);
    return s;
}

void BrowserHost::set_setting(const std::string& key, const std::string& value)
{
    js_set_setting(key.c_str(), value.c_str());
}

// web/boot.js copies the app's assets into /assets of the in-memory file system.
std::optional<std::string> BrowserHost::read_asset(const std::string& path) const
{
    std::ifstream in("/assets/" + path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool BrowserHost::online() const
{
    return js_online() != 0;
}

int64_t BrowserHost::now_ms() const
{
    return static_cast<int64_t>(emscripten_date_now());
}

std::string BrowserHost::device_description() const
{
    char* d = js_device_description();
    std::string s(d);
    std::free(d);
    return s;
}

ui::SaveState BrowserHost::save_state() const
{
    return journal_.state();
}

std::string BrowserHost::save_error() const
{
    return journal_.error();
}

void BrowserHost::set_title(const std::string& title)
{
    js_set_title(title.c_str());
}

void BrowserHost::start_storage_watch()
{
    // boot.js chose the backend before the module started: read it once.
    char* backend = js_storage_backend();
    storage_backend_ = backend;
    std::free(backend);
    js_storage_watch();
}

// Called every frame by the status line: only reads what the watch cached.
ui::StorageInfo BrowserHost::storage_info() const
{
    ui::StorageInfo info;
    info.backend = storage_backend_;
    const double used = js_storage_number(0);
    if (used < 0)
        return info;
    info.known = true;
    info.used_bytes = used;
    info.quota_bytes = js_storage_number(1);
    info.persistent = js_storage_number(2) > 0;
    return info;
}

void BrowserHost::save_file(const std::string& name, const std::vector<uint8_t>& bytes, const std::string& mime_type)
{
    js_send_file("save", name.c_str(), bytes.data(), bytes.size(), mime_type.c_str());
}

void BrowserHost::open_file(const std::string& name, const std::vector<uint8_t>& bytes, const std::string& mime_type)
{
    js_send_file("open", name.c_str(), bytes.data(), bytes.size(), mime_type.c_str());
}

void BrowserHost::choose_file(const std::string& purpose)
{
    chosen_.reset();
    chosen_purpose_ = purpose;
    const char* accept = purpose == "backup" ? ".sqlite,.db,application/vnd.sqlite3,application/octet-stream"
                         : purpose == "csv"  ? ".csv,.txt,text/csv,text/plain"
                         : purpose == "xml"  ? ".xml,text/xml,application/xml"
                                             : "";
    js_choose_file(accept);
}

std::optional<ui::ChosenFile> BrowserHost::take_chosen_file(const std::string& purpose)
{
    if (!chosen_ || purpose != chosen_purpose_)
        return std::nullopt;
    std::optional<ui::ChosenFile> f = std::move(chosen_);
    chosen_.reset();
    return f;
}

void BrowserHost::push_history(const std::string& place)
{
    js_push_history(place.c_str());
}

std::optional<std::string> BrowserHost::take_history_step()
{
    auto step = std::move(history_step_);
    history_step_.reset();
    return step;
}

void BrowserHost::replace_device_data(const std::vector<uint8_t>& image)
{
    journal_.replace_with(image);
}

void BrowserHost::print_html(const std::string& html)
{
    js_print_html(html.c_str());
}

} // namespace obole::platform

extern "C" EMSCRIPTEN_KEEPALIVE void obole_file_chosen(const char* name, const uint8_t* bytes, size_t size)
{
    obole::platform::browser_host().on_file_chosen(
        obole::ui::ChosenFile{name ? name : "", std::vector<uint8_t>(bytes, bytes + size)});
    obole::platform::request_frames();
}

extern "C" EMSCRIPTEN_KEEPALIVE void obole_history_step(const char* place)
{
    obole::platform::browser_host().on_history_step(place ? place : "");
    obole::platform::request_frames();
}
