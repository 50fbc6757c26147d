// libFuzzer target: a mailing tool's CSV export, imported
// (core/import_export/email_activity_import.h) into a small demo
// association. @EMAIL@ in an input is a live member's address, so seeds
// reach the lines that match a member (and withdraw a consent, or mark an
// address unusable). Beyond not crashing: a bad line never stops the file
// (a refusal is only of the file as a whole: empty, not UTF-8), a refused
// file changes nothing, and the report's counts add up.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/import_export/email_activity_import.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "gen/demo_data.h"

#include "checks.h"
#include "placeholders.h"
#include "undone.h"

namespace {

using obole::fuzz::require_property;
using obole::fuzz::require_setup;

struct World {
    std::unique_ptr<obole::Store> store;
    std::vector<obole::fuzz::Placeholder> values;
};

// What the import writes: activity rows, journal lines, consents, bounces.
std::string written(obole::Store& store)
{
    obole::Statement s(store.db(), "SELECT (SELECT count(*) FROM email_activity) || ',' || (SELECT count(*) FROM "
                                   "journal) || ',' || (SELECT count(*) FROM consent) || ',' || (SELECT "
                                   "total(bounces) FROM email) || ',' || (SELECT total(usable) FROM email)");
    require_property(s.step() == obole::Statement::Step::row, "the store reads");
    return s.column_text(0);
}

World make_world()
{
    World w;
    auto opened = obole::Store::open_memory();
    require_setup(opened.ok(), "memory store");
    w.store = std::move(*opened);
    obole::DemoOptions demo;
    demo.members = 8;
    demo.today = "2026-06-01";
    demo.long_history = false;
    require_setup(obole::generate_demo(*w.store, demo).ok(), "demo association");
    obole::Statement email(w.store->db(), "SELECT e.address FROM email e JOIN member m ON m.ref = e.member_ref "
                                          "WHERE m.deleted = 0 AND e.deleted = 0 ORDER BY e.address LIMIT 1");
    require_setup(email.step() == obole::Statement::Step::row, "a member with an email address");
    w.values = {{"@EMAIL@", email.column_text(0)}};
    return w;
}

std::unique_ptr<World> g_world;

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    g_world = std::make_unique<World>(make_world());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string csv = obole::fuzz::with_placeholders(data, size, g_world->values);
    obole::Store& store = *g_world->store;
    obole::fuzz::run_undone(store, [&] {
        const std::string before = written(store);
        const obole::Result<obole::EmailImportReport> report =
            obole::import_email_activity_csv(store, csv, "fuzz.csv", "fuzz");
        if (!report) {
            require_property(report.error().code.rfind("email_import.", 0) == 0,
                             "only the file as a whole is refused, never for one line");
            require_property(written(store) == before, "a refused file changes nothing");
            return;
        }
        require_property(report->imported >= 0 && report->already_there >= 0 && report->unmatched >= 0 &&
                             report->bad_lines >= 0 && report->members <= report->imported,
                         "the report's counts add up");
        require_property(report->problems.size() <= size_t(report->bad_lines) && report->problems.size() <= 20,
                         "the report names at most 20 bad lines");
    });
    return 0;
}
