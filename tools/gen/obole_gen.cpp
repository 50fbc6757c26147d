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
#include <vector>

#include "core/demo_data.h"
#include "core/segmentation.h"
#include "core/statement.h"
#include "core/store.h"

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

bool write_file(const std::string& path, const std::vector<uint8_t>& bytes)
{
    std::string tmp = path + ".tmp";
    FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f)
        return false;
    bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    ok = std::fclose(f) == 0 && ok;
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        return false;
    }
    return true;
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
    // Generation and the index rebuild leave free pages and half-full ones:
    // the snapshot is what devices download, so pack it.
    if (obole::Result<void> r = (*store)->exec("VACUUM"); !r) {
        std::fprintf(stderr, "obole-gen: %s\n", r.error().message.c_str());
        return 1;
    }
    std::vector<uint8_t> bytes = (*store)->serialize();
    if (bytes.empty()) {
        // sqlite3_serialize makes one allocation, and SQLite allocates at most
        // SQLITE_MAX_ALLOCATION_SIZE (2 GiB less a little) at once: a bigger
        // database (about 1M members) has no image to write.
        obole::Statement pages((*store)->db(), "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()");
        pages.step();
        std::fprintf(stderr, "obole-gen: the database (%.0f MB) could not be serialised in one piece for %s\n",
                     double(pages.column_int64(0)) / 1e6, out.c_str());
        return 1;
    }
    if (!write_file(out, bytes)) {
        std::fprintf(stderr, "obole-gen: could not write %s\n", out.c_str());
        return 1;
    }
    double write_ms = ms_since(start);
    std::printf("members %lld, campaigns %lld, campaigns received %lld, gifts %lld, emails %lld, phones %lld\n",
                (long long)counts->members, (long long)counts->campaigns, (long long)counts->received,
                (long long)counts->gifts, (long long)counts->emails, (long long)counts->phones);
    std::printf("generated in %.0f ms (search index included), wrote %s (%.1f MB) in %.0f ms\n", generate_ms,
                out.c_str(), double(bytes.size()) / 1e6, write_ms);
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
