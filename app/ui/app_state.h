// State shared by the screens: where we are, who is working, and the store.
// Screens read it and ask for navigation through it; App owns it.
#pragma once
#include "ui/host.h"

#include <string>

namespace obole {
class Store;
}
namespace obole::sync {
class SyncEngine;
}

namespace obole::ui {

enum class Screen { search, dossier, new_member, settings, sync, duplicates, event, field, direct_debits, accounting };

struct AppState {
    Store* store = nullptr;
    Host* host = nullptr;
    // The device's link to the server (sync/client/sync_engine.h); null when
    // sync could not start, sync_error then says why.
    sync::SyncEngine* sync = nullptr;
    std::string sync_error;
    std::string operator_name;
    Screen screen = Screen::search;
    std::string member_id;  // member shown by the dossier
    std::string notice;     // last confirmation ("Gift saved"), shown in the status line
    bool restoring = false; // a backup is becoming the device's data: no writes until restart

    void open_member(const std::string& id)
    {
        member_id = id;
        screen = Screen::dossier;
    }
    // Enrolled with a server: changes travel, and merges wait for its word.
    bool enrolled() const;
};

} // namespace obole::ui
