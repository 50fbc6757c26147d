// Settings → Accounting: the account codes the accountant's journal uses, per
// payment method and per campaign (core/import_export/accounting_export.h),
// one "key=code" a line. Staff and admins only.
#pragma once
#include "ui/app_state.h"

#include <string>

namespace obole::ui {

class AccountMappingPanel {
public:
    void draw(AppState& app);

private:
    std::string text_, message_, error_;
    bool loaded_ = false;
};

} // namespace obole::ui
