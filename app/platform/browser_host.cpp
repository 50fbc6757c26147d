#include "platform/browser_host.h"

#include "core/store.h"

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

// The bytes are copied out of the wasm heap before the asynchronous write.
EM_JS(void, js_persist, (const uint8_t* bytes, size_t size, uint32_t generation), {
  const copy = HEAPU8.slice(bytes, bytes + size);
  const done = (ok, msg) => Module.ccall('obole_persisted', null, ['number', 'number', 'string'], [generation, ok, msg]);
  if (!Module.oboleStorage) { done(0, 'no local storage available'); return; }
  Module.oboleStorage.put(copy).then(() => done(1, ""), (e) => done(0, String(e && e.message || e)));
});

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

ui::SaveState BrowserHost::save_state() const {
  if (failed_) return ui::SaveState::failed;
  if (generation_sent_ == 0) return ui::SaveState::idle;
  return generation_done_ == generation_sent_ ? ui::SaveState::saved : ui::SaveState::saving;
}

std::string BrowserHost::save_error() const { return error_; }

void BrowserHost::set_title(const std::string& title) { js_set_title(title.c_str()); }

void BrowserHost::persist_if_changed(Store& store) {
  if (store.change_count() == persisted_change_) return;
  persisted_change_ = store.change_count();
  std::vector<uint8_t> bytes = store.serialize();
  if (bytes.empty()) {
    failed_ = true;
    error_ = "the database could not be serialised";
    return;
  }
  js_persist(bytes.data(), bytes.size(), ++generation_sent_);
}

void BrowserHost::on_persisted(uint32_t generation, bool ok, const std::string& error) {
  // Writes complete in order; a later success clears an earlier failure only
  // because it holds everything the failed one held.
  if (!ok) {
    failed_ = true;
    error_ = error;
    return;
  }
  if (generation > generation_done_) generation_done_ = generation;
  if (generation == generation_sent_) {
    failed_ = false;
    error_.clear();
  }
}

}  // namespace obole::platform

extern "C" EMSCRIPTEN_KEEPALIVE void obole_persisted(uint32_t generation, int ok, const char* error) {
  obole::platform::browser_host().on_persisted(generation, ok != 0, error ? error : "");
}
