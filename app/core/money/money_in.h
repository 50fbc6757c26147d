// Everything a member paid in, from every table: gifts, orders, membership
// fees and SEPA collections. A collection that became a gift is that gift
// (counted once); cancelled orders and unpaid memberships paid nothing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace obole {

class Store;

struct MoneyIn {
    std::string date;
    std::string kind;           // "gift", "refund" (negative), "order", "membership", "collection"
    std::string payment_method; // core/money/gift.h's names ("cheque", "direct_debit", ...)
    int64_t amount_cents = 0;
    std::string label; // what it was: campaign code, refund's reason, order description, period, RUM
};

struct MethodTotal {
    std::string payment_method;
    int64_t amount_cents = 0;
    int count = 0;
};

// Newest first.
Result<std::vector<MoneyIn>> money_in_for_member(Store& store, const std::string& member_id);

// One total per payment method, largest first.
std::vector<MethodTotal> totals_by_method(const std::vector<MoneyIn>& rows);

} // namespace obole
