// Orders (commandes): goods a member bought from the association. Money in,
// but not a gift (no tax receipt).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/money/gift.h"
#include "core/result.h"

namespace obole {

class Store;

struct PurchaseOrder {
    std::string id, member_id, order_date, description;
    int64_t quantity = 1, amount_cents = 0;
    std::string payment_method, status, operator_name, created_at;
};

struct NewPurchaseOrder {
    std::string member_id, date_text, description, quantity_text = "1", amount_text;
    PaymentMethod method = PaymentMethod::cheque;
};

class PurchaseOrderRepository {
public:
    explicit PurchaseOrderRepository(Store& store) : store_(store) {}

    // date_text: empty means today, else a date not in the future (date.*,
    // field "date"); description: one line, 1..100 characters
    // (order.no_description / order.bad_description, field "description");
    // quantity 1..9999 (order.bad_quantity, field "quantity"); amount_text:
    // the order's total (amount.*, field "amount"). member.not_found.
    // One transaction with its journal row; returns the id.
    Result<std::string> add(const NewPurchaseOrder& order, const std::string& operator_name);

    // Newest first.
    Result<std::vector<PurchaseOrder>> list_for_member(const std::string& member_id);

private:
    Store& store_;
};

} // namespace obole
