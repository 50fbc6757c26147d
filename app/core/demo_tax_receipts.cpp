#include "core/demo_history.h"

#include <map>
#include <string>

#include "core/calendar/date.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"

namespace obole {

namespace {

// The last years before the demo's reference year get their annual receipts;
// older gifts stay unreceipted, so the tab still offers to issue one.
constexpr int kReceiptedYears = 5;

// A gift's UUID as the receipt's gift_ids keep it (canonical text).
constexpr const char* kUuidText =
    "lower(substr(hex(g.id),1,8)||'-'||substr(hex(g.id),9,4)||'-'||substr(hex(g.id),13,4)||'-'||"
    "substr(hex(g.id),17,4)||'-'||substr(hex(g.id),21))";

} // namespace

// Annual receipts already issued and printed, numbered per year in order as
// the server would have numbered them: for one member in eight among those
// who want receipts, and always for Hélène Dupont and the parish.
Result<void> add_demo_tax_receipts(const DemoHistory& h)
{
    const int this_year = std::stoi(iso_from_days(h.today).substr(0, 4));
    const std::string sql =
        std::string("SELECT m.ref, trim(m.civility || ' ' || m.first_name || ' ' || m.last_name), "
                    "ifnull((SELECT a.line1 || char(10) || a.postcode || ' ' || a.city FROM address a "
                    "WHERE a.member_ref = m.ref AND a.is_main = 1 AND a.deleted = 0 LIMIT 1), ''), "
                    "CAST(substr(g.gift_date, 1, 4) AS INTEGER) AS y, sum(g.amount_cents), group_concat(") +
        kUuidText +
        ", ','), min(g.gift_date), max(g.gift_date) FROM member m JOIN gift g ON g.member_ref = m.ref "
        "WHERE m.ref >= ?1 AND m.deleted = 0 AND m.tax_receipt_pref <> 'none' AND g.currency = 'EUR' "
        "AND (m.ref % 8 = 0 OR (m.first_name = 'Hélène' AND m.last_name = 'Dupont') "
        "OR m.last_name = 'Paroisse Saint-Roch') AND g.gift_date >= ?2 AND g.gift_date < ?3 "
        "GROUP BY m.ref, y ORDER BY y, m.ref";
    Statement select(h.store.db(), sql.c_str());
    select.bind_int64(1, h.first_member_ref);
    select.bind_text(2, std::to_string(this_year - kReceiptedYears) + "-01-01");
    select.bind_text(3, std::to_string(this_year) + "-01-01");

    Statement insert(h.store.db(),
                     "INSERT INTO tax_receipt(id, member_ref, year, number, kind, amount_cents, gift_ids, first_date, "
                     "last_date, donor_name, donor_address, issued_at, copies, status, operator, created_at) "
                     "VALUES(?1, ?2, ?3, ?4, 'annual', ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'issued', 'demo', ?13)");
    std::map<int, int64_t> next; // year → next number
    DemoRng rng{h.seed ^ 0x7a4ull};
    while (select.step() == Statement::Step::row) {
        const int year = int(select.column_int64(3));
        if (!next.count(year)) {
            Statement last(h.store.db(), "SELECT ifnull(max(number), 0) + 1 FROM tax_receipt WHERE year = ?1 AND number IS NOT NULL");
            last.bind_int64(1, year);
            last.step();
            next[year] = last.column_int64(0);
        }
        const std::string issued = std::to_string(year + 1) + "-01-" + (rng.chance(50) ? "15" : "22");
        insert.reset();
        insert.bind_uuid(1, format_uuid_v7(uint64_t(days_from_iso(issued)) * 86400000ull, 0, rng.next()));
        insert.bind_int64(2, select.column_int64(0));
        insert.bind_int64(3, year);
        insert.bind_int64(4, next[year]++);
        insert.bind_int64(5, select.column_int64(4));
        insert.bind_text(6, select.column_view(5));
        insert.bind_text(7, select.column_view(6));
        insert.bind_text(8, select.column_view(7));
        insert.bind_text(9, select.column_view(1));
        insert.bind_text(10, select.column_view(2));
        insert.bind_text(11, issued);
        insert.bind_int64(12, rng.chance(10) ? 2 : 1); // now and then a duplicate was asked for
        insert.bind_text(13, issued + "T09:00:00.000Z");
        if (Result<void> r = insert.run(); !r)
            return r;
    }
    return {};
}

} // namespace obole
