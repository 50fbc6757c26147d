// State shared by the screens: where we are, who is working, and the store.
// Screens read it and ask for navigation through it; App owns it.
#pragma once
#include "ui/host.h"

#include <string>

namespace obole { class Store; }

namespace obole::ui {

enum class Screen { search, dossier, new_member, settings };

struct AppState {
  Store* store = nullptr;
  Host* host = nullptr;
  std::string operator_name;
  Screen screen = Screen::search;
  std::string member_id;  // member shown by the dossier
  std::string notice;     // last confirmation ("Gift saved"), shown in the status line
  bool restoring = false; // a backup is becoming the device's data: no writes until restart

  void open_member(const std::string& id) {
    member_id = id;
    screen = Screen::dossier;
  }
};

}  // namespace obole::ui
