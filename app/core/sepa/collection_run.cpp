#include "core/sepa/collection_run.h"

#include <cctype>

#include "core/sepa/creditor_settings.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"

namespace obole {

namespace {

const char kInsertRunSql[] =
    "INSERT INTO sepa_run(id, collection_date, message_id, creditor_id, status, count, total_cents, operator, "
    "created_at) VALUES(?1, ?2, ?3, ?4, 'submitted', ?5, ?6, ?7, ?8)";

const char kInsertCollectionSql[] =
    "INSERT INTO sepa_collection(id, mandate_id, member_ref, collection_date, amount_cents, status, created_at, "
    "run_id, period, sequence_type, creditor_id, rum, signature_date, iban, bic, holder, amended_from_iban, "
    "amended_from_bic, amended_from_rum, amended_from_creditor) "
    "SELECT ?1, ?2, s.member_ref, ?3, ?4, 'submitted', ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
    "?18 FROM sepa_mandate s WHERE s.id = ?2";

// The newest live period of a mandate: what makes a second submission of it
// for the same period impossible.
const char kLatestPeriodSql[] = "SELECT max(period) FROM sepa_collection WHERE mandate_id = ?1 "
                                "AND status IN ('submitted','collected','failed')";

const char kClearAmendmentSql[] =
    "UPDATE sepa_mandate SET amended_from_iban = '', amended_from_bic = '', amended_from_rum = '' "
    "WHERE id = ?1 AND (amended_from_iban <> '' OR amended_from_rum <> '')";

// A cancelled collection's amendment goes back onto its mandate, unless
// the mandate was amended again since.
const char kRestoreAmendmentsSql[] =
    "UPDATE sepa_mandate SET amended_from_iban = k.amended_from_iban, amended_from_bic = k.amended_from_bic, "
    "amended_from_rum = k.amended_from_rum FROM sepa_collection k "
    "WHERE k.run_id = ?1 AND k.mandate_id = sepa_mandate.id AND k.status = 'submitted' "
    "AND (k.amended_from_iban <> '' OR k.amended_from_rum <> '') "
    "AND sepa_mandate.amended_from_iban = '' AND sepa_mandate.amended_from_rum = ''";

#define OBOLE_RUN_COLUMNS                                                                                              \
    "SELECT r.id, r.collection_date, r.message_id, r.creditor_id, r.status, r.count, r.total_cents, r.operator, "      \
    "r.created_at, r.sent_at, r.cancelled_at, "                                                                        \
    "(SELECT count(*) FROM sepa_collection k WHERE k.run_id = r.id AND k.status = 'collected'), "                      \
    "(SELECT count(*) FROM sepa_collection k WHERE k.run_id = r.id AND k.status = 'failed') FROM sepa_run r "
const char kListSql[] = OBOLE_RUN_COLUMNS "ORDER BY r.created_at DESC LIMIT ?1";
const char kFindSql[] = OBOLE_RUN_COLUMNS "WHERE r.id = ?1";
#undef OBOLE_RUN_COLUMNS

const char kRunCollectionsSql[] =
    "SELECT k.id, k.amount_cents, k.sequence_type, k.rum, k.signature_date, k.holder, k.iban, k.bic, "
    "k.amended_from_iban, k.amended_from_bic, k.amended_from_rum, k.amended_from_creditor, k.period "
    "FROM sepa_collection k JOIN member m ON m.ref = k.member_ref WHERE k.run_id = ?1 "
    "ORDER BY m.member_no, k.id";

std::string message_id_of(const std::string& run_id)
{
    std::string out;
    for (char c : run_id)
        if (c != '-')
            out += char(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

Result<void> insert_collection(Store& store, Statement& insert, const PlannedCollection& c,
                               const std::string& collection_id, const std::string& run_id, const std::string& date,
                               const std::string& ics)
{
    Statement latest(store.db(), kLatestPeriodSql);
    latest.bind_uuid(1, c.mandate_id);
    const bool has_latest = latest.step() == Statement::Step::row;
    // Unread is not "never submitted": the period would be collected twice.
    if (Result<void> done = latest.finished(); !done)
        return done.error();
    if (has_latest && !latest.column_is_null(0) && (c.period == "once" || latest.column_text(0) >= c.period))
        return fail("sepa.already_submitted",
                    "Some of these collections were already submitted in another run: prepare the run again.");
    insert.reset();
    insert.bind_uuid(1, collection_id);
    insert.bind_uuid(2, c.mandate_id);
    insert.bind_text(3, date);
    insert.bind_int64(4, c.amount_cents);
    insert.bind_text(5, store.now_iso());
    insert.bind_uuid(6, run_id);
    const std::string values[] = {c.period,
                                  c.sequence_type,
                                  ics,
                                  c.rum,
                                  c.signature_date,
                                  c.iban,
                                  c.bic,
                                  c.holder,
                                  c.amended_from_iban,
                                  c.amended_from_bic,
                                  c.amended_from_rum,
                                  c.amended_from_creditor};
    for (int i = 0; i < 12; ++i)
        insert.bind_text(7 + i, values[i]);
    return insert.run();
}

CollectionRun read_run(const Statement& select)
{
    CollectionRun r;
    r.id = select.column_uuid(0);
    r.collection_date = select.column_text(1);
    r.message_id = select.column_text(2);
    r.creditor_id = select.column_text(3);
    r.status = select.column_text(4);
    r.count = select.column_int64(5);
    r.total_cents = select.column_int64(6);
    r.operator_name = select.column_text(7);
    r.created_at = select.column_text(8);
    r.sent_at = select.column_text(9);
    r.cancelled_at = select.column_text(10);
    r.collected = select.column_int64(11);
    r.failed = select.column_int64(12);
    return r;
}

Result<CollectionRun> find_run(Store& store, const std::string& run_id)
{
    Statement select(store.db(), kFindSql);
    select.bind_uuid(1, run_id);
    if (select.step() != Statement::Step::row) {
        if (Result<void> done = select.finished(); !done)
            return done.error();
        return fail("sepa.run_not_found", "This collection run does not exist.");
    }
    return read_run(select);
}

} // namespace

std::string end_to_end_id(const std::string& collection_id)
{
    std::string out;
    for (char c : collection_id)
        if (c != '-')
            out += c;
    return out;
}

std::string collection_id_of(const std::string& e2e)
{
    if (e2e.size() != 32)
        return {};
    std::string id;
    for (size_t i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20)
            id += '-';
        id += char(std::tolower(static_cast<unsigned char>(e2e[i])));
    }
    UuidBytes bytes;
    return uuid_to_blob(id, &bytes) ? id : std::string();
}

Result<std::string> CollectionRunRepository::submit(const CollectionPlan& plan, const CreditorSettings& creditor,
                                                    const std::string& operator_name)
{
    if (!creditor.complete())
        return fail("sepa.no_creditor",
                    "Settings → Direct debits must hold the creditor's name, identifier (ICS) and account first.");
    if (plan.lines.empty())
        return fail("sepa.nothing_due", "No mandate is due on this date.");
    const std::string run_id = new_uuid_v7();
    Result<void> written = store_.transaction([&]() -> Result<void> {
        Statement insert(store_.db(), kInsertCollectionSql);
        Statement clear(store_.db(), kClearAmendmentSql);
        Journal journal(store_);
        for (const PlannedCollection& c : plan.lines) {
            if (Result<void> r =
                    insert_collection(store_, insert, c, new_uuid_v7(), run_id, plan.collection_date, creditor.ics);
                !r)
                return r;
            clear.reset();
            clear.bind_uuid(1, c.mandate_id);
            if (Result<void> r = clear.run(); !r)
                return r;
            const std::string detail = c.rum + " " + std::to_string(c.amount_cents) + " EUR " + plan.collection_date +
                                       " " + c.sequence_type + (c.amended() ? " amended" : "");
            if (Result<void> r = journal.append(c.member_id, "sepa.submit", detail, operator_name); !r)
                return r;
        }
        Statement run(store_.db(), kInsertRunSql);
        run.bind_uuid(1, run_id);
        run.bind_text(2, plan.collection_date);
        run.bind_text(3, message_id_of(run_id));
        run.bind_text(4, creditor.ics);
        run.bind_int64(5, plan.total.count);
        run.bind_int64(6, plan.total.amount_cents);
        run.bind_text(7, operator_name);
        run.bind_text(8, store_.now_iso());
        if (Result<void> r = run.run(); !r)
            return r;
        return journal.append("", "sepa.run",
                              std::to_string(plan.total.count) + " collections on " + plan.collection_date,
                              operator_name);
    });
    if (!written)
        return written.error();
    return run_id;
}

Result<void> CollectionRunRepository::mark_sent(const std::string& run_id, const std::string& operator_name)
{
    Result<CollectionRun> run = find_run(store_, run_id);
    if (!run)
        return run.error();
    if (run->status == "cancelled")
        return fail("sepa.run_cancelled", "This run was cancelled: its file must not be sent.");
    if (run->status == "sent")
        return {};
    return store_.transaction([&]() -> Result<void> {
        Statement update(store_.db(), "UPDATE sepa_run SET status = 'sent', sent_at = ?2 WHERE id = ?1");
        update.bind_uuid(1, run_id);
        update.bind_text(2, store_.now_iso());
        if (Result<void> r = update.run(); !r)
            return r;
        return Journal(store_).append("", "sepa.sent", run->message_id, operator_name);
    });
}

Result<void> CollectionRunRepository::cancel(const std::string& run_id, const std::string& operator_name)
{
    Result<CollectionRun> run = find_run(store_, run_id);
    if (!run)
        return run.error();
    if (run->status == "sent")
        return fail("sepa.run_sent",
                    "This run's file was sent to the bank: it can no longer be cancelled here. Ask the bank.");
    if (run->status == "cancelled")
        return fail("sepa.run_cancelled", "This run was cancelled already.");
    return store_.transaction([&]() -> Result<void> {
        Statement restore(store_.db(), kRestoreAmendmentsSql);
        restore.bind_uuid(1, run_id);
        if (Result<void> r = restore.run(); !r)
            return r;
        Statement collections(
            store_.db(), "UPDATE sepa_collection SET status = 'cancelled' WHERE run_id = ?1 AND status = 'submitted'");
        collections.bind_uuid(1, run_id);
        if (Result<void> r = collections.run(); !r)
            return r;
        Statement update(store_.db(), "UPDATE sepa_run SET status = 'cancelled', cancelled_at = ?2 WHERE id = ?1");
        update.bind_uuid(1, run_id);
        update.bind_text(2, store_.now_iso());
        if (Result<void> r = update.run(); !r)
            return r;
        return Journal(store_).append("", "sepa.cancel", run->message_id, operator_name);
    });
}

Result<std::vector<CollectionRun>> CollectionRunRepository::list(int limit)
{
    std::vector<CollectionRun> out;
    Statement select(store_.db(), kListSql);
    select.bind_int64(1, limit);
    while (select.step() == Statement::Step::row)
        out.push_back(read_run(select));
    if (Result<void> done = select.finished(); !done)
        return done.error();
    return out;
}

Result<Pain008> CollectionRunRepository::file_of(const std::string& run_id, const CreditorSettings& creditor)
{
    Result<CollectionRun> run = find_run(store_, run_id);
    if (!run)
        return run.error();
    Pain008 f;
    f.message_id = run->message_id;
    f.created_at = run->created_at;
    f.creditor_name = creditor.name;
    f.creditor_id = run->creditor_id;
    f.creditor_iban = creditor.iban;
    f.creditor_bic = creditor.bic;
    f.collection_date = run->collection_date;
    Statement select(store_.db(), kRunCollectionsSql);
    select.bind_uuid(1, run_id);
    while (select.step() == Statement::Step::row) {
        Pain008Transaction t;
        t.end_to_end_id = end_to_end_id(select.column_uuid(0));
        t.amount_cents = select.column_int64(1);
        t.sequence_type = select.column_text(2);
        t.rum = select.column_text(3);
        t.signature_date = select.column_text(4);
        t.holder = select.column_text(5);
        t.iban = select.column_text(6);
        t.bic = select.column_text(7);
        t.amended_from_iban = select.column_text(8);
        t.amended_from_bic = select.column_text(9);
        t.amended_from_rum = select.column_text(10);
        t.amended_from_creditor = select.column_text(11);
        MandateForPlan m;
        m.iban = t.iban;
        m.bic = t.bic;
        m.amended_from_iban = t.amended_from_iban;
        m.amended_from_bic = t.amended_from_bic;
        t.moved_to_another_bank = moved_to_another_bank(m);
        const std::string period = select.column_text(12);
        t.remittance = creditor.name + (period == "once" ? std::string() : " " + period);
        f.transactions.push_back(std::move(t));
    }
    // A file short of collections would be sent to the bank as the run.
    if (Result<void> done = select.finished(); !done)
        return done.error();
    return f;
}

} // namespace obole
