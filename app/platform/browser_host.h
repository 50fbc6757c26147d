// The browser side of ui::Host: localStorage, navigator.onLine, document.title,
// the page's history (Back button), and the device journal that keeps the local database durable.
#pragma once
#include "platform/device_journal.h"
#include "ui/host.h"

#include <string>

namespace obole::platform {

class BrowserHost : public ui::Host {
public:
    std::string setting(const std::string& key) const override;
    void set_setting(const std::string& key, const std::string& value) override;
    std::optional<std::string> read_asset(const std::string& path) const override;
    bool online() const override;
    int64_t now_ms() const override;
    std::string device_description() const override;
    ui::SaveState save_state() const override;
    std::string save_error() const override;
    void set_title(const std::string& title) override;
    void push_history(const std::string& place) override;
    std::optional<std::string> take_history_step() override;
    ui::StorageInfo storage_info() const override;
    void save_file(const std::string& name, const std::vector<uint8_t>& bytes, const std::string& mime_type) override;
    void open_file(const std::string& name, const std::vector<uint8_t>& bytes, const std::string& mime_type) override;
    void choose_file(const std::string& purpose) override;
    std::optional<ui::ChosenFile> take_chosen_file(const std::string& purpose) override;
    void replace_device_data(const std::vector<uint8_t>& image) override;
    void compact_device_data() override { journal_.compact(); }
    void print_html(const std::string& html) override;

    // Starts the periodic reading of the storage estimate.
    void start_storage_watch();
    void on_file_chosen(ui::ChosenFile file) { chosen_ = std::move(file); }
    void on_history_step(std::string place) { history_step_ = std::move(place); }

    DeviceJournal& journal() { return journal_; }

private:
    DeviceJournal journal_;
    std::optional<ui::ChosenFile> chosen_;
    std::string chosen_purpose_; // what the last opened picker was for
    std::string storage_backend_;
    std::optional<std::string> history_step_;
};

BrowserHost& browser_host();

} // namespace obole::platform
