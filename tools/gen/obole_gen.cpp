// obole-gen --members N --seed S --out FILE.db [--today YYYY-MM-DD]
//
// Generates the demo association (core/demo_data.h) in memory, then writes
// the database image to FILE.db (through a temporary file and a rename, so a
// half-written database never appears). The same seed and --today give the
// same database. Timings of the core operations over it: obole-core-bench
// (tools/corebench).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/demo_data.h"
#include "core/search/segmentation.h"
#include "core/store/statement.h"
#include "core/store/store.h"

#include <sqlite3.h>

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

int usage()
{
    std::fprintf(stderr, "usage: obole-gen --members N --seed S --out FILE.db [--today YYYY-MM-DD]\n");
    return 2;
}

// VACUUM INTO packs the database as it writes it (generation and the index
// rebuild leave free and half-full pages; the file is what devices download),
// page by page: unlike sqlite3_serialize, no single allocation of the whole
// image, which SQLite caps at 2 GiB (about 1M members). Written under a
// temporary name, then renamed, so a failure leaves no half file.
obole::Result<int64_t> write_packed(obole::Store& store, const std::string& path)
{
    const std::string tmp = path + ".tmp";
    std::remove(tmp.c_str());
    obole::Statement vacuum(store.db(), "VACUUM INTO ?1");
    vacuum.bind_text(1, tmp);
    if (vacuum.step() != obole::Statement::Step::done || std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        return obole::fail("gen.write", "could not write " + path + ": " + sqlite3_errmsg(store.db()));
    }
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f)
        return obole::fail("gen.write", "could not read back " + path);
    std::fseek(f, 0, SEEK_END);
    const int64_t size = std::ftell(f);
    std::fclose(f);
    return size;
}

} // namespace

int main(int argc, char** argv)
{
    obole::DemoOptions options;
    std::string out;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        bool has_value = i + 1 < argc;
        if (arg == "--members" && has_value)
            options.members = std::atoi(argv[++i]);
        else if (arg == "--seed" && has_value)
            options.seed = std::strtoull(argv[++i], nullptr, 10);
        else if (arg == "--out" && has_value)
            out = argv[++i];
        else if (arg == "--today" && has_value)
            options.today = argv[++i];
        else
            return usage();
    }
    if (out.empty() || options.members < 0)
        return usage();

    obole::Result<std::unique_ptr<obole::Store>> store = obole::Store::open_memory();
    if (!store) {
        std::fprintf(stderr, "obole-gen: %s\n", store.error().message.c_str());
        return 1;
    }
    if (!options.today.empty())
        (*store)->set_today(options.today);
    auto start = Clock::now();
    obole::Result<obole::DemoCounts> counts = obole::generate_demo_counted(**store, options);
    double generate_ms = ms_since(start);
    if (!counts) {
        std::fprintf(stderr, "obole-gen: %s\n", counts.error().message.c_str());
        return 1;
    }
    start = Clock::now();
    // Devices open the snapshot with every member's segments computed for its day.
    if (obole::Result<bool> r = obole::refresh_segments_if_stale(**store); !r) {
        std::fprintf(stderr, "obole-gen: %s\n", r.error().message.c_str());
        return 1;
    }
    obole::Result<int64_t> written = write_packed(**store, out);
    if (!written) {
        std::fprintf(stderr, "obole-gen: %s\n", written.error().message.c_str());
        return 1;
    }
    double write_ms = ms_since(start);
    std::printf("members %lld, campaigns %lld, campaigns received %lld, gifts %lld, emails %lld, phones %lld\n",
                (long long)counts->members, (long long)counts->campaigns, (long long)counts->received,
                (long long)counts->gifts, (long long)counts->emails, (long long)counts->phones);
    std::printf("generated in %.0f ms (search index included), wrote %s (%.1f MB) in %.0f ms\n", generate_ms,
                out.c_str(), double(*written) / 1e6, write_ms);
    // What else the association holds, for the record of what a size means.
    obole::Statement rows((*store)->db(),
                          "SELECT (SELECT count(*) FROM membership), (SELECT count(*) FROM sepa_mandate), "
                          "(SELECT count(*) FROM event), (SELECT count(*) FROM event_registration), "
                          "(SELECT count(*) FROM address)");
    if (rows.step() == obole::Statement::Step::row)
        std::printf("memberships %lld, mandates %lld, events %lld, event registrations %lld, addresses %lld\n",
                    (long long)rows.column_int64(0), (long long)rows.column_int64(1), (long long)rows.column_int64(2),
                    (long long)rows.column_int64(3), (long long)rows.column_int64(4));
    return 0;
}
