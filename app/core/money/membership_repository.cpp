#include "core/money/membership_repository.h"

#include <algorithm>
#include <cstdio>

#include "core/calendar/date.h"
#include "core/calendar/past_date.h"
#include "core/members/member_ref.h"
#include "core/money/money.h"
#include "core/store/date_window.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"
#include "core/text/text_fold.h"

namespace obole {

namespace {

const char kInsertSql[] =
    "INSERT INTO membership(id, member_ref, period_start, period_end, fee_cents, payment_method, paid_date, "
    "renewal_date, status, operator, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'active', ?9, ?10)";

const char kListSql[] =
    "SELECT s.id, m.id, s.period_start, s.period_end, s.fee_cents, s.payment_method, s.paid_date, "
    "s.renewal_date, s.status, s.operator, s.created_at FROM member m JOIN membership s ON s.member_ref = m.ref "
    "WHERE m.id = ?1 ORDER BY s.period_end DESC, s.id DESC";

// A period [start, end] meets another one of the member that is not cancelled.
const char kOverlapSql[] = "SELECT 1 FROM membership WHERE member_ref = ?1 AND status <> 'cancelled' "
                           "AND period_start <= ?3 AND period_end >= ?2 LIMIT 1";

Error with_field(Error e, const char* field)
{
    e.field = field;
    return e;
}

Result<std::string> parse_date_field(const std::string& text, const char* field)
{
    Result<std::string> d = parse_date(text);
    if (!d)
        return with_field(d.error(), field);
    return d;
}

struct Period {
    std::string start, end;
};

// The next period after [start, end]: whole months stay whole months (a
// calendar year renews as the next calendar year, leap day or not).
Period next_period(const std::string& start, const std::string& end)
{
    const std::string next_start = iso_from_days(days_from_iso(end) + 1);
    int months = 0;
    for (int k = 1; k <= 120; ++k) {
        if (add_months_iso(start, k) == next_start) {
            months = k;
            break;
        }
    }
    if (months > 0)
        return {next_start, iso_from_days(days_from_iso(add_months_iso(next_start, months)) - 1)};
    long long length = days_from_iso(end) - days_from_iso(start);
    return {next_start, iso_from_days(days_from_iso(next_start) + length)};
}

std::string renewal_date_for(const std::string& start, const std::string& end)
{
    long long d = std::max(days_from_iso(start), days_from_iso(end) - kRenewalNoticeDays);
    return iso_from_days(d);
}

} // namespace

std::string add_months_iso(const std::string& iso, int months)
{
    int y = 0, m = 0, d = 0;
    if (std::sscanf(iso.c_str(), "%d-%d-%d", &y, &m, &d) != 3)
        return {};
    int index = y * 12 + (m - 1) + months;
    y = index / 12;
    m = index % 12 + 1;
    d = std::min(d, days_in_month(y, m));
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

const char* to_string(MembershipState s)
{
    switch (s) {
    case MembershipState::active: return "active";
    case MembershipState::due_for_renewal: return "due_for_renewal";
    case MembershipState::expired: return "expired";
    case MembershipState::cancelled: return "cancelled";
    }
    return "active";
}

MembershipState membership_state(const Membership& m, const std::string& today_date)
{
    if (m.status == "cancelled")
        return MembershipState::cancelled;
    if (today_date > m.period_end)
        return MembershipState::expired;
    if (!m.renewal_date.empty() && today_date >= m.renewal_date)
        return MembershipState::due_for_renewal;
    return MembershipState::active;
}

Result<std::string> MembershipRepository::add(const NewMembership& n, const std::string& operator_name)
{
    Result<std::string> start = parse_date_field(n.start_text, "start");
    if (!start)
        return start.error();
    std::string end;
    if (trim_spaces(n.end_text).empty()) {
        end = iso_from_days(days_from_iso(add_months_iso(*start, 12)) - 1);
    } else {
        Result<std::string> e = parse_date_field(n.end_text, "end");
        if (!e)
            return e.error();
        end = *e;
    }
    if (end <= *start)
        return fail("membership.end_before_start", "The end of the period must be after its start.", "end");
    Result<int64_t> fee = parse_amount_cents(n.fee_text);
    if (!fee)
        return with_field(fee.error(), "fee");
    std::string paid;
    if (!trim_spaces(n.paid_date_text).empty()) {
        Result<DateWindow> window = date_window(store_);
        if (!window)
            return window.error();
        Result<std::string> p = parse_past_date(n.paid_date_text, *window, "paid_date");
        if (!p)
            return p.error();
        paid = *p;
    }

    sqlite3* db = store_.db();
    Result<int64_t> found = live_member_ref(store_, n.member_id);
    if (!found)
        return found.error();
    const int64_t member_ref = *found;
    Statement overlap(db, kOverlapSql);
    overlap.bind_int64(1, member_ref);
    overlap.bind_text(2, *start);
    overlap.bind_text(3, end);
    if (overlap.step() == Statement::Step::row)
        return fail("membership.overlaps", "This period overlaps another membership of the member.", "start");
    if (Result<void> done = overlap.finished(); !done)
        return done.error();

    const std::string id = new_uuid_v7();
    Result<void> written = store_.transaction([&]() -> Result<void> {
        Statement insert(db, kInsertSql);
        insert.bind_uuid(1, id);
        insert.bind_int64(2, member_ref);
        insert.bind_text(3, *start);
        insert.bind_text(4, end);
        insert.bind_int64(5, *fee);
        insert.bind_text(6, paid.empty() ? "" : to_string(n.method));
        insert.bind_text(7, paid);
        insert.bind_text(8, renewal_date_for(*start, end));
        insert.bind_text(9, operator_name);
        insert.bind_text(10, store_.now_iso());
        if (Result<void> r = insert.run(); !r)
            return r;
        std::string detail = *start + " " + end + " " + std::to_string(*fee) + " EUR";
        return Journal(store_).append(n.member_id, "membership.add", detail, operator_name);
    });
    if (!written)
        return written.error();
    return id;
}

Result<std::string> MembershipRepository::renew(const std::string& member_id, const std::string& operator_name)
{
    Result<std::vector<Membership>> read = list_for_member(member_id);
    if (!read)
        return read.error();
    std::vector<Membership>& all = *read;
    auto last = std::find_if(all.begin(), all.end(), [](const Membership& m) { return m.status != "cancelled"; });
    if (last == all.end())
        return fail("membership.none_to_renew", "This member has no membership to renew.");
    Period next = next_period(last->period_start, last->period_end);
    PaymentMethod method = PaymentMethod::cheque;
    parse_payment_method(last->payment_method, &method);
    NewMembership n;
    n.member_id = member_id;
    n.start_text = next.start;
    n.end_text = next.end;
    char fee[32];
    std::snprintf(fee, sizeof fee, "%lld.%02lld", static_cast<long long>(last->fee_cents / 100),
                  static_cast<long long>(last->fee_cents % 100));
    n.fee_text = fee;
    n.paid_date_text = store_.today();
    n.method = method;
    return add(n, operator_name);
}

Result<std::string> MembershipRepository::join_or_renew(const std::string& member_id, const std::string& fee_text,
                                                        PaymentMethod method, const std::string& operator_name)
{
    Result<std::vector<Membership>> read = list_for_member(member_id);
    if (!read)
        return read.error();
    std::vector<Membership>& all = *read;
    auto last = std::find_if(all.begin(), all.end(), [](const Membership& m) { return m.status != "cancelled"; });
    NewMembership n;
    n.member_id = member_id;
    n.start_text = store_.today();
    if (last != all.end()) {
        switch (membership_state(*last, store_.today())) {
        case MembershipState::active:
            return fail("membership.still_active",
                        "This member's membership is current: it is not due for renewal yet.");
        case MembershipState::due_for_renewal: {
            Period next = next_period(last->period_start, last->period_end);
            n.start_text = next.start;
            n.end_text = next.end;
            break;
        }
        case MembershipState::expired:
        case MembershipState::cancelled: break;
        }
    }
    n.fee_text = fee_text;
    n.paid_date_text = store_.today();
    n.method = method;
    return add(n, operator_name);
}

Result<std::vector<Membership>> MembershipRepository::list_for_member(const std::string& member_id)
{
    std::vector<Membership> out;
    Statement select(store_.db(), kListSql);
    select.bind_uuid(1, member_id);
    while (select.step() == Statement::Step::row) {
        Membership m;
        m.id = select.column_uuid(0);
        m.member_id = select.column_uuid(1);
        m.period_start = select.column_text(2);
        m.period_end = select.column_text(3);
        m.fee_cents = select.column_int64(4);
        m.payment_method = select.column_text(5);
        m.paid_date = select.column_text(6);
        m.renewal_date = select.column_text(7);
        m.status = select.column_text(8);
        m.operator_name = select.column_text(9);
        m.created_at = select.column_text(10);
        out.push_back(std::move(m));
    }
    if (Result<void> done = select.finished(); !done)
        return done.error();
    return out;
}

} // namespace obole
