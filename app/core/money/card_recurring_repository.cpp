#include "core/money/card_recurring_repository.h"

#include <algorithm>
#include <cstdio>

#include "core/calendar/date.h"
#include "core/members/member_ref.h"
#include "core/money/money.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"
#include "core/text/text_fold.h"

namespace obole {

namespace {

const char kInsertSql[] =
    "INSERT INTO card_recurring(id, member_ref, provider, amount_cents, frequency, card_last4, card_expiry, "
    "start_date, status, operator, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'active', ?9, ?10)";

const char kListSql[] =
    "SELECT c.id, m.id, c.provider, c.amount_cents, c.frequency, c.card_last4, c.card_expiry, c.start_date, "
    "c.end_date, c.status, c.operator, c.created_at FROM member m JOIN card_recurring c ON c.member_ref = m.ref "
    "WHERE m.id = ?1 ORDER BY c.start_date DESC, c.id DESC";

bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

// The digits of what was typed, ignoring the spaces, dashes and stars people
// type around a card's last digits ("**** 1234"); false on anything else.
bool card_digits(std::string_view text, std::string* digits)
{
    for (char c : text) {
        if (is_digit(c))
            digits->push_back(c);
        else if (c != ' ' && c != '-' && c != '*' && c != '.')
            return false;
    }
    return true;
}

Result<std::string> parse_last4(std::string_view text)
{
    std::string digits;
    if (!card_digits(text, &digits))
        return fail("card.bad_last4", "Enter the last four digits of the card.", "last4");
    if (digits.size() > 4)
        return fail("card.full_number", "Enter only the last four digits: a card number must never be recorded.",
                    "last4");
    if (digits.size() != 4)
        return fail("card.bad_last4", "Enter the last four digits of the card.", "last4");
    return digits;
}

// "MM/YY" (also "MM/YYYY", "MM-YY"); returns "MM/YY". A card is valid to the
// end of its expiry month.
Result<std::string> parse_expiry(std::string_view text, const std::string& today)
{
    text = trim_spaces(text);
    int month = 0, year = 0;
    char sep = 0, tail = 0;
    std::string t(text);
    int fields = std::sscanf(t.c_str(), "%2d%c%4d%c", &month, &sep, &year, &tail);
    if (fields != 3 || (sep != '/' && sep != '-') || month < 1 || month > 12 || year < 0 ||
        (year >= 100 && year < 2000) || year > 2099 || t.size() < 4 || !is_digit(t.back()))
        return fail("card.bad_expiry", "Enter the expiry date as MM/YY.", "expiry");
    if (year < 100)
        year += 2000;
    char iso[8];
    std::snprintf(iso, sizeof iso, "%04d-%02d", year, month);
    if (today.substr(0, 7) > iso)
        return fail("card.expired", "This card has expired.", "expiry");
    char out[8];
    std::snprintf(out, sizeof out, "%02d/%02d", month, year % 100);
    return std::string(out);
}

} // namespace

Result<std::string> CardRecurringRepository::add(const NewCardRecurring& n, const std::string& operator_name)
{
    if (n.provider != "card" && n.provider != "paypal")
        return fail("card.bad_provider", "The provider is a card or PayPal.", "provider");
    Result<int64_t> cents = parse_amount_cents(n.amount_text);
    if (!cents)
        return cents.error();
    const std::string today = store_.latest_today();
    std::string last4, expiry;
    if (n.provider == "card") {
        Result<std::string> l = parse_last4(n.last4_text);
        if (!l)
            return l.error();
        Result<std::string> e = parse_expiry(n.expiry_text, today);
        if (!e)
            return e.error();
        last4 = *l;
        expiry = *e;
    }
    std::string start = store_.today();
    if (!trim_spaces(n.start_date_text).empty()) {
        Result<std::string> s = parse_date(n.start_date_text);
        if (!s) {
            Error e = s.error();
            e.field = "start_date";
            return e;
        }
        start = *s;
    }

    sqlite3* db = store_.db();
    Result<int64_t> found = live_member_ref(store_, n.member_id);
    if (!found)
        return found.error();
    const int64_t member_ref = *found;

    const std::string id = new_uuid_v7();
    Result<void> written = store_.transaction([&]() -> Result<void> {
        Statement insert(db, kInsertSql);
        insert.bind_uuid(1, id);
        insert.bind_int64(2, member_ref);
        insert.bind_text(3, n.provider);
        insert.bind_int64(4, *cents);
        insert.bind_text(5, to_string(n.frequency));
        insert.bind_text(6, last4);
        insert.bind_text(7, expiry);
        insert.bind_text(8, start);
        insert.bind_text(9, operator_name);
        insert.bind_text(10, store_.now_iso());
        if (Result<void> r = insert.run(); !r)
            return r;
        std::string detail = n.provider + " " + std::to_string(*cents) + " EUR " + to_string(n.frequency) +
                             (last4.empty() ? "" : " *" + last4);
        return Journal(store_).append(n.member_id, "card_gift.add", detail, operator_name);
    });
    if (!written)
        return written.error();
    return id;
}

Result<void> CardRecurringRepository::set_status(const std::string& id, const std::string& status,
                                                 const std::string& operator_name)
{
    if (status != "active" && status != "suspended" && status != "ended")
        return fail("card.bad_status", "A recurring gift is active, suspended or ended.");
    sqlite3* db = store_.db();
    Statement select(db, "SELECT c.status, m.id FROM card_recurring c JOIN member m ON m.ref = c.member_ref "
                         "WHERE c.id = ?1");
    select.bind_uuid(1, id);
    if (select.step() != Statement::Step::row) {
        if (Result<void> done = select.finished(); !done)
            return done.error();
        return fail("card.not_found", "This recurring gift does not exist.");
    }
    const std::string current = select.column_text(0), member_id = select.column_uuid(1);
    if (current == status)
        return {};
    if (current == "ended")
        return fail("card.ended", "An ended recurring gift cannot restart: record a new one.");
    return store_.transaction([&]() -> Result<void> {
        Statement update(db, "UPDATE card_recurring SET status = ?2, end_date = ?3 WHERE id = ?1");
        update.bind_uuid(1, id);
        update.bind_text(2, status);
        update.bind_text(3, status == "ended" ? store_.today() : "");
        if (Result<void> r = update.run(); !r)
            return r;
        return Journal(store_).append(member_id, "card_gift.status", current + " -> " + status, operator_name);
    });
}

Result<std::vector<CardRecurring>> CardRecurringRepository::list_for_member(const std::string& member_id)
{
    std::vector<CardRecurring> out;
    Statement select(store_.db(), kListSql);
    select.bind_uuid(1, member_id);
    while (select.step() == Statement::Step::row) {
        CardRecurring c;
        c.id = select.column_uuid(0);
        c.member_id = select.column_uuid(1);
        c.provider = select.column_text(2);
        c.amount_cents = select.column_int64(3);
        parse_frequency(select.column_view(4), &c.frequency);
        c.card_last4 = select.column_text(5);
        c.card_expiry = select.column_text(6);
        c.start_date = select.column_text(7);
        c.end_date = select.column_text(8);
        c.status = select.column_text(9);
        c.operator_name = select.column_text(10);
        c.created_at = select.column_text(11);
        out.push_back(std::move(c));
    }
    if (Result<void> done = select.finished(); !done)
        return done.error();
    return out;
}

} // namespace obole
