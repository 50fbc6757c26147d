// Settings → data on this device: storage used and quota, backups to a file
// and back. For a small association with no server, its own backups.
#pragma once
#include "core/import_export/backup.h"
#include "ui/app_state.h"

#include <optional>
#include <string>

namespace obole::ui {

class BackupPanel {
public:
    void draw(AppState& app);

private:
    void draw_storage(AppState& app);
    void draw_confirm(AppState& app);
    std::string message_;
    bool message_is_error_ = false;
    std::optional<Backup> pending_; // read and checked, waiting for confirmation
    std::string pending_name_;
};

// "12.3 MB" (decimal units, as browsers and file managers show them).
std::string format_bytes(double bytes);

} // namespace obole::ui
