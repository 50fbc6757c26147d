#include "core/sepa/creditor_settings.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "core/calendar/date.h"
#include "core/money/iban.h"
#include "core/sepa/business_days.h"
#include "core/sepa/creditor_id.h"
#include "core/sepa/sepa_text.h"
#include "core/store/setting_repository.h"
#include "core/store/store.h"
#include "core/text/text_fold.h"

namespace obole {

namespace {

int to_int(const std::string& text, int fallback)
{
    if (text.empty() || text.size() > 3 || text.find_first_not_of("0123456789") != std::string::npos)
        return fallback;
    return std::stoi(text);
}

// "5, 20" -> {5, 20}; empty when a part is not a day of 1..28 (a day every
// month has).
std::vector<int> parse_days(std::string_view text)
{
    std::set<int> days;
    std::string part;
    auto take = [&]() {
        const std::string p(trim_spaces(part));
        part.clear();
        if (p.empty())
            return true;
        const int d = to_int(p, 0);
        if (d < 1 || d > 28)
            return false;
        days.insert(d);
        return true;
    };
    for (char c : text) {
        if (c == ',' || c == ';' || c == ' ') {
            if (!take())
                return {};
        } else {
            part += c;
        }
    }
    if (!take())
        return {};
    return {days.begin(), days.end()};
}

} // namespace

Result<CreditorSettings> load_creditor_settings(Store& store)
{
    SettingRepository s(store);
    std::map<std::string, std::string> v;
    for (const char* key : {"sepa.creditor_name", "sepa.ics", "sepa.iban", "sepa.bic", "sepa.lead_days",
                            "sepa.return_days", "sepa.failures_before_call", "sepa.collection_days"}) {
        Result<std::string> value = s.get(key);
        if (!value)
            return value.error();
        v[key] = *value;
    }
    CreditorSettings c;
    c.name = v["sepa.creditor_name"];
    c.ics = v["sepa.ics"];
    c.iban = v["sepa.iban"];
    c.bic = v["sepa.bic"];
    c.lead_days = to_int(v["sepa.lead_days"], c.lead_days);
    c.return_days = to_int(v["sepa.return_days"], c.return_days);
    c.failures_before_call = to_int(v["sepa.failures_before_call"], c.failures_before_call);
    if (std::vector<int> days = parse_days(v["sepa.collection_days"]); !days.empty())
        c.collection_days = days;
    return c;
}

std::string collection_days_text(const std::vector<int>& days)
{
    std::string out;
    for (int d : days)
        out += (out.empty() ? "" : ", ") + std::to_string(d);
    return out;
}

Result<CreditorSettings> save_creditor_settings(Store& store, const CreditorSettingsText& t,
                                                const std::string& operator_name)
{
    CreditorSettings c;
    c.name = sepa_latin(t.name, 70);
    if (c.name.empty())
        return fail("sepa.no_creditor_name", "Enter the association's name as its bank knows it.", "creditor_name");
    Result<std::string> ics = validate_creditor_id(t.ics);
    if (!ics)
        return ics.error();
    Result<std::string> iban = validate_iban(t.iban);
    if (!iban) {
        Error e = iban.error();
        e.field = "creditor_iban";
        return e;
    }
    // The BIC may be left out (SEPA needs only the IBAN since 2016).
    Result<std::string> bic = trim_spaces(t.bic).empty() ? Result<std::string>(std::string()) : validate_bic(t.bic);
    if (!bic) {
        Error e = bic.error();
        e.field = "creditor_bic";
        return e;
    }
    c.ics = *ics;
    c.iban = *iban;
    c.bic = *bic;
    c.lead_days = to_int(std::string(trim_spaces(t.lead_days)), -1);
    if (c.lead_days < 1 || c.lead_days > 30)
        return fail("sepa.bad_days", "Enter a number of business days from 1 to 30.", "lead_days");
    c.return_days = to_int(std::string(trim_spaces(t.return_days)), -1);
    if (c.return_days < 1 || c.return_days > 30)
        return fail("sepa.bad_days", "Enter a number of business days from 1 to 30.", "return_days");
    c.failures_before_call = to_int(std::string(trim_spaces(t.failures_before_call)), -1);
    if (c.failures_before_call < 1 || c.failures_before_call > 12)
        return fail("sepa.bad_failures", "Enter a number of failed collections in a row from 1 to 12.",
                    "failures_before_call");
    c.collection_days = parse_days(t.collection_days);
    if (c.collection_days.empty())
        return fail("sepa.bad_collection_days",
                    "Enter the days of the month to collect on, from 1 to 28: \"5\" or "
                    "\"5, 20\".",
                    "collection_days");
    SettingRepository s(store);
    Result<void> saved = store.transaction([&]() -> Result<void> {
        const std::pair<const char*, std::string> values[] = {
            {"sepa.creditor_name", c.name},
            {"sepa.ics", c.ics},
            {"sepa.iban", c.iban},
            {"sepa.bic", c.bic},
            {"sepa.lead_days", std::to_string(c.lead_days)},
            {"sepa.return_days", std::to_string(c.return_days)},
            {"sepa.failures_before_call", std::to_string(c.failures_before_call)},
            {"sepa.collection_days", collection_days_text(c.collection_days)}};
        for (const auto& [key, value] : values)
            if (Result<void> r = s.set(key, value, operator_name); !r)
                return r;
        return {};
    });
    if (!saved)
        return saved.error();
    return c;
}

std::vector<std::string> next_collection_dates(const CreditorSettings& settings, const std::string& from, int count)
{
    std::set<std::string> dates;
    int year = std::stoi(from.substr(0, 4)), month = std::stoi(from.substr(5, 2));
    for (int i = 0; i < 24 && int(dates.size()) < count; ++i) {
        for (int day : settings.collection_days) {
            char iso[32];
            std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
            const std::string d = next_business_day(iso);
            if (d >= from)
                dates.insert(d);
        }
        if (++month > 12) {
            month = 1;
            ++year;
        }
    }
    std::vector<std::string> out(dates.begin(), dates.end());
    if (int(out.size()) > count)
        out.resize(count);
    return out;
}

} // namespace obole
