// Sync with the server: enrolling this device (a one-time code from an
// administrator, the operator's login and password), its state (online,
// changes waiting, last sync, last error), "Sync now" and leaving; and the
// sync part of the status line every screen shows.
#pragma once
#include "ui/app_state.h"
#include "ui/duplicates_screen.h"
#include "ui/sync_refusals.h"

#include <cstdint>
#include <optional>
#include <string>

namespace obole::ui {

class SyncScreen {
public:
    void draw(AppState& app);
    // Once per frame, whatever the screen: notices when an enrolment finished.
    void watch(AppState& app);

private:
    void draw_enrolment(AppState& app);
    void draw_state(AppState& app);
    void draw_leave_confirm(AppState& app);
    void draw_duplicates_link(AppState& app);

    std::string code_, login_, password_, device_name_;
    std::string enrol_form_error_;
    bool device_name_set_ = false;
    bool enrolment_seen_done_ = false;
    std::optional<std::string> erased_; // erased_reason(), read once
    std::string leave_error_;
    DuplicateCount duplicates_;
    RefusalList refusals_;
};

// The sync part of the status line: "Not enrolled", or the changes waiting,
// the last sync and the last error.
void draw_sync_status(AppState& app);

// A Unix time in the device's time zone: "14:05" or "2026-11-23 14:05:09".
std::string local_time(int64_t unix_ms, bool full);

// Whether this operator may merge members and dismiss pairs: anyone on a
// device working alone; at the server, administrators and staff.
bool may_merge(AppState& app);

} // namespace obole::ui
