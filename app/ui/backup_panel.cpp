#include "ui/backup_panel.h"

#include "core/calendar/date.h"
#include "core/store/store.h"
#include "ui/accessible.h"
#include "ui/tr.h"

#include <imgui.h>

#include <cstdio>

namespace obole::ui {

std::string format_bytes(double bytes)
{
    const char* units[] = {"B", "kB", "MB", "GB", "TB"};
    int u = 0;
    while (bytes >= 1000 && u < 4) {
        bytes /= 1000;
        ++u;
    }
    char out[32];
    std::snprintf(out, sizeof out, u == 0 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
    return out;
}

void BackupPanel::draw_storage(AppState& app)
{
    const StorageInfo info = app.host->storage_info();
    if (!info.known) {
        ImGui::TextDisabled("%s", tr("This browser does not say how much space it gives Obole."));
        return;
    }
    char line[160];
    std::snprintf(line, sizeof line, tr("Storage used: %s of %s available to Obole."),
                  format_bytes(info.used_bytes).c_str(), format_bytes(info.quota_bytes).c_str());
    announced_text(line);
    if (info.near_quota())
        announced_text(tr("This device is nearly full: export a backup and free some space before entering more."),
                       IM_COL32(200, 90, 0, 255));
    announced_text(info.persistent
                       ? tr("The browser keeps this data even when space runs low.")
                       : tr("The browser may clear this data when space runs low: export backups regularly."));
}

void BackupPanel::draw(AppState& app)
{
    draw_storage(app);

    if (ImGui::Button(tr("Export a backup"))) {
        std::vector<uint8_t> image = app.store->serialize();
        if (image.empty()) {
            message_ = tr("The backup could not be made: the data could not be copied.");
            message_is_error_ = true;
        } else {
            const std::string name = backup_file_name(today_iso());
            app.host->save_file(name, image, "application/vnd.sqlite3");
            message_ = std::string(tr("Backup saved as")) + " " + name;
            message_is_error_ = false;
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Import a backup…")))
        app.host->choose_file();

    if (auto file = app.host->take_chosen_file()) {
        auto backup = read_backup(file->bytes);
        if (!backup) {
            message_ = std::string(tr("This file cannot be imported:")) + " " + tr(backup.error().message);
            message_is_error_ = true;
        } else {
            pending_ = std::move(backup.value());
            pending_name_ = file->name;
            message_.clear();
            ImGui::OpenPopup(tr("Replace the data on this device?"));
        }
    }
    draw_confirm(app);
    if (!message_.empty())
        announced_text(message_.c_str(), message_is_error_ ? IM_COL32(200, 40, 40, 255) : 0);
}

void BackupPanel::draw_confirm(AppState& app)
{
    if (!ImGui::BeginPopupModal(tr("Replace the data on this device?"), nullptr, ImGuiWindowFlags_AlwaysAutoResize))
        return;
    char what[256];
    std::snprintf(what, sizeof what, tr("%s holds %lld members and %lld gifts."), pending_name_.c_str(),
                  static_cast<long long>(pending_ ? pending_->members : 0),
                  static_cast<long long>(pending_ ? pending_->gifts : 0));
    announced_text(what);
    announced_text(
        tr("Everything now on this device is replaced by the backup. Export a backup of it first if you may need it."));
    if (ImGui::Button(tr("Replace the data on this device")) && pending_) {
        app.host->replace_device_data(pending_->image);
        app.restoring = true;
        pending_.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Cancel"))) {
        pending_.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace obole::ui
