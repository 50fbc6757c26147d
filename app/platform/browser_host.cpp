#include "platform/browser_host.h"

#include <emscripten.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

// --- JavaScript side ------------------------------------------------------

EM_JS(char*, js_setting, (const char* key), {
  let v = null;
  try { v = localStorage.getItem('obole.' + UTF8ToString(key)); } catch (e) { console.warn('localStorage:', e); }
  if (v === null) return 0;
  const n = lengthBytesUTF8(v) + 1;
  const p = _malloc(n);
  stringToUTF8(v, p, n);
  return p;
});

EM_JS(void, js_set_setting, (const char* key, const char* value), {
  try { localStorage.setItem('obole.' + UTF8ToString(key), UTF8ToString(value)); }
  catch (e) { console.warn('localStorage:', e); }
});

EM_JS(int, js_online, (), { return navigator.onLine ? 1 : 0; });

EM_JS(void, js_set_title, (const char* title), { document.title = UTF8ToString(title); });

// --- C++ side ---------------------------------------------------------------

namespace obole::platform {

BrowserHost& browser_host() {
  static BrowserHost host;
  return host;
}

std::string BrowserHost::setting(const std::string& key) const {
  char* v = js_setting(key.c_str());
  if (!v) return "";
  std::string s(v);
  std::free(v);
  return s;
}

void BrowserHost::set_setting(const std::string& key, const std::string& value) {
  js_set_setting(key.c_str(), value.c_str());
}

// web/boot.js copies the app's assets into /assets of the in-memory file system.
std::optional<std::string> BrowserHost::read_asset(const std::string& path) const {
  std::ifstream in("/assets/" + path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool BrowserHost::online() const { return js_online() != 0; }

ui::SaveState BrowserHost::save_state() const { return journal_.state(); }

std::string BrowserHost::save_error() const { return journal_.error(); }

void BrowserHost::set_title(const std::string& title) { js_set_title(title.c_str()); }

}  // namespace obole::platform
