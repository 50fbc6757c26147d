// obole-core-bench (--db FILE.db | --members N [--seed S]) [Google Benchmark flags]
//
// Native timings of the core operations users feel, over a database written
// by obole-gen, opened in memory as the browser opens its copy
// (Store::open_bytes). Run by tools/obole bench with
// --benchmark_format=json; readable by hand too.
//
// What one figure is: every benchmark runs ONE operation per repetition
// (Iterations(1)), many repetitions, and reports the median and the 95th
// percentile of those single operations (ReportAggregatesOnly: mean, median,
// stddev, cv, p95). So "search/keystroke median" is the median time of one
// keystroke's search, not an average over a loop. The keystrokes, dossiers and
// gifts change from one repetition to the next, in a fixed order.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/members/duplicate_hints.h"
#include "core/members/member_repository.h"
#include "core/members/text_conflict_repository.h"
#include "core/money/gift_repository.h"
#include "core/search/member_filter.h"
#include "core/search/member_search.h"
#include "core/search/segmentation.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "gen/demo_data.h"

namespace {

obole::Store* g_store = nullptr;

// Typed one character (not byte) at a time: every prefix is a search. The same
// queries as tests/bench/browser_bench.cjs, so native and browser compare.
const char* const kQueries[] = {"dupont", "helene", "hélène dup",  "martin 75", "иван",
                                "петров", "山田",   "06 12 34 56", "+33 6 12",  "75011",
                                "gmail",  "lyon",   "1234",        "le",        "marie-claire"};

std::vector<std::string> utf8_prefixes(const std::string& text)
{
    std::vector<std::string> out;
    for (size_t i = 1; i <= text.size(); ++i)
        if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            out.push_back(text.substr(0, i));
    return out;
}

double p95(const std::vector<double>& v)
{
    std::vector<double> s = v;
    std::sort(s.begin(), s.end());
    return s.empty() ? 0 : s[std::min(s.size() - 1, size_t(0.95 * double(s.size())))];
}

// One registered benchmark over a list of inputs: repetition i runs op(i % n).
template <typename Op>
void add(const char* name, int repetitions, Op op)
{
    benchmark::RegisterBenchmark(name,
                                 [op, next = size_t(0)](benchmark::State& state) mutable {
                                     for (auto _ : state)
                                         op(next++);
                                 })
        ->Iterations(1)
        ->Repetitions(repetitions)
        ->ReportAggregatesOnly(true)
        ->ComputeStatistics("p95", p95)
        ->UseRealTime()
        ->Unit(benchmark::kMillisecond);
}

std::vector<std::string> member_ids(const char* sql)
{
    std::vector<std::string> out;
    obole::Statement s(g_store->db(), sql);
    while (s.step() == obole::Statement::Step::row)
        out.push_back(s.column_uuid(0));
    return out;
}

// What the dossier screen reads when it opens on a member (dossier_screen.cpp,
// dossier/top_part.cpp, dossier/gifts_tab.cpp: the tab it opens on).
size_t open_dossier(const std::string& id)
{
    obole::Result<obole::Member> m = obole::MemberRepository(*g_store).get(id);
    if (!m)
        std::abort();
    size_t n = obole::TextConflictRepository(*g_store).open_for_member(id).value().size();
    n += obole::MemberRepository(*g_store).campaigns_received(id, 10).value().size();
    n += obole::GiftRepository(*g_store).list_for_member(id).value().size();
    return n;
}

void register_all(int64_t members)
{
    // The whole-file operations take seconds at 1M members: fewer of them there.
    const int whole_file_runs = members >= 500000 ? 3 : members >= 50000 ? 5 : 10;
    // Search as you type: every prefix of every query, twice over.
    static std::vector<std::string> keystrokes;
    for (const char* q : kQueries)
        for (const std::string& p : utf8_prefixes(q))
            keystrokes.push_back(p);
    for (const std::string& k : keystrokes) // warm the caches, as a running app has
        obole::search_members(*g_store, k, 50).value();
    add("search/keystroke", int(2 * keystrokes.size()), [](size_t i) {
        benchmark::DoNotOptimize(obole::search_members(*g_store, keystrokes[i % keystrokes.size()], 50).value());
    });

    // Dossiers of members spread over the file, and of the member with the
    // longest history (2,000 gifts, the demo's parish).
    static std::vector<std::string> spread =
        member_ids("SELECT id FROM member WHERE ref % (SELECT max(1, count(*) / 200) FROM member) = 0 LIMIT 200");
    add("dossier/open", 200, [](size_t i) { benchmark::DoNotOptimize(open_dossier(spread[i % spread.size()])); });
    static std::vector<std::string> parish = member_ids(
        "SELECT m.id FROM member m JOIN gift g ON g.member_ref = m.ref GROUP BY m.ref ORDER BY count(*) DESC LIMIT 1");
    add("dossier/open_2000_gifts", 50,
        [](size_t i) { benchmark::DoNotOptimize(open_dossier(parish[i % parish.size()])); });

    // A gift saved through the repository (its transaction: gift, journal,
    // outbox, the member's segment refresh), on members spread over the file.
    add("gift/save", 200, [](size_t i) {
        obole::NewGift gift;
        gift.member_id = spread[(i * 7) % spread.size()];
        gift.amount_text = std::to_string(5 + i % 100);
        if (!obole::GiftRepository(*g_store).add(gift, "bench"))
            std::abort();
    });

    // The sign-up form's duplicate hints: 40 people already on file typed in,
    // last name, first name, postcode, email, letter by letter.
    static std::vector<obole::NewMember> typed;
    obole::Statement people(
        g_store->db(), "SELECT m.first_name, m.last_name, ifnull(a.postcode, ''), "
                       "ifnull((SELECT address FROM email e WHERE e.member_ref = m.ref AND e.deleted = 0 LIMIT 1), '') "
                       "FROM member m LEFT JOIN address a ON a.member_ref = m.ref AND a.is_main = 1 "
                       "WHERE m.ref % (SELECT max(1, count(*) / 40) FROM member) = 0 LIMIT 40");
    while (people.step() == obole::Statement::Step::row) {
        obole::NewMember so_far;
        std::string obole::NewMember::*fields[] = {&obole::NewMember::last_name, &obole::NewMember::first_name,
                                                   &obole::NewMember::postcode, &obole::NewMember::email};
        const std::string values[] = {people.column_text(1), people.column_text(0), people.column_text(2),
                                      people.column_text(3)};
        for (int f = 0; f < 4; ++f)
            for (const std::string& p : utf8_prefixes(values[f])) {
                so_far.*fields[f] = p;
                typed.push_back(so_far);
            }
    }
    add("duplicate_hints/keystroke", int(std::min<size_t>(typed.size(), 1000)),
        [](size_t i) { benchmark::DoNotOptimize(obole::likely_duplicates(*g_store, typed[i % typed.size()])); });

    // Every member's segments recomputed (a new day, a new major-donor threshold).
    add("segments/refresh_all", whole_file_runs, [](size_t) {
        if (!obole::refresh_all_segments(*g_store, g_store->today()))
            std::abort();
    });

    // The search screen's example filter: lapsed major donors in 75*, the first
    // 50 and their count.
    add("filter/lapsed_major_75", whole_file_runs, [](size_t) {
        obole::MemberFilter filter;
        filter.segments = obole::kSegmentLapsed | obole::kSegmentMajor;
        filter.postcode_prefix = "75*";
        benchmark::DoNotOptimize(obole::filter_members(*g_store, filter, 50).value().size() +
                                 obole::count_filtered_members(*g_store, filter).value());
    });
}

} // namespace

// The database: a file obole-gen wrote, or (--members N) generated here in
// memory as obole-gen does, for sizes whose image is too big to write
// (SQLite serialises at most 2 GiB: about 1M members).
obole::Result<std::unique_ptr<obole::Store>> open_database(const std::string& db, int members, uint64_t seed)
{
    if (members > 0) {
        obole::Result<std::unique_ptr<obole::Store>> store = obole::Store::open_memory();
        if (!store)
            return store;
        obole::DemoOptions options;
        options.members = members;
        options.seed = seed;
        if (obole::Result<void> r = obole::generate_demo(**store, options); !r)
            return r.error();
        if (obole::Result<bool> r = obole::refresh_segments_if_stale(**store); !r)
            return r.error();
        return store;
    }
    std::ifstream in(db, std::ios::binary);
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.empty())
        return obole::fail("bench.no_database", "no database there");
    return obole::Store::open_bytes(bytes);
}

int main(int argc, char** argv)
{
    benchmark::Initialize(&argc, argv); // takes its --benchmark_* flags out of argv
    const char* usage =
        "usage: obole-core-bench (--db FILE.db | --members N [--seed S]) [--benchmark_format=json ...]\n";
    std::string db;
    int members = 0;
    uint64_t seed = 42;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--db" && i + 1 < argc)
            db = argv[++i];
        else if (arg == "--members" && i + 1 < argc)
            members = std::atoi(argv[++i]);
        else if (arg == "--seed" && i + 1 < argc)
            seed = std::strtoull(argv[++i], nullptr, 10);
        else {
            std::fprintf(stderr, "%s", usage);
            return 2;
        }
    }
    if (db.empty() == (members <= 0)) {
        std::fprintf(stderr, "%s", usage);
        return 2;
    }
    obole::Result<std::unique_ptr<obole::Store>> store = open_database(db, members, seed);
    if (!store) {
        std::fprintf(stderr, "obole-core-bench: %s: %s\n", db.empty() ? "generating" : db.c_str(),
                     store.error().message.c_str());
        return 1;
    }
    g_store = store->get();
    benchmark::AddCustomContext("database", db.empty() ? "generated in memory, seed " + std::to_string(seed) : db);
    obole::Statement count(g_store->db(), "SELECT count(*) FROM member");
    count.step();
    benchmark::AddCustomContext("members", std::to_string(count.column_int64(0)));
    register_all(count.column_int64(0));
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
