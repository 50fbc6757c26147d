// Settings → Direct debits: the association as its bank knows it for SEPA
// collections (core/sepa/creditor_settings.h): creditor name, identifier
// (ICS), account, lead time, collection days and the return deadline.
// Staff and admins only (shared settings; the server refuses a volunteer's).
#pragma once
#include "core/sepa/creditor_settings.h"
#include "ui/app_state.h"

#include <string>

namespace obole::ui {

class CreditorPanel {
public:
    void draw(AppState& app);

private:
    CreditorSettingsText edit_;
    bool loaded_ = false;
    std::string message_, error_;
};

} // namespace obole::ui
