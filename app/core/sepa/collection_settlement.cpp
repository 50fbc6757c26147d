#include "core/sepa/collection_settlement.h"

#include <vector>

#include "core/members/member_merge.h"
#include "core/money/gift_repository.h"
#include "core/money/money.h"
#include "core/sepa/business_days.h"
#include "core/sepa/creditor_settings.h"
#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole {

namespace {

const char kDueSql[] =
    "SELECT k.id, m.id, k.amount_cents, k.collection_date, k.rum, c.id, k.created_at "
    "FROM sepa_collection k JOIN member m ON m.ref = k.member_ref "
    "JOIN sepa_run r ON r.id = k.run_id AND r.status <> 'cancelled' "
    "LEFT JOIN sepa_mandate d ON d.id = k.mandate_id "
    "LEFT JOIN campaign c ON c.ref = d.campaign_ref "
    "WHERE k.status = 'submitted' AND k.collection_date < ?1 AND m.deleted = 0 AND (?2 = 0 OR NOT EXISTS "
    "(SELECT 1 FROM outbox o WHERE o.row_id = k.id AND o.op = 'insert')) "
    "ORDER BY k.collection_date, k.id";

struct Due {
    std::string id, member_id, date, rum, campaign_id, created_at;
    int64_t cents = 0;
};

// The collection's gift, of its UUID: the same on any device that settles it.
Result<void> add_gift(GiftRepository& gifts, const Due& d, const std::string& operator_name)
{
    NewGift g;
    g.id = d.id;
    g.member_id = d.member_id;
    g.amount_text = typed_amount(d.cents);
    g.date_text = d.date;
    g.method = PaymentMethod::direct_debit;
    g.campaign_id = d.campaign_id;
    g.payment_ref = d.rum;
    // Recorded as of the collection: the same row whichever device settles it.
    g.created_at = d.created_at;
    Result<std::string> added = gifts.add(g, operator_name);
    if (!added)
        return added.error();
    return {};
}

} // namespace

Result<int> settle_collections(Store& store, const CreditorSettings& creditor, CollectionAuthority authority,
                               const std::string& operator_name)
{
    const std::string today = store.today();
    std::vector<Due> due;
    Statement select(store.db(), kDueSql);
    select.bind_text(1, today);
    select.bind_int64(2, authority == CollectionAuthority::server);
    Statement::Step step;
    while ((step = select.step()) == Statement::Step::row) {
        Due d{select.column_uuid(0),
              select.column_uuid(1),
              select.column_text(3),
              select.column_text(4),
              select.column_is_null(5) ? std::string() : select.column_uuid(5),
              select.column_text(6),
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
        Statement gift_there(store.db(), "SELECT 1 FROM gift WHERE id = ?1");
        for (const Due& d : due) {
            // Its gift may be here already: another device settled it and its
            // collection's new status has not come (or was refused: that
            // device's role had changed). The same gift is not written twice.
            gift_there.reset();
            gift_there.bind_uuid(1, d.id);
            Result<bool> there = gift_there.next();
            if (!there)
                return there.error();
            // Made on the collection's member: an unmerge that sends the
            // collection back sends the gift with it.
            if (!*there) {
                if (Result<void> r = add_gift(gifts, d, operator_name); !r)
                    return r;
                if (Result<void> r = follow_merges_of(store, "gift", d.id, "sepa_collection", d.id, "member_ref"); !r)
                    return r;
            }
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

Result<int> settle_collections(Store& store, CollectionAuthority authority, const std::string& operator_name)
{
    Result<CreditorSettings> creditor = load_creditor_settings(store);
    if (!creditor)
        return creditor.error();
    return creditor->complete() ? settle_collections(store, *creditor, authority, operator_name) : Result<int>(0);
}

} // namespace obole
