// Accounting (top bar, office staff and admins): for a period, the totals of
// every money movement by kind, the accountant's journal as a CSV (decimal
// comma or point), and the cheque deposit slip of the period or of a closed
// cash box batch, to print (core/import_export/accounting_export.h,
// deposit_slip.h).
#pragma once
#include "core/import_export/accounting_export.h"
#include "core/import_export/deposit_slip.h"
#include "ui/app_state.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"

#include <optional>
#include <string>
#include <vector>

namespace obole::ui {

class AccountingScreen {
public:
    void draw(AppState& app);

private:
    void print_slip(AppState& app, const Result<DepositSlip>& slip);

    Freshness fresh_;
    std::string from_, to_, error_, message_;
    bool decimal_comma_ = true;
    std::optional<AccountingExport> export_;
    std::vector<ClosedBatch> batches_;
    ReadFailure read_;
    int batch_ = -1;
};

} // namespace obole::ui
