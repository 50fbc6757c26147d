// Settings → the association as its tax receipts name it: name, address,
// object, legal status, SIREN or RNA number, signatory and role, place of
// signature, and whether gifts also reduce the IFI (shared settings: every
// device prints the same).
#pragma once
#include "core/receipts/organisation.h"
#include "ui/app_state.h"

#include <string>

namespace obole::ui {

class OrganisationPanel {
public:
    void draw(AppState& app);

private:
    Organisation edit_;
    bool loaded_ = false;
    std::string message_, error_;
};

} // namespace obole::ui
