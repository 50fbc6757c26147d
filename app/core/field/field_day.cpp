#include "core/field/field_day.h"

#include <cmath>

#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole {

namespace {

// A sign-up waits while any row it wrote waits in the outbox (each lookup
// through the outbox's row_id index).
const char kDaySql[] =
    "SELECT f.id, m.id, trim(m.first_name || ' ' || m.last_name), ifnull(s.amount_cents, 0), "
    "ifnull(s.frequency, 'monthly'), substr(time(f.signed_at, 'localtime'), 1, 5), "
    "EXISTS(SELECT 1 FROM outbox WHERE row_id = f.id) "
    " OR EXISTS(SELECT 1 FROM outbox WHERE row_id = f.mandate_id) "
    " OR EXISTS(SELECT 1 FROM outbox WHERE row_id = m.id) "
    " OR EXISTS(SELECT 1 FROM consent c JOIN outbox o ON o.row_id = c.id WHERE c.member_ref = m.ref) "
    " OR EXISTS(SELECT 1 FROM address a JOIN outbox o ON o.row_id = a.id WHERE a.member_ref = m.ref) "
    " OR EXISTS(SELECT 1 FROM phone p JOIN outbox o ON o.row_id = p.id WHERE p.member_ref = m.ref) "
    " OR EXISTS(SELECT 1 FROM email e JOIN outbox o ON o.row_id = e.id WHERE e.member_ref = m.ref) "
    "FROM field_signup f JOIN member m ON m.ref = f.member_ref "
    "LEFT JOIN sepa_mandate s ON s.id = f.mandate_id "
    "WHERE f.fundraiser = ?1 AND date(f.signed_at, 'localtime') = ?2 "
    "ORDER BY f.signed_at DESC, f.id DESC";

} // namespace

Result<FieldDay> field_day(Store& store, const std::string& fundraiser, const std::string& day)
{
    FieldDay out;
    double monthly = 0;
    Statement select(store.db(), kDaySql);
    select.bind_text(1, fundraiser);
    select.bind_text(2, day);
    while (select.step() == Statement::Step::row) {
        FieldDayRow r;
        r.signup_id = select.column_uuid(0);
        r.member_id = select.column_uuid(1);
        r.name = select.column_text(2);
        r.amount_cents = select.column_int64(3);
        parse_frequency(select.column_view(4), &r.frequency);
        r.time = select.column_text(5);
        r.waiting = select.column_int64(6) != 0;
        monthly += double(r.amount_cents) / months_between_payments(r.frequency);
        out.waiting += r.waiting ? 1 : 0;
        out.rows.push_back(std::move(r));
    }
    if (Result<void> done = select.finished(); !done)
        return done.error();
    out.monthly_cents = int64_t(std::llround(monthly));
    return out;
}

} // namespace obole
