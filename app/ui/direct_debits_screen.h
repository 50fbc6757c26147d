// Direct debits (top bar → SEPA collections, office staff and admins): a
// collection run — pick a
// date (a TARGET2 business day leaving the bank its lead time), see every
// mandate due with its sequence type and amendment and the totals per
// sequence type, print or export the pre-notification, confirm: the
// pain.008 file downloads and each collection is recorded submitted. Below,
// the runs so far (download again, mark as sent, cancel before it is sent),
// the bank's returns (pain.002, camt.054) to import, and the donors to call.
// Opening it records as gifts the collections past their return deadline.
#pragma once
#include "core/sepa/call_list.h"
#include "core/sepa/collection_plan.h"
#include "core/sepa/collection_run.h"
#include "core/sepa/creditor_settings.h"
#include "ui/app_state.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"

#include <optional>
#include <string>
#include <vector>

namespace obole::ui {

class DirectDebitsScreen {
public:
    void draw(AppState& app);

private:
    void reload(AppState& app);
    void draw_new_run(AppState& app);
    void draw_plan(AppState& app);
    void draw_runs(AppState& app);
    void draw_returns(AppState& app);
    void download(AppState& app, const std::string& run_id);

    Freshness fresh_;
    CreditorSettings creditor_;
    std::vector<std::string> suggested_;
    std::string earliest_;
    std::string date_;
    std::optional<CollectionPlan> plan_;
    std::vector<CollectionRun> runs_;
    ReadFailure read_;
    std::vector<DonorToCall> to_call_;
    int settled_ = 0;
    std::string error_, message_, run_error_, returns_message_, returns_error_;
    std::string settle_error_; // collections past their deadline could not be recorded as gifts
};

} // namespace obole::ui
