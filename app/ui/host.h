// What the UI needs from the environment it runs in. app/platform implements it
// (browser today; a native window for development later), so app/ui never calls
// Emscripten or the DOM itself.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace obole::ui {

// Where the local copy stands on its way to durable storage on this device.
enum class SaveState { idle, saving, saved, failed };

// What the browser says of the space this device gives Obole.
struct StorageInfo {
    bool known = false; // the browser answered
    double used_bytes = 0;
    double quota_bytes = 0;
    bool persistent = false; // protected from eviction under storage pressure
    std::string backend;     // "opfs", "indexeddb", or "" when none

    // From this share of the quota on, the app warns: the next entries may not fit.
    bool near_quota() const { return known && quota_bytes > 0 && used_bytes / quota_bytes >= 0.8; }
};

struct ChosenFile {
    std::string name;
    std::vector<uint8_t> bytes;
};

class Host {
public:
    virtual ~Host() = default;
    // Small preferences that outlive the tab (language, operator name).
    virtual std::string setting(const std::string& key) const = 0;
    virtual void set_setting(const std::string& key, const std::string& value) = 0;
    // Files shipped with the app (translations); nullopt when missing.
    virtual std::optional<std::string> read_asset(const std::string& path) const = 0;
    virtual bool online() const = 0;
    // Unix milliseconds, as the wall clock says.
    virtual int64_t now_ms() const = 0;
    // What this device is, in a few words ("Chrome on Android"): the default
    // name it is enrolled under.
    virtual std::string device_description() const = 0;
    virtual SaveState save_state() const = 0;
    virtual std::string save_error() const = 0;
    virtual void set_title(const std::string& title) = 0;
    // The browser's Back and Forward buttons: each place the person goes to
    // ("search", "dossier/<uuid>") becomes a step of the page's history, and a
    // step back or forward comes back, once, from take_history_step().
    virtual void push_history(const std::string& place) = 0;
    virtual std::optional<std::string> take_history_step() = 0;

    virtual StorageInfo storage_info() const = 0;
    // Hands a file to the person (a download); mime_type says what it is.
    virtual void save_file(const std::string& name, const std::vector<uint8_t>& bytes,
                           const std::string& mime_type = "application/octet-stream") = 0;
    // Shows an image or a PDF in a new browser tab that has no handle on the
    // app (noopener); mime_type must come from core/members/document_view.h
    // (what the bytes are), and any other type downloads instead. Call it in
    // the frame after a click.
    virtual void open_file(const std::string& name, const std::vector<uint8_t>& bytes,
                           const std::string& mime_type) = 0;
    // Opens the file picker for a purpose: "backup" (a database image),
    // "document" (any file), "csv" (a spreadsheet export), "xml" (a bank's file). The file arrives
    // later through take_chosen_file(purpose), given only to the purpose that
    // asked, so two screens polling for files never take each other's.
    virtual void choose_file(const std::string& purpose = "backup") = 0;
    virtual std::optional<ChosenFile> take_chosen_file(const std::string& purpose = "backup") = 0;
    // Makes `image` this device's database, durably, then restarts the app on
    // it. Until then nothing else may write: the app shows only a wait screen.
    virtual void replace_device_data(const std::vector<uint8_t>& image) = 0;
    // Rewrites what the device stores as its database alone, older
    // snapshots and journal records erased, the last change (an erasure,
    // which holds what it removed) never written apart: after a person's
    // erasure, nothing of them stays on the device.
    virtual void compact_device_data() = 0;
    // Prints a complete HTML page (a tax receipt) through the browser's print
    // dialog, where the person may also save it as PDF.
    virtual void print_html(const std::string& html) = 0;
};

} // namespace obole::ui
