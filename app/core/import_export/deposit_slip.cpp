#include "core/import_export/deposit_slip.h"

#include <cstdio>

#include "core/money/iban.h"
#include "core/receipts/tax_receipt_document.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/text/html_text.h"

namespace obole {

namespace {

// Cheques as they stand: not voided, what remains after refunds.
const char kChequesSql[] =
    "SELECT n.gift_date, g.cheque_number, trim(m.first_name || ' ' || m.last_name), n.net_cents, "
    "g.cheque_bank "
    "FROM gift_now n JOIN gift g ON g.id = n.id JOIN member m ON m.ref = g.member_ref "
    "WHERE n.payment_method = 'cheque' AND NOT n.voided AND n.net_cents > 0 AND %s "
    "ORDER BY n.gift_date, g.cheque_number, g.id";

// A failed read is an error: a slip short of cheques would go to the bank.
Result<DepositSlip> read(Statement& s, std::string title)
{
    DepositSlip slip{std::move(title), {}, 0};
    while (s.step() == Statement::Step::row) {
        slip.cheques.push_back(
            {s.column_text(0), s.column_text(1), s.column_text(2), s.column_text(4), s.column_int64(3)});
        slip.total_cents += slip.cheques.back().amount_cents;
    }
    if (Result<void> done = s.finished(); !done)
        return done.error();
    return slip;
}

std::string sql_with(const char* where)
{
    char sql[1024];
    std::snprintf(sql, sizeof sql, kChequesSql, where);
    return sql;
}

} // namespace

Result<DepositSlip> deposit_slip_for_batch(Store& store, const std::string& batch_id)
{
    Statement b(store.db(), "SELECT name, status FROM gift_batch WHERE id = ?1");
    b.bind_uuid(1, batch_id);
    if (b.step() != Statement::Step::row) {
        if (Result<void> done = b.finished(); !done)
            return done.error();
        return fail("deposit.batch_not_found", "This cash box batch does not exist.");
    }
    if (b.column_text(1) != "closed")
        return fail("deposit.batch_open", "Close the cash box first: its cheques are counted then.");
    Statement s(store.db(), sql_with("g.batch_id = ?1").c_str());
    s.bind_uuid(1, batch_id);
    return read(s, b.column_text(0));
}

Result<DepositSlip> deposit_slip_for_range(Store& store, const std::string& from, const std::string& to)
{
    if (to < from)
        return fail("accounting.bad_range", "The end of the period comes before its start.", "to");
    Statement s(store.db(), sql_with("n.gift_date BETWEEN ?1 AND ?2").c_str());
    s.bind_text(1, from);
    s.bind_text(2, to);
    return read(s, from + " – " + to);
}

std::string deposit_slip_html(const DepositSlip& slip, const std::string& association, const std::string& iban,
                              const DepositSlipHeadings& h, std::string (*money)(int64_t))
{
    std::string out = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + html_escaped(h.title) +
                      "</title><style>" + tax_receipt_stylesheet() + "</style></head><body><h1>" +
                      html_escaped(h.title) + "</h1><p>" + html_escaped(association) + "<br>" +
                      html_escaped(h.account) + " " + html_escaped(format_iban(iban)) + "<br>" +
                      html_escaped(slip.title) + "</p><table><tr><th>" + html_escaped(h.date) + "</th><th>" +
                      html_escaped(h.number) + "</th><th>" + html_escaped(h.drawer) + "</th><th>" +
                      html_escaped(h.bank) + "</th><th>" + html_escaped(h.amount) + "</th></tr>";
    for (const DepositCheque& c : slip.cheques)
        out += "<tr><td>" + html_escaped(c.date) + "</td><td>" + html_escaped(c.number) + "</td><td>" +
               html_escaped(c.drawer) + "</td><td>" + html_escaped(c.bank) + "</td><td>" +
               html_escaped(money(c.amount_cents)) + "</td></tr>";
    out += "<tr><th colspan=\"4\">" + html_escaped(h.total) + " (" + std::to_string(slip.cheques.size()) +
           ")</th><th>" + html_escaped(money(slip.total_cents)) + "</th></tr></table></body></html>";
    return out;
}

Result<std::vector<ClosedBatch>> closed_batches_with_cheques(Store& store)
{
    std::vector<ClosedBatch> out;
    Statement s(store.db(), "SELECT b.id, b.name, b.closed_at FROM gift_batch b WHERE b.status = 'closed' AND "
                            "EXISTS (SELECT 1 FROM gift g WHERE g.batch_id = b.id AND g.payment_method = 'cheque') "
                            "ORDER BY b.closed_at DESC LIMIT 50");
    while (s.step() == Statement::Step::row)
        out.push_back({s.column_uuid(0), s.column_text(1), s.column_text(2)});
    if (Result<void> done = s.finished(); !done)
        return done.error();
    return out;
}

} // namespace obole
