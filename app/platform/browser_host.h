// The browser side of ui::Host: localStorage, navigator.onLine, document.title,
// and keeping the local database in IndexedDB.
#pragma once
#include "ui/host.h"

#include <cstdint>
#include <string>

namespace obole { class Store; }

namespace obole::platform {

class BrowserHost : public ui::Host {
 public:
  std::string setting(const std::string& key) const override;
  void set_setting(const std::string& key, const std::string& value) override;
  std::optional<std::string> read_asset(const std::string& path) const override;
  bool online() const override;
  ui::SaveState save_state() const override;
  std::string save_error() const override;
  void set_title(const std::string& title) override;

  // Called once per frame: when the store changed, hand a copy to IndexedDB.
  // Until the durable journal lands (offline issue), the whole database is
  // written after each change and "saved" is shown once IndexedDB confirms it.
  void persist_if_changed(Store& store);
  // The store did not come from this device's storage (first visit): write it
  // even though nothing changed yet.
  void mark_unsaved() { persisted_change_ = ~uint64_t{0}; }
  // IndexedDB's answer for a write; called from JavaScript.
  void on_persisted(uint32_t generation, bool ok, const std::string& error);

 private:
  uint64_t persisted_change_ = 0;
  uint32_t generation_sent_ = 0;
  uint32_t generation_done_ = 0;
  std::string error_;
  bool failed_ = false;
};

BrowserHost& browser_host();

}  // namespace obole::platform
