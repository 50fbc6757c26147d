#include "protocol/value_check.h"

#include <cstdint>
#include <string_view>

#include "core/calendar/date.h"
#include "core/calendar/past_date.h"
#include "core/money/iban.h"
#include "core/text/email_address.h"
#include "core/text/free_text.h"
#include "core/text/phone_number.h"
#include "core/text/registration_number.h"

namespace obole::sync {

namespace {

Error at(Error e, const SyncField& f)
{
    e.field = f.wire;
    return e;
}

Error refuse(const char* code, const char* message, const SyncField& f)
{
    return fail(code, message, f.wire);
}

bool is_one_of(std::string_view value, std::string_view words)
{
    for (size_t start = 0;;) {
        const size_t bar = words.find('|', start);
        if (words.substr(start, bar - start) == value)
            return true;
        if (bar == std::string_view::npos)
            return false;
        start = bar + 1;
    }
}

bool is_iso_date(std::string_view text)
{
    Result<std::string> day = parse_date(text);
    return day && *day == text;
}

bool two_digits(std::string_view s, size_t at, int max)
{
    if (s.size() < at + 2 || s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9')
        return false;
    return (s[at] - '0') * 10 + (s[at + 1] - '0') <= max;
}

// "YYYY-MM-DD", optionally followed by "THH:MM", ":SS", ".fff" (1 to 9
// digits) and "Z": the forms core writes (now_iso) and imports keep.
bool is_iso_time(std::string_view text)
{
    if (text.size() < 10 || !is_iso_date(text.substr(0, 10)))
        return false;
    std::string_view rest = text.substr(10);
    if (rest.empty())
        return true;
    if (rest.back() == 'Z')
        rest.remove_suffix(1);
    if (rest.size() < 6 || rest[0] != 'T' || !two_digits(rest, 1, 23) || rest[3] != ':' || !two_digits(rest, 4, 59))
        return false;
    rest.remove_prefix(6);
    if (rest.empty())
        return true;
    if (rest.size() < 3 || rest[0] != ':' || !two_digits(rest, 1, 60))
        return false;
    rest.remove_prefix(3);
    if (rest.empty())
        return true;
    if (rest[0] != '.' || rest.size() < 2 || rest.size() > 10)
        return false;
    for (char c : rest.substr(1))
        if (c < '0' || c > '9')
            return false;
    return true;
}

bool is_currency(std::string_view text)
{
    if (text.size() != 3)
        return false;
    for (char c : text)
        if (c < 'A' || c > 'Z')
            return false;
    return true;
}

Result<void> check_text(const SyncField& f, std::string_view v)
{
    const ValueRule& rule = f.value;
    switch (rule.kind) {
    case ValueKind::line:
    case ValueKind::text: {
        Result<void> r = rule.kind == ValueKind::line ? check_line_text(v, size_t(rule.max), f.wire)
                                                      : check_free_text(v, size_t(rule.max), f.wire);
        if (r)
            return r;
        if (r.error().code == "text.too_long")
            return refuse("value.too_long", "This text is longer than the app allows.", f);
        return refuse("value.bad_text", "This text holds characters that are not allowed.", f);
    }
    case ValueKind::choice:
        if (!is_one_of(v, rule.arg))
            return refuse("value.not_allowed", "This value is not one of those allowed here.", f);
        return {};
    case ValueKind::date_or_empty:
        if (v.empty())
            return {};
        [[fallthrough]];
    case ValueKind::date:
        if (!is_iso_date(v))
            return refuse("value.bad_date", "This is not a date that exists (YYYY-MM-DD).", f);
        return {};
    case ValueKind::money_date_or_empty:
        if (v.empty())
            return {};
        [[fallthrough]];
    case ValueKind::money_date:
        if (!is_iso_date(v))
            return refuse("value.bad_date", "This is not a date that exists (YYYY-MM-DD).", f);
        if (v < kDefaultEarliestDate)
            return refuse("value.too_early", "This date is before 1900: no money can have moved then.", f);
        return {};
    case ValueKind::time:
        if (!v.empty() && !is_iso_time(v))
            return refuse("value.bad_time", "This is not a valid date and time.", f);
        return {};
    case ValueKind::iban_or_empty:
        if (v.empty())
            return {};
        [[fallthrough]];
    case ValueKind::iban: {
        // Stored compact, as validate_iban returns it.
        Result<std::string> iban = validate_iban(v);
        if (!iban)
            return at(iban.error(), f);
        if (*iban != v)
            return refuse("value.bad_text", "This text holds characters that are not allowed.", f);
        return {};
    }
    case ValueKind::bic:
        if (!v.empty() && !is_valid_bic(v))
            return refuse("value.bad_bic", "This is not a valid BIC.", f);
        return {};
    case ValueKind::currency:
        if (!is_currency(v))
            return refuse("value.bad_currency", "This is not a currency code (three capital letters).", f);
        return {};
    case ValueKind::email:
        if (Result<std::string> email = validate_email(v); !email)
            return at(email.error(), f);
        return {};
    case ValueKind::phone:
        if (Result<std::string> phone = normalize_phone(v); !phone)
            return at(phone.error(), f);
        return {};
    case ValueKind::siren_or_empty:
        if (!v.empty() && (!is_siren(v) || compact_registration(v) != v))
            return refuse("value.bad_siren", "This is not a SIREN number (9 digits).", f);
        return {};
    case ValueKind::json_text:
        if (v.empty())
            return {};
        if (v.size() > size_t(rule.max))
            return refuse("value.too_long", "This text is longer than the app allows.", f);
        if (json::parse(v, nullptr, false).is_discarded())
            return refuse("value.bad_json", "This value is not readable.", f);
        return {};
    case ValueKind::any:
    case ValueKind::integer:
    case ValueKind::row: return {};
    }
    return {};
}

} // namespace

Result<void> check_value(const SyncField& f, const json& v)
{
    if (v.is_null())
        return {}; // a reference to nothing, or a nullable integer: check_change let it through
    if (f.value.kind == ValueKind::integer) {
        // JSON reads 0 and up as unsigned: past INT64_MAX it is out of any range.
        const bool huge = v.is_number_unsigned() && v.get<uint64_t>() > uint64_t(INT64_MAX);
        const int64_t n = huge ? 0 : v.get<int64_t>();
        if (huge || n < f.value.min || n > f.value.max)
            return refuse("value.out_of_range", "This number is outside what the app allows.", f);
        return {};
    }
    if (v.is_string())
        return check_text(f, v.get_ref<const std::string&>());
    return {};
}

Result<void> check_values(const Change& c)
{
    const SyncTable& table = *find_sync_table(c.table);
    for (auto it = c.fields.begin(); it != c.fields.end(); ++it)
        if (Result<void> r = check_value(*table.field(it.key()), it.value()); !r)
            return r;
    return {};
}

} // namespace obole::sync
