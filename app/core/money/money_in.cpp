#include "core/money/money_in.h"

#include <algorithm>
#include <map>

#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole {

namespace {

// One UNION over the four tables, sorted by SQLite. Gifts as corrected
// (core/money/gift_now.h): a voided gift is not money in; a refund is money
// going back, on its own date, so the lines add up to what was kept.
const char kMoneyInSql[] =
    "SELECT g.gift_date, 'gift', g.payment_method, g.amount_cents, ifnull(c.code, '') "
    "  FROM gift_now g LEFT JOIN campaign c ON c.ref = g.campaign_ref WHERE g.member_ref = ?1 AND NOT g.voided "
    "UNION ALL SELECT r.refund_date, 'refund', r.refund_method, -r.refund_cents, r.reason "
    "  FROM gift_now g JOIN gift_correction r ON r.gift_id = g.id AND r.kind = 'refund' "
    "  WHERE g.member_ref = ?1 AND NOT g.voided "
    "UNION ALL SELECT o.order_date, 'order', o.payment_method, o.amount_cents, o.description "
    "  FROM purchase_order o WHERE o.member_ref = ?1 AND o.status <> 'cancelled' "
    "UNION ALL SELECT s.paid_date, 'membership', s.payment_method, s.fee_cents, s.period_start || ' – ' || "
    "s.period_end "
    "  FROM membership s WHERE s.member_ref = ?1 AND s.status <> 'cancelled' AND s.paid_date <> '' "
    "UNION ALL SELECT k.collection_date, 'collection', 'direct_debit', k.amount_cents, ifnull(d.rum, '') "
    "  FROM sepa_collection k LEFT JOIN sepa_mandate d ON d.id = k.mandate_id "
    "  WHERE k.member_ref = ?1 AND k.status = 'collected' AND k.gift_id IS NULL "
    "ORDER BY 1 DESC, 2";

} // namespace

Result<std::vector<MoneyIn>> money_in_for_member(Store& store, const std::string& member_id)
{
    std::vector<MoneyIn> out;
    Statement member(store.db(), "SELECT ref FROM member WHERE id = ?1");
    member.bind_uuid(1, member_id);
    if (member.step() != Statement::Step::row)
        return member.finished().ok() ? Result<std::vector<MoneyIn>>(out) : member.error();
    Statement select(store.db(), kMoneyInSql);
    select.bind_int64(1, member.column_int64(0));
    while (select.step() == Statement::Step::row)
        out.push_back({select.column_text(0), select.column_text(1), select.column_text(2), select.column_int64(3),
                       select.column_text(4)});
    if (Result<void> done = select.finished(); !done)
        return done.error();
    return out;
}

std::vector<MethodTotal> totals_by_method(const std::vector<MoneyIn>& rows)
{
    std::map<std::string, MethodTotal> by;
    for (const MoneyIn& r : rows) {
        MethodTotal& t = by[r.payment_method];
        t.payment_method = r.payment_method;
        t.amount_cents += r.amount_cents;
        ++t.count;
    }
    std::vector<MethodTotal> out;
    for (auto& [method, total] : by)
        out.push_back(total);
    std::stable_sort(out.begin(), out.end(),
                     [](const MethodTotal& a, const MethodTotal& b) { return a.amount_cents > b.amount_cents; });
    return out;
}

} // namespace obole
