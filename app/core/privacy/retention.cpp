#include "core/privacy/retention.h"

#include <cstdio>
#include <cstdlib>

#include "core/calendar/date.h"
#include "core/store/setting_repository.h"
#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole {

namespace {

// Each member's latest sign of life (dates compare as text). Every subquery
// reads an index that starts with member_ref, so a whole file is one pass.
const char kInactive[] = R"SQL(
SELECT id, member_no, first_name, last_name, last_activity FROM (
  SELECT m.id, m.member_no, m.first_name, m.last_name,
    MAX(substr(m.created_at, 1, 10), m.entry_date,
        COALESCE((SELECT MAX(gift_date) FROM gift WHERE member_ref = m.ref), ''),
        COALESCE((SELECT MAX(order_date) FROM purchase_order WHERE member_ref = m.ref), ''),
        COALESCE((SELECT MAX(period_end) FROM membership
                  WHERE member_ref = m.ref AND status = 'active'), ''),
        COALESCE((SELECT MAX(registered_date) FROM event_registration WHERE member_ref = m.ref), ''),
        COALESCE((SELECT MAX(substr(given_at, 1, 10)) FROM consent
                  WHERE member_ref = m.ref AND granted = 1), ''),
        COALESCE((SELECT MAX(substr(at, 1, 10)) FROM email_activity
                  WHERE member_ref = m.ref AND kind IN ('open', 'click')), '')) AS last_activity
  FROM member m
  WHERE NOT EXISTS (SELECT 1 FROM member_erasure WHERE member_ref = m.ref)
    AND NOT EXISTS (SELECT 1 FROM sepa_mandate WHERE member_ref = m.ref AND status = 'active')
    AND NOT EXISTS (SELECT 1 FROM card_recurring WHERE member_ref = m.ref AND status = 'active')
    AND NOT EXISTS (SELECT 1 FROM sponsorship WHERE member_ref = m.ref AND status = 'active')
    AND m.bequest_promise_date = '' AND m.bequest_confirmed_date = ''
)
WHERE last_activity < ?1
ORDER BY last_activity, last_name, first_name
)SQL";

} // namespace

int retention_years(Store& store)
{
    // Left as it was (privacy/ is converted apart): a failed read keeps the
    // default, as before SettingRepository::get said it failed.
    const Result<std::string> read = SettingRepository(store).get(kRetentionYearsSetting);
    const std::string text = read ? *read : std::string();
    char* end = nullptr;
    const long value = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || value < 1 || value > kMaxRetentionYears)
        return kDefaultRetentionYears;
    return static_cast<int>(value);
}

Result<std::string> retention_cutoff(const std::string& today, int years)
{
    if (years < 1 || years > kMaxRetentionYears)
        return fail("retention.years", "Enter a number of years from 1 to 50.", "years");
    int y = 0, m = 0, d = 0;
    if (std::sscanf(today.c_str(), "%d-%d-%d", &y, &m, &d) != 3)
        return fail("date.invalid", "This date does not exist.", "date");
    y -= years;
    if (m == 2 && d == 29 && !is_leap_year(y))
        d = 28;
    char iso[16];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
    return std::string(iso);
}

Result<std::vector<InactiveMember>> inactive_members(Store& store, const std::string& today, int years)
{
    Result<std::string> cutoff = retention_cutoff(today, years);
    if (!cutoff)
        return cutoff.error();
    Statement select(store.db(), kInactive);
    select.bind_text(1, *cutoff);
    std::vector<InactiveMember> out;
    Statement::Step step;
    while ((step = select.step()) == Statement::Step::row) {
        InactiveMember m;
        m.id = select.column_uuid(0);
        m.member_no = select.column_int64(1);
        const std::string first = select.column_text(2);
        m.name = first.empty() ? select.column_text(3) : first + " " + select.column_text(3);
        m.last_activity = select.column_text(4);
        out.push_back(std::move(m));
    }
    if (step != Statement::Step::done)
        return select.error();
    return out;
}

} // namespace obole
