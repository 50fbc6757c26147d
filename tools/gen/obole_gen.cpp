// obole-gen --members N --seed S --out FILE.db [--today YYYY-MM-DD] [--bench]
//
// Generates the demo association in memory, then writes the database image
// to FILE.db (through a temporary file and a rename, so a half-written
// database never appears). --bench also times typical searches, the
// sign-up form's duplicate hints, and a full refresh of the segments
// (core/segmentation.h).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "core/demo_data.h"
#include "core/duplicate_hints.h"
#include "core/gift_repository.h"
#include "core/member_filter.h"
#include "core/member_search.h"
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
    std::fprintf(stderr, "usage: obole-gen --members N --seed S --out FILE.db [--today YYYY-MM-DD] [--bench]\n");
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

// Times queries a volunteer types at an event, each as typed letter by letter
// would be too: prefixes of names, phone fragments, postcodes, emails, numbers.
void bench(obole::Store& store)
{
    const char* const queries[] = {
        "d", "du", "dup", "dupont", "helene", "HELENE", "hélène dup", "lefevre", "garcon", "francois",
        "иван", "Ива", "петров", "山田", "田中 花子", "06 12", "0612", "+33 6 12", "345678", "061234",
        "750", "75011", "69003", "dupont 75", "martin lyon", "gmail", "orange.fr", "@free", "jean-pierre",
        "12", "1234", "99999", "marie", "ma", "ene", "ç", "noel", "paris", "saint etienne", "zzzz",
    };
    std::vector<double> times;
    for (int round = 0; round < 5; ++round) {
        for (const char* q : queries) {
            auto start = Clock::now();
            std::vector<obole::SearchHit> hits = obole::search_members(store, q, 50);
            double t = ms_since(start);
            if (round > 0) // the first round warms the page cache
                times.push_back(t);
            if (round == 1)
                std::printf("  %-14s %3zu hits  %7.3f ms%s%s\n", q, hits.size(), t, hits.empty() ? "" : "  first: ",
                            hits.empty() ? "" : hits[0].display_name.c_str());
        }
    }
    std::sort(times.begin(), times.end());
    auto at = [&](double p) { return times[std::min(times.size() - 1, size_t(p * double(times.size())))]; };
    std::printf("search: %zu timed queries, median %.3f ms, p95 %.3f ms, max %.3f ms\n", times.size(), at(0.5),
                at(0.95), times.back());
}

// Times the likely-duplicate hints of a stand's sign-up form, one lookup per
// keystroke, as a volunteer types a person already on file: last name,
// first name, postcode, then email, letter by letter. Prints how often the
// person was among the hints once their name was typed.
void bench_duplicate_hints(obole::Store& store)
{
    obole::Statement people(store.db(),
                            "SELECT m.first_name, m.last_name, ifnull(a.postcode, ''), "
                            "ifnull((SELECT address FROM email e WHERE e.member_ref = m.ref AND e.deleted = 0 LIMIT 1), ''), "
                            "m.id FROM member m LEFT JOIN address a ON a.member_ref = m.ref AND a.is_main = 1 "
                            "WHERE m.ref % (SELECT max(1, count(*) / 40) FROM member) = 0 LIMIT 40");
    std::vector<double> times;
    int people_typed = 0, found = 0;
    while (people.step() == obole::Statement::Step::row) {
        const std::string first = people.column_text(0), last = people.column_text(1), postcode = people.column_text(2),
                          email = people.column_text(3), id = people.column_uuid(4);
        obole::NewMember typed;
        bool seen = false;
        // Byte by byte is letter by letter for ASCII; a multi-byte letter
        // costs a few extra lookups, as an IME would.
        auto type_into = [&](std::string* field, const std::string& text) {
            for (size_t i = 1; i <= text.size(); ++i) {
                *field = text.substr(0, i);
                auto start = Clock::now();
                std::vector<obole::DuplicateHint> hints = obole::likely_duplicates(store, typed);
                times.push_back(ms_since(start));
                for (const obole::DuplicateHint& h : hints)
                    seen |= h.member_id == id;
            }
        };
        type_into(&typed.last_name, last);
        type_into(&typed.first_name, first);
        type_into(&typed.postcode, postcode);
        type_into(&typed.email, email);
        ++people_typed;
        found += seen;
    }
    if (times.empty())
        return;
    std::sort(times.begin(), times.end());
    auto at = [&](double p) { return times[std::min(times.size() - 1, size_t(p * double(times.size())))]; };
    std::printf("duplicate hints: %d sign-ups typed (%zu keystrokes), the person suggested in %d; "
                "per keystroke median %.3f ms, p95 %.3f ms, max %.3f ms\n",
                people_typed, times.size(), found, at(0.5), at(0.95), times.back());
}

// Times the full, set-based recomputation of every member's segments (what a
// new day or a new major donor threshold costs), and a gift's incremental one.
// CPU time is printed too: on a shared machine the wall clock also counts
// other people's work.
void bench_segments(obole::Store& store)
{
    std::vector<double> times, cpu;
    for (int round = 0; round < 6; ++round) {
        auto start = Clock::now();
        std::clock_t cpu_start = std::clock();
        if (obole::Result<void> r = obole::refresh_all_segments(store, store.today()); !r) {
            std::fprintf(stderr, "obole-gen: %s\n", r.error().message.c_str());
            return;
        }
        if (round > 0) { // the first round warms the caches
            times.push_back(ms_since(start));
            cpu.push_back(1000.0 * double(std::clock() - cpu_start) / CLOCKS_PER_SEC);
        }
    }
    std::sort(times.begin(), times.end());
    std::sort(cpu.begin(), cpu.end());
    obole::Statement rows(store.db(), "SELECT count(*), sum(segments & 8 > 0), sum(segments & 16 > 0) FROM member_segment");
    rows.step();
    std::printf("segments: %lld members scored (%lld major, %lld lapsed); full refresh median %.1f ms, max %.1f ms "
                "(cpu median %.1f ms)\n",
                (long long)rows.column_int64(0), (long long)rows.column_int64(1), (long long)rows.column_int64(2),
                times[times.size() / 2], times.back(), cpu[cpu.size() / 2]);

    // The search screen's example: lapsed major donors in 75*, first 50 and their count.
    obole::MemberFilter filter;
    filter.segments = obole::kSegmentLapsed | obole::kSegmentMajor;
    filter.postcode_prefix = "75*";
    std::vector<double> filter_times;
    size_t shown = 0;
    int64_t matching = 0;
    for (int round = 0; round < 6; ++round) {
        auto start = Clock::now();
        shown = obole::filter_members(store, filter, 50).size();
        matching = obole::count_filtered_members(store, filter);
        if (round > 0)
            filter_times.push_back(ms_since(start));
    }
    std::sort(filter_times.begin(), filter_times.end());
    std::printf("filter: lapsed major donors in 75*: %lld match, %zu shown; list and count median %.1f ms, max %.1f ms\n",
                (long long)matching, shown, filter_times[filter_times.size() / 2], filter_times.back());

    // One gift on a member with history: the trigger marks it, the commit recomputes it.
    obole::Statement member(store.db(), "SELECT m.id FROM member m JOIN member_segment s ON s.member_ref = m.ref "
                                        "ORDER BY s.frequency DESC, m.ref LIMIT 1");
    if (member.step() != obole::Statement::Step::row)
        return;
    std::vector<double> gift_times;
    for (int i = 0; i < 20; ++i) {
        obole::NewGift gift;
        gift.member_id = member.column_uuid(0);
        gift.amount_text = "25";
        auto start = Clock::now();
        if (!obole::GiftRepository(store).add(gift, "bench"))
            return;
        gift_times.push_back(ms_since(start));
    }
    std::sort(gift_times.begin(), gift_times.end());
    std::printf("segments: gift saved with its member's refresh, median %.3f ms, max %.3f ms\n",
                gift_times[gift_times.size() / 2], gift_times.back());
}

} // namespace

int main(int argc, char** argv)
{
    obole::DemoOptions options;
    std::string out;
    bool run_bench = false;
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
        else if (arg == "--bench")
            run_bench = true;
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
    if (bytes.empty() || !write_file(out, bytes)) {
        std::fprintf(stderr, "obole-gen: could not write %s\n", out.c_str());
        return 1;
    }
    double write_ms = ms_since(start);
    std::printf("members %lld, campaigns %lld, campaigns received %lld, gifts %lld, emails %lld, phones %lld\n",
                (long long)counts->members, (long long)counts->campaigns, (long long)counts->received,
                (long long)counts->gifts, (long long)counts->emails, (long long)counts->phones);
    std::printf("generated in %.0f ms (search index included), wrote %s (%.1f MB) in %.0f ms\n", generate_ms,
                out.c_str(), double(bytes.size()) / 1e6, write_ms);
    if (run_bench) {
        bench(**store);
        bench_duplicate_hints(**store);
        bench_segments(**store);
    }
    return 0;
}
