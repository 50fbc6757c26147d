// Receipts (encaissements): all money in (gifts, orders, membership fees,
// collected direct debits) by date, with a total per payment method.
#pragma once
#include "core/members/member.h"
#include "core/money/money_in.h"
#include "ui/app_state.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"

#include <vector>

namespace obole::ui {

class ReceiptsTab {
public:
    void draw(AppState& app, const Member& member);

private:
    void draw_totals();
    void draw_list();
    Freshness fresh_;
    std::vector<MoneyIn> rows_;
    ReadFailure read_;
    std::vector<MethodTotal> totals_;
};

} // namespace obole::ui
