// What the UI needs from the environment it runs in. app/platform implements it
// (browser today; a native window for development later), so app/ui never calls
// Emscripten or the DOM itself.
#pragma once
#include <optional>
#include <string>

namespace obole::ui {

// Where the local copy stands on its way to durable storage on this device.
enum class SaveState { idle, saving, saved, failed };

class Host {
 public:
  virtual ~Host() = default;
  // Small preferences that outlive the tab (language, operator name).
  virtual std::string setting(const std::string& key) const = 0;
  virtual void set_setting(const std::string& key, const std::string& value) = 0;
  // Files shipped with the app (translations); nullopt when missing.
  virtual std::optional<std::string> read_asset(const std::string& path) const = 0;
  virtual bool online() const = 0;
  virtual SaveState save_state() const = 0;
  virtual std::string save_error() const = 0;
  virtual void set_title(const std::string& title) = 0;
};

}  // namespace obole::ui
