#include "core/money/sponsorship_repository.h"

#include <cctype>

#include "core/calendar/date.h"
#include "core/calendar/past_date.h"
#include "core/members/member_ref.h"
#include "core/money/money.h"
#include "core/store/date_window.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"
#include "core/text/one_line_text.h"
#include "core/text/text_fold.h"

namespace obole {

namespace {

bool is_country_code(const std::string& s)
{
    return s.size() == 2 && std::isupper(static_cast<unsigned char>(s[0])) &&
           std::isupper(static_cast<unsigned char>(s[1]));
}

} // namespace

Result<std::string> SponsorshipRepository::add(const NewSponsorship& s, const std::string& operator_name)
{
    Result<int64_t> member_ref = live_member_ref(store_, s.member_id);
    if (!member_ref)
        return member_ref.error();
    std::optional<std::string> child = one_line_text(s.child_name, 100);
    if (!child)
        return fail("sponsorship.bad_child_name", "The child's name must be one line of at most 100 characters.",
                    "child_name");
    if (child->empty())
        return fail("sponsorship.child_required", "Enter the child's name.", "child_name");
    std::optional<std::string> code = one_line_text(s.child_code, 40);
    if (!code)
        return fail("sponsorship.bad_code", "The child's code must be one line of at most 40 characters.",
                    "child_code");
    std::string country(trim_spaces(s.country));
    for (char& c : country)
        c = char(std::toupper(static_cast<unsigned char>(c)));
    if (!country.empty() && !is_country_code(country))
        return fail("sponsorship.bad_country", "The country must be a two-letter code such as SN.", "country");
    Result<DateWindow> window = date_window(store_);
    if (!window)
        return window.error();
    Result<std::string> start = parse_past_date(s.start_text, *window, "start_date");
    if (!start)
        return start.error();
    Result<int64_t> cents = parse_amount_cents(s.monthly_text);
    if (!cents) {
        Error e = cents.error();
        e.field = "monthly";
        return e;
    }
    const std::string id = new_uuid_v7();
    Result<void> written = store_.transaction([&]() -> Result<void> {
        Statement insert(store_.db(), "INSERT INTO sponsorship(id, member_ref, child_name, child_code, country, "
                                      "start_date, monthly_cents, status, created_at) "
                                      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, 'active', ?8)");
        insert.bind_uuid(1, id);
        insert.bind_int64(2, *member_ref);
        insert.bind_text(3, *child);
        insert.bind_text(4, *code);
        insert.bind_text(5, country);
        insert.bind_text(6, *start);
        insert.bind_int64(7, *cents);
        insert.bind_text(8, store_.now_iso());
        if (Result<void> r = insert.run(); !r)
            return r;
        return Journal(store_).append(s.member_id, "sponsorship.add", *child + " " + *start, operator_name);
    });
    if (!written)
        return written.error();
    return id;
}

Result<void> SponsorshipRepository::end(const std::string& sponsorship_id, const std::string& end_text,
                                        const std::string& operator_name)
{
    Statement row(store_.db(), "SELECT s.status, s.start_date, s.child_name, m.id FROM sponsorship s "
                               "JOIN member m ON m.ref = s.member_ref WHERE s.id = ?1");
    row.bind_uuid(1, sponsorship_id);
    if (row.step() != Statement::Step::row) {
        if (Result<void> done = row.finished(); !done)
            return done.error();
        return fail("sponsorship.not_found", "This sponsorship does not exist.");
    }
    if (row.column_view(0) == "ended")
        return fail("sponsorship.already_ended", "This sponsorship has already ended.");
    const std::string start = row.column_text(1), child = row.column_text(2), member_id = row.column_uuid(3);
    Result<DateWindow> window = date_window(store_);
    if (!window)
        return window.error();
    Result<std::string> end_date = parse_past_date(end_text, *window, "end_date");
    if (!end_date)
        return end_date.error();
    if (*end_date < start)
        return fail("sponsorship.end_before_start", "A sponsorship cannot end before it started.", "end_date");
    return store_.transaction([&]() -> Result<void> {
        Statement update(store_.db(), "UPDATE sponsorship SET status = 'ended', end_date = ?1 WHERE id = ?2");
        update.bind_text(1, *end_date);
        update.bind_uuid(2, sponsorship_id);
        if (Result<void> r = update.run(); !r)
            return r;
        return Journal(store_).append(member_id, "sponsorship.end", child + " " + *end_date, operator_name);
    });
}

Result<std::vector<Sponsorship>> SponsorshipRepository::list_for_member(const std::string& member_id)
{
    std::vector<Sponsorship> out;
    Statement select(store_.db(), "SELECT s.id, s.child_name, s.child_code, s.country, s.start_date, s.end_date, "
                                  "s.monthly_cents, s.status FROM member m JOIN sponsorship s ON s.member_ref = m.ref "
                                  "WHERE m.id = ?1 ORDER BY s.status = 'active' DESC, s.start_date DESC, s.id DESC");
    select.bind_uuid(1, member_id);
    while (select.step() == Statement::Step::row) {
        Sponsorship s;
        s.id = select.column_uuid(0);
        s.member_id = member_id;
        s.child_name = select.column_text(1);
        s.child_code = select.column_text(2);
        s.country = select.column_text(3);
        s.start_date = select.column_text(4);
        s.end_date = select.column_text(5);
        s.monthly_cents = select.column_int64(6);
        s.active = select.column_view(7) == "active";
        out.push_back(std::move(s));
    }
    if (Result<void> done = select.finished(); !done)
        return done.error();
    return out;
}

Result<int64_t> SponsorshipRepository::count_active(const std::string& member_id)
{
    Statement count(store_.db(), "SELECT count(*) FROM member m JOIN sponsorship s ON s.member_ref = m.ref "
                                 "WHERE m.id = ?1 AND s.status = 'active'");
    count.bind_uuid(1, member_id);
    return count.single_int64();
}

} // namespace obole
