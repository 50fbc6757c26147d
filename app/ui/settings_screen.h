// Settings: language, operator name, what the device holds, the shared
// settings (major donor threshold, the association, the earliest accepted
// date), retention (administrators), backups, signing out and erasing the
// device, and for the office the direct debits' creditor and the accounting
// codes.
#pragma once
#include "ui/account_mapping_panel.h"
#include "ui/app_state.h"
#include "ui/backup_panel.h"
#include "ui/creditor_panel.h"
#include "ui/earliest_date_panel.h"
#include "ui/erase_device_panel.h"
#include "ui/organisation_panel.h"
#include "ui/retention_panel.h"

#include <string>

namespace obole::ui {

class SettingsScreen {
public:
    // Returns the language the user picked this frame, or "" when unchanged.
    std::string draw(AppState& app);

private:
    std::string operator_edit_;
    bool operator_loaded_ = false;
    BackupPanel backups_;
    OrganisationPanel organisation_;
    EarliestDatePanel earliest_date_;
    CreditorPanel creditor_;
    AccountMappingPanel accounts_;
    RetentionPanel retention_;
    EraseDevicePanel erase_;
};

} // namespace obole::ui
