#include "platform/bench_hooks.h"

#include "core/calendar/date.h"
#include "core/members/duplicate_hints.h"
#include "core/money/gift_repository.h"
#include "core/money/iban.h"
#include "core/money/sepa_mandate_repository.h"
#include "core/search/member_search.h"
#include "core/sepa/business_days.h"
#include "core/sepa/collection_run.h"
#include "core/sepa/creditor_settings.h"
#include "core/sepa/return_import.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "platform/browser_host.h"

#include <emscripten.h>

#include <malloc.h>

#include <chrono>
#include <string>
#include <vector>

namespace obole::platform {

static Store* g_store = nullptr;

void bench_hooks_attach(Store* store)
{
    g_store = store;
}

} // namespace obole::platform

// Milliseconds taken by one search for `query` (the same call the search screen
// makes on each keystroke); -1 when no database is open.
extern "C" EMSCRIPTEN_KEEPALIVE double obole_bench_search(const char* query)
{
    if (!obole::platform::g_store)
        return -1;
    auto t0 = std::chrono::steady_clock::now();
    auto hits = obole::search_members(*obole::platform::g_store, query, 50);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return !hits || hits->size() > 50 ? -1 : ms; // use the result so the call is not optimised away
}

// Milliseconds taken by the sign-up form's duplicate hints for what is typed
// so far (the same call the form makes on each keystroke); -1 with no database.
extern "C" EMSCRIPTEN_KEEPALIVE double obole_bench_duplicate_hints(const char* first, const char* last,
                                                                   const char* email, const char* postcode)
{
    if (!obole::platform::g_store)
        return -1;
    obole::NewMember typed;
    typed.first_name = first;
    typed.last_name = last;
    typed.email = email;
    typed.postcode = postcode;
    auto t0 = std::chrono::steady_clock::now();
    auto hints = obole::likely_duplicates(*obole::platform::g_store, typed);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return !hints || hints->size() > 5 ? -1 : ms;
}

// Saves one gift for the first member found by `query`, through the same
// repository call as the gift form; the page then waits, frame by frame, for
// obole_bench_saved() to time the whole way to "Saved on this device".
// Returns 0, or -1 when there is nothing to save it to.
extern "C" EMSCRIPTEN_KEEPALIVE int obole_bench_add_gift(const char* query, const char* amount)
{
    if (!obole::platform::g_store)
        return -1;
    auto hits = obole::search_members(*obole::platform::g_store, query, 1);
    if (!hits || hits->empty())
        return -1;
    obole::NewGift g;
    g.member_id = hits->front().member_id;
    g.amount_text = amount;
    auto added = obole::GiftRepository(*obole::platform::g_store).add(g, "bench");
    return added ? 0 : -1;
}

extern "C" EMSCRIPTEN_KEEPALIVE int obole_bench_saved()
{
    return obole::platform::browser_host().save_state() == obole::ui::SaveState::saved ? 1 : 0;
}

// Bytes of the wasm heap in use by malloc now (the heap itself only grows:
// Module.HEAPU8.length is the high-water mark of start-up, not what is held).
extern "C" EMSCRIPTEN_KEEPALIVE double obole_bench_heap_in_use()
{
    struct mallinfo info = mallinfo();
    return static_cast<double>(info.uordblks);
}

// Bytes of the open database (page count × page size), to set beside the heap.
extern "C" EMSCRIPTEN_KEEPALIVE double obole_bench_database_bytes()
{
    if (!obole::platform::g_store)
        return -1;
    obole::Statement s(obole::platform::g_store->db(),
                       "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()");
    return s.step() == obole::Statement::Step::row ? static_cast<double>(s.column_int64(0)) : -1;
}

namespace {

double ms_since(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// Mandates for the first members, round-robin, until `wanted` are active
// (a bench database of 10,000 members gives some two each): not timed.
obole::Result<void> add_bench_mandates(obole::Store& store, int wanted)
{
    obole::Statement count(store.db(), "SELECT count(*) FROM sepa_mandate WHERE status = 'active'");
    int have = count.step() == obole::Statement::Step::row ? static_cast<int>(count.column_int64(0)) : 0;
    std::vector<std::string> members;
    obole::Statement select(store.db(), "SELECT id FROM member WHERE deleted = 0 AND merged_into_ref IS NULL "
                                        "ORDER BY ref LIMIT 20000");
    while (select.step() == obole::Statement::Step::row)
        members.push_back(select.column_uuid(0));
    if (members.empty())
        return obole::fail("bench.no_members", "No member to give a mandate to.");
    const std::string signed_on = obole::iso_from_days(obole::days_from_iso(store.today()) - 60);
    return store.transaction([&]() -> obole::Result<void> {
        obole::SepaMandateRepository mandates(store);
        for (size_t i = 0; have < wanted; ++i, ++have) {
            obole::NewSepaMandate n;
            n.member_id = members[i % members.size()];
            n.iban_text = obole::iban_with_check_digits("FR", "3000600001" + std::to_string(10000000000LL + i) + "89");
            n.bic_text = "AGRIFRPP";
            n.holder = "Bench Donor " + std::to_string(i);
            n.signature_date_text = signed_on;
            n.amount_text = std::to_string(5 + i % 50);
            if (obole::Result<std::string> r = mandates.add(n, "bench"); !r)
                return r.error();
        }
        return {};
    });
}

// A pain.002 rejecting the run's first `lines` collections, reasons in turn.
std::string bench_status_report(obole::Store& store, const std::string& run_id, const std::string& ics, int lines)
{
    static const char* const kReasons[] = {"AM04", "AC04", "AC06", "MS02", "MD01", "MS03"};
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document "
                      "xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.03\"><CstmrPmtStsRpt><GrpHdr><MsgId>BENCH"
                      "</MsgId><CreDtTm>2026-01-01T00:00:00</CreDtTm></GrpHdr><OrgnlGrpInfAndSts><OrgnlMsgId>RUN"
                      "</OrgnlMsgId><OrgnlMsgNmId>pain.008.001.02</OrgnlMsgNmId></OrgnlGrpInfAndSts>"
                      "<OrgnlPmtInfAndSts><OrgnlPmtInfId>RUN</OrgnlPmtInfId>";
    obole::Statement s(store.db(), "SELECT id, amount_cents FROM sepa_collection WHERE run_id = ?1 LIMIT ?2");
    s.bind_uuid(1, run_id);
    s.bind_int64(2, lines);
    for (int i = 0; s.step() == obole::Statement::Step::row; ++i)
        xml += "<TxInfAndSts><OrgnlEndToEndId>" + obole::end_to_end_id(s.column_uuid(0)) +
               "</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>" + kReasons[i % 6] +
               "</Cd></Rsn></StsRsnInf><OrgnlTxRef><Amt><InstdAmt Ccy=\"EUR\">" + obole::iso_amount(s.column_int64(1)) +
               "</InstdAmt></Amt><CdtrSchmeId><Id><PrvtId><Othr><Id>" + ics +
               "</Id><SchmeNm><Prtry>SEPA</Prtry></SchmeNm></Othr></PrvtId></Id></CdtrSchmeId></OrgnlTxRef>"
               "</TxInfAndSts>";
    return xml + "</OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>";
}

} // namespace

// Issue 25's figures: a collection run over `mandates` active mandates (its
// plan, its recording, its pain.008 written), then the bank's report of
// `returns` rejects imported, and imported again. Through the same core
// calls as the SEPA collections screen; the mandates are added first when
// the database has fewer (not timed). Returns JSON, or {"error": ...}.
extern "C" EMSCRIPTEN_KEEPALIVE const char* obole_bench_sepa(int mandates, int returns)
{
    static std::string out;
    obole::Store* store = obole::platform::g_store;
    auto error = [](const std::string& what) { return (out = "{\"error\":\"" + what + "\"}").c_str(); };
    if (!store)
        return error("no database");
    obole::Result<obole::CreditorSettings> loaded = obole::load_creditor_settings(*store);
    if (!loaded)
        return error(loaded.error().code);
    obole::CreditorSettings creditor = *loaded;
    if (!creditor.complete()) {
        auto saved = obole::save_creditor_settings(
            *store, {"Bench", "FR72ZZZ123456", "FR7630006000011234567890189", "AGRIFRPP", "2", "5", "5"}, "bench");
        if (!saved)
            return error(saved.error().code);
        creditor = *saved;
    }
    if (auto r = add_bench_mandates(*store, mandates); !r)
        return error(r.error().code);
    const std::string date =
        obole::next_collection_dates(creditor, obole::earliest_collection_date(store->today(), 2), 1).front();
    auto t0 = std::chrono::steady_clock::now();
    const obole::Result<obole::CollectionPlan> planned = obole::plan_collections(*store, creditor, date);
    const double plan_ms = ms_since(t0);
    if (!planned)
        return error(planned.error().code);
    const obole::CollectionPlan& plan = *planned;
    t0 = std::chrono::steady_clock::now();
    obole::Result<std::string> run = obole::CollectionRunRepository(*store).submit(plan, creditor, "bench");
    const double submit_ms = ms_since(t0);
    if (!run)
        return error(run.error().code);
    t0 = std::chrono::steady_clock::now();
    obole::Result<obole::Pain008> file = obole::CollectionRunRepository(*store).file_of(*run, creditor);
    const std::string xml = file ? obole::write_pain008(*file) : std::string();
    const double file_ms = ms_since(t0);
    const std::string report = bench_status_report(*store, *run, creditor.ics, returns);
    t0 = std::chrono::steady_clock::now();
    auto imported = obole::import_bank_return(*store, report, creditor, obole::ReceiptNumbering::server, "bench");
    const double import_ms = ms_since(t0);
    t0 = std::chrono::steady_clock::now();
    auto again = obole::import_bank_return(*store, report, creditor, obole::ReceiptNumbering::server, "bench");
    const double reimport_ms = ms_since(t0);
    if (!imported || !again)
        return error((imported ? again : imported).error().code);
    out = "{\"collections\":" + std::to_string(plan.lines.size()) + ",\"plan_ms\":" + std::to_string(plan_ms) +
          ",\"submit_ms\":" + std::to_string(submit_ms) + ",\"file_ms\":" + std::to_string(file_ms) +
          ",\"file_bytes\":" + std::to_string(xml.size()) + ",\"return_lines\":" + std::to_string(imported->lines) +
          ",\"returns_failed\":" + std::to_string(imported->failed_now) +
          ",\"import_ms\":" + std::to_string(import_ms) + ",\"reimport_already\":" + std::to_string(again->already) +
          ",\"reimport_ms\":" + std::to_string(reimport_ms) + "}";
    return out.c_str();
}
