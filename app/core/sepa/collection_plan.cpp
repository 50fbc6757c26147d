#include "core/sepa/collection_plan.h"

#include <algorithm>
#include <cstdio>

#include "core/sepa/creditor_settings.h"
#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole {

namespace {

// Active mandates of live members, with what their collections say so far.
// A masked IBAN (an erased person's, core/privacy/member_erasure.h) is no
// account to collect from.
const char kMandatesSql[] =
    "SELECT s.id, m.id, m.member_no, trim(m.first_name || ' ' || m.last_name), s.rum, s.signature_date, s.iban, "
    "s.bic, s.holder, s.amount_cents, s.frequency, s.one_off, "
    "CASE WHEN s.first_collection_date <> '' THEN s.first_collection_date ELSE s.signature_date END, s.end_date, "
    "s.amended_from_iban, s.amended_from_bic, s.amended_from_rum, "
    "(SELECT max(k.period) FROM sepa_collection k WHERE k.mandate_id = s.id AND k.status IN "
    "   ('submitted','collected','failed')), "
    "(SELECT count(*) FROM sepa_collection k WHERE k.mandate_id = s.id AND k.status IN ('submitted','collected')), "
    "(SELECT k.creditor_id FROM sepa_collection k WHERE k.mandate_id = s.id AND k.status IN ('submitted','collected') "
    "   ORDER BY k.collection_date DESC LIMIT 1) "
    "FROM sepa_mandate s JOIN member m ON m.ref = s.member_ref "
    "WHERE s.status = 'active' AND m.deleted = 0 AND m.merged_into_ref IS NULL AND instr(s.iban, '*') = 0 "
    "ORDER BY m.member_no, s.signature_date, s.id";

int month_index(const std::string& iso)
{
    return std::stoi(iso.substr(0, 4)) * 12 + std::stoi(iso.substr(5, 2)) - 1;
}

// The same day `months` later, at most the 28th (a day every month has).
std::string months_later(const std::string& iso, int months)
{
    const int m = month_index(iso) + months;
    const int day = std::min(std::stoi(iso.substr(8, 2)), 28);
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", m / 12, m % 12 + 1, day);
    return out;
}

} // namespace

std::string due_period(const MandateForPlan& m, const std::string& date)
{
    if (m.first_date.empty() || date < m.first_date || (!m.end_date.empty() && date > m.end_date))
        return {};
    if (m.one_off)
        return m.latest_period.empty() ? "once" : "";
    const int since = month_index(date) - month_index(m.first_date);
    if (since % months_between_payments(m.frequency) != 0)
        return {};
    const std::string period = date.substr(0, 7);
    // A later period collected already (a run dated further ahead) counts too.
    return m.latest_period.empty() || m.latest_period < period ? period : "";
}

bool moved_to_another_bank(const MandateForPlan& m)
{
    if (m.amended_from_iban.empty())
        return false;
    // The BIC names the bank; without both, the IBAN's country and the first
    // five characters of its account number (where every SEPA country puts
    // its bank code, or its start) tell it.
    if (m.bic.size() >= 8 && m.amended_from_bic.size() >= 8)
        return m.bic.substr(0, 8) != m.amended_from_bic.substr(0, 8);
    return m.iban.substr(0, 2) != m.amended_from_iban.substr(0, 2) ||
           m.iban.substr(4, 5) != m.amended_from_iban.substr(4, 5);
}

std::string sequence_type(const MandateForPlan& m, const std::string& date)
{
    if (m.one_off)
        return "OOFF";
    if (m.reached_bank == 0 || moved_to_another_bank(m))
        return "FRST";
    if (!m.end_date.empty() && months_later(date, months_between_payments(m.frequency)) > m.end_date)
        return "FNAL";
    return "RCUR";
}

Result<CollectionPlan> plan_collections(Store& store, const CreditorSettings& creditor, const std::string& date)
{
    CollectionPlan plan;
    plan.collection_date = date;
    Statement select(store.db(), kMandatesSql);
    while (select.step() == Statement::Step::row) {
        MandateForPlan m;
        parse_frequency(select.column_view(10), &m.frequency);
        m.one_off = select.column_int64(11) != 0;
        m.first_date = select.column_text(12);
        m.end_date = select.column_text(13);
        m.latest_period = select.column_text(17);
        m.reached_bank = select.column_int64(18);
        m.iban = select.column_text(6);
        m.bic = select.column_text(7);
        m.amended_from_iban = select.column_text(14);
        m.amended_from_bic = select.column_text(15);
        const std::string period = due_period(m, date);
        if (period.empty())
            continue;
        PlannedCollection c;
        c.mandate_id = select.column_uuid(0);
        c.member_id = select.column_uuid(1);
        c.member_no = select.column_int64(2);
        c.member_name = select.column_text(3);
        c.rum = select.column_text(4);
        c.signature_date = select.column_text(5);
        c.iban = m.iban;
        c.bic = m.bic;
        c.holder = select.column_text(8);
        c.amount_cents = select.column_int64(9);
        c.period = period;
        c.sequence_type = sequence_type(m, date);
        c.amended_from_iban = m.amended_from_iban;
        c.amended_from_bic = m.amended_from_bic;
        c.amended_from_rum = select.column_text(16);
        const std::string last_creditor = select.column_text(19);
        if (!last_creditor.empty() && last_creditor != creditor.ics)
            c.amended_from_creditor = last_creditor;
        SequenceTotal& t = plan.by_sequence[c.sequence_type];
        ++t.count;
        t.amount_cents += c.amount_cents;
        ++plan.total.count;
        plan.total.amount_cents += c.amount_cents;
        plan.lines.push_back(std::move(c));
    }
    if (Result<void> done = select.finished(); !done)
        return done.error();
    return plan;
}

} // namespace obole
