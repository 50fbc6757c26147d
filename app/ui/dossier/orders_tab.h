// Orders (commandes): goods the member bought, and a form to record one.
#pragma once
#include "core/members/member.h"
#include "core/money/purchase_order_repository.h"
#include "ui/app_state.h"
#include "ui/dossier/form_row.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"

#include <vector>

namespace obole::ui {

class OrdersTab {
public:
    void draw(AppState& app, const Member& member);

private:
    void draw_form(AppState& app, const Member& member);
    void draw_list();
    bool save(AppState& app, const Member& member);
    Freshness fresh_;
    std::vector<PurchaseOrder> orders_;
    ReadFailure read_;
    std::string date_, description_, quantity_ = "1", amount_;
    PaymentMethod method_ = PaymentMethod::cheque;
    FormError error_;
};

} // namespace obole::ui
