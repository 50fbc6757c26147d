#include "core/sepa/collection_settlement.h"

#include <vector>

#include "core/money/gift_repository.h"
#include "core/money/money.h"
#include "core/sepa/business_days.h"
#include "core/sepa/creditor_settings.h"
#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole {

namespace {

const char kDueSql[] = "SELECT k.id, m.id, k.amount_cents, k.collection_date, k.rum, c.id "
                       "FROM sepa_collection k JOIN member m ON m.ref = k.member_ref "
                       "JOIN sepa_run r ON r.id = k.run_id AND r.status <> 'cancelled' "
                       "LEFT JOIN sepa_mandate d ON d.id = k.mandate_id "
                       "LEFT JOIN campaign c ON c.ref = d.campaign_ref "
                       "WHERE k.status = 'submitted' AND k.collection_date < ?1 ORDER BY k.collection_date, k.id";

struct Due {
    std::string id, member_id, date, rum, campaign_id;
    int64_t cents = 0;
};

} // namespace

Result<int> settle_collections(Store& store, const CreditorSettings& creditor, const std::string& operator_name)
{
    const std::string today = store.today();
    std::vector<Due> due;
    Statement select(store.db(), kDueSql);
    select.bind_text(1, today);
    Statement::Step step;
    while ((step = select.step()) == Statement::Step::row) {
        Due d{select.column_uuid(0),
              select.column_uuid(1),
              select.column_text(3),
              select.column_text(4),
              select.column_is_null(5) ? std::string() : select.column_uuid(5),
              select.column_int64(2)};
        // The bank may still return it until the deadline's last day.
        if (add_business_days(d.date, creditor.return_days) < today)
            due.push_back(std::move(d));
    }
    if (step != Statement::Step::done)
        return select.error();
    if (due.empty())
        return 0;
    Result<void> written = store.transaction([&]() -> Result<void> {
        GiftRepository gifts(store);
        Statement update(store.db(),
                         "UPDATE sepa_collection SET status = 'collected', gift_id = ?1 WHERE id = ?1 AND status = "
                         "'submitted'");
        for (const Due& d : due) {
            NewGift g;
            g.id = d.id;
            g.member_id = d.member_id;
            g.amount_text = typed_amount(d.cents);
            g.date_text = d.date;
            g.method = PaymentMethod::direct_debit;
            g.campaign_id = d.campaign_id;
            g.payment_ref = d.rum;
            if (Result<std::string> r = gifts.add(g, operator_name); !r)
                return r.error();
            update.reset();
            update.bind_uuid(1, d.id);
            if (Result<void> r = update.run(); !r)
                return r;
        }
        return {};
    });
    if (!written)
        return written.error();
    return static_cast<int>(due.size());
}

Result<int> settle_collections(Store& store, const std::string& operator_name)
{
    Result<CreditorSettings> creditor = load_creditor_settings(store);
    if (!creditor)
        return creditor.error();
    return creditor->complete() ? settle_collections(store, *creditor, operator_name) : Result<int>(0);
}

} // namespace obole
