#include "core/import_export/accounting_export.h"

#include <algorithm>

#include "core/import_export/member_export.h"
#include "core/store/setting_repository.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/text/text_fold.h"

namespace obole {

namespace {

const char kMappingKey[] = "accounting.accounts";
const char kDefaultMapping[] = "cash=530\ncheque=5112\ncard=5115\ntransfer=512\ndirect_debit=512\nother=471\n"
                               "gifts=754\nmembership=756\norder=707";

// Gifts as entered, memberships paid and orders, in the range.
const char kEntriesSql[] =
    "SELECT g.gift_date, CASE WHEN g.payment_method = 'direct_debit' THEN 'direct_debit' ELSE 'gift' END, "
    "g.payment_method, g.amount_cents, m.member_no, "
    "CASE WHEN g.cheque_number <> '' THEN g.cheque_number ELSE g.payment_ref END, ifnull(c.code, '') "
    "FROM gift g JOIN member m ON m.ref = g.member_ref LEFT JOIN campaign c ON c.ref = g.campaign_ref "
    "WHERE g.gift_date BETWEEN ?1 AND ?2 "
    "UNION ALL SELECT s.paid_date, 'membership', s.payment_method, s.fee_cents, m.member_no, "
    "s.period_start || ' - ' || s.period_end, '' FROM membership s JOIN member m ON m.ref = s.member_ref "
    "WHERE s.paid_date BETWEEN ?1 AND ?2 AND s.status <> 'cancelled' AND s.fee_cents > 0 "
    "UNION ALL SELECT o.order_date, 'order', o.payment_method, o.amount_cents, m.member_no, o.description, "
    "ifnull(c.code, '') FROM purchase_order o JOIN member m ON m.ref = o.member_ref "
    "LEFT JOIN campaign c ON c.ref = o.campaign_ref "
    "WHERE o.order_date BETWEEN ?1 AND ?2 AND o.status <> 'cancelled' AND o.amount_cents > 0";

// Every correction of a gift corrected in the range, oldest first, with the
// gift as entered: an amendment's difference needs what came before it.
const char kCorrectionsSql[] =
    "SELECT k.gift_id, k.kind, substr(k.created_at, 1, 10), k.amount_cents, k.payment_method, k.refund_cents, "
    "k.refund_date, k.refund_method, k.reason, g.amount_cents, g.payment_method, m.member_no, ifnull(c.code, '') "
    "FROM gift_correction k JOIN gift g ON g.id = k.gift_id JOIN member m ON m.ref = g.member_ref "
    "LEFT JOIN campaign c ON c.ref = g.campaign_ref "
    "WHERE k.gift_id IN (SELECT gift_id FROM gift_correction WHERE substr(created_at, 1, 10) BETWEEN ?1 AND ?2 "
    "   OR refund_date BETWEEN ?1 AND ?2) "
    "ORDER BY k.gift_id, k.created_at, k.id";

struct Accounts {
    std::map<std::string, std::string> map;
    std::string of(const std::string& key, const std::string& fallback = "") const
    {
        auto it = map.find(key);
        return it != map.end() ? it->second : fallback;
    }
    void book(AccountingLine& l) const
    {
        l.debit_account = of(l.method);
        if (l.kind == "membership" || l.kind == "order")
            l.credit_account = of(l.kind);
        else
            l.credit_account = of("campaign:" + l.campaign, of("gifts"));
    }
};

Result<void> add_corrections(Store& store, const std::string& from, const std::string& to, const Accounts& accounts,
                             std::vector<AccountingLine>* out)
{
    Statement s(store.db(), kCorrectionsSql);
    s.bind_text(1, from);
    s.bind_text(2, to);
    std::string gift;
    int64_t current = 0;
    std::string method;
    while (s.step() == Statement::Step::row) {
        if (s.column_uuid(0) != gift) {
            gift = s.column_uuid(0);
            current = s.column_int64(9);
            method = s.column_text(10);
        }
        const std::string kind = s.column_text(1);
        AccountingLine l{s.column_text(2), kind, method, "", "", 0, s.column_int64(11), s.column_text(8),
                         s.column_text(12)};
        if (kind == "amend") {
            l.kind = "amendment";
            l.amount_cents = s.column_int64(3) - current;
            current = s.column_int64(3);
            if (!s.column_text(4).empty())
                method = s.column_text(4);
        } else if (kind == "void") {
            l.kind = s.column_text(8).rfind("Direct debit returned", 0) == 0 ? "return" : "void";
            l.amount_cents = -current;
            current = 0;
        } else if (kind == "refund") {
            l.date = s.column_text(6);
            l.method = s.column_text(7);
            l.amount_cents = -s.column_int64(5);
            current -= s.column_int64(5);
        } else {
            continue; // moved to another member: no money moved
        }
        if (l.amount_cents != 0 && l.date >= from && l.date <= to) {
            accounts.book(l);
            out->push_back(std::move(l));
        }
    }
    return s.finished();
}

} // namespace

Result<std::map<std::string, std::string>> parse_account_mapping(const std::string& text)
{
    std::map<std::string, std::string> out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string line(trim_spaces(std::string_view(text).substr(start, end - start)));
        start = end + 1;
        if (line.empty())
            continue;
        const size_t eq = line.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == line.size() || line.size() > 80)
            return fail("accounting.bad_mapping",
                        "Write one account a line, as key=code: cash=530, cheque=5112, gifts=754, "
                        "campaign:AP2026-03=7541, membership=756, order=707.",
                        "accounts");
        out[std::string(trim_spaces(line.substr(0, eq)))] = std::string(trim_spaces(line.substr(eq + 1)));
    }
    return out;
}

Result<std::string> account_mapping_text(Store& store)
{
    return SettingRepository(store).get(kMappingKey, kDefaultMapping);
}

Result<void> save_account_mapping(Store& store, const std::string& text, const std::string& operator_name)
{
    if (Result<std::map<std::string, std::string>> parsed = parse_account_mapping(text); !parsed)
        return parsed.error();
    return SettingRepository(store).set(kMappingKey, text, operator_name);
}

Result<AccountingExport> accounting_export(Store& store, const std::string& from, const std::string& to)
{
    if (to < from)
        return fail("accounting.bad_range", "The end of the period comes before its start.", "to");
    Result<std::string> mapping_text = account_mapping_text(store);
    if (!mapping_text)
        return mapping_text.error();
    Result<std::map<std::string, std::string>> mapping = parse_account_mapping(*mapping_text);
    if (!mapping)
        return mapping.error();
    const Accounts accounts{*mapping};
    AccountingExport e;
    Statement s(store.db(), kEntriesSql);
    s.bind_text(1, from);
    s.bind_text(2, to);
    while (s.step() == Statement::Step::row) {
        AccountingLine l{s.column_text(0),  s.column_text(1), s.column_text(2), "", "", s.column_int64(3),
                         s.column_int64(4), s.column_text(5), s.column_text(6)};
        accounts.book(l);
        e.lines.push_back(std::move(l));
    }
    // A journal short of lines would be handed to the accountant as whole.
    if (Result<void> done = s.finished(); !done)
        return done.error();
    if (Result<void> r = add_corrections(store, from, to, accounts, &e.lines); !r)
        return r.error();
    std::stable_sort(e.lines.begin(), e.lines.end(),
                     [](const AccountingLine& a, const AccountingLine& b) { return a.date < b.date; });
    for (const AccountingLine& l : e.lines) {
        e.by_kind[l.kind] += l.amount_cents;
        e.total_cents += l.amount_cents;
    }
    return e;
}

std::string accounting_csv(const AccountingExport& e, bool decimal_comma)
{
    std::string out = "\xEF\xBB\xBF";
    // The amount (6th cell) goes unquoted, so a spreadsheet reads it as a
    // number: csv_cell would make "-12,00" text, as it guards formulas.
    auto row = [&](std::initializer_list<std::string> cells) {
        int i = 0;
        for (const std::string& c : cells) {
            out += i ? ";" : "";
            out += ++i == 6 && !c.empty() && c != "amount" ? c : csv_cell(c);
        }
        out += "\r\n";
    };
    row({"date", "kind", "payment_method", "debit_account", "credit_account", "amount", "member_no", "reference",
         "campaign"});
    for (const AccountingLine& l : e.lines)
        row({l.date, l.kind, l.method, l.debit_account, l.credit_account, csv_amount(l.amount_cents, decimal_comma),
             std::to_string(l.member_no), l.reference, l.campaign});
    row({"", "total", "", "", "", csv_amount(e.total_cents, decimal_comma), std::to_string(e.lines.size()), "", ""});
    return out;
}

} // namespace obole
