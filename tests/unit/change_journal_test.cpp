// The durable journal's core: each committed transaction becomes one record,
// and replaying the records onto the same base gives back the same data.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <set>
#include <string>

#include "core/members/member_repository.h"
#include "core/money/gift_repository.h"
#include "core/search/member_search.h"
#include "core/search/search_index.h"
#include "core/store/change_journal.h"
#include "core/store/migrations.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "gen/demo_data.h"

using namespace obole;

namespace {

std::unique_ptr<Store> fresh()
{
    auto s = Store::open_memory();
    EXPECT_TRUE(s.ok());
    return std::move(*s);
}

// Every row of every journaled table, in primary-key order, as text.
std::string dump(Store& store)
{
    std::string out;
    std::vector<std::string> tables;
    sqlite3_stmt* t = nullptr;
    sqlite3_prepare_v2(store.db(),
                       "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search%' "
                       "AND name NOT LIKE 'sqlite%' ORDER BY name",
                       -1, &t, nullptr);
    while (sqlite3_step(t) == SQLITE_ROW)
        tables.push_back(reinterpret_cast<const char*>(sqlite3_column_text(t, 0)));
    sqlite3_finalize(t);
    for (const std::string& table : tables) {
        out += "[" + table + "]\n";
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(store.db(), ("SELECT * FROM \"" + table + "\" ORDER BY 1").c_str(), -1, &s, nullptr);
        while (sqlite3_step(s) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(s); ++c) {
                const unsigned char* v = sqlite3_column_text(s, c);
                out += v ? std::string(reinterpret_cast<const char*>(v), size_t(sqlite3_column_bytes(s, c))) : "NULL";
                out += "|";
            }
            out += "\n";
        }
        sqlite3_finalize(s);
    }
    return out;
}

// Compares two dumps line by line and names the first difference (a whole
// dump in a failure message is unreadable).
::testing::AssertionResult same_data(const std::string& a, const std::string& b)
{
    size_t i = 0, line = 1;
    while (i < a.size() && i < b.size() && a[i] == b[i]) {
        if (a[i] == '\n')
            ++line;
        ++i;
    }
    if (a.size() == b.size() && i == a.size())
        return ::testing::AssertionSuccess();
    auto around = [&](const std::string& s) {
        size_t from = s.rfind('\n', i == 0 ? 0 : i - 1);
        from = from == std::string::npos ? 0 : from + 1;
        return s.substr(from, 160);
    };
    return ::testing::AssertionFailure() << "first difference at dump line " << line << ":\n  " << around(a) << "\n  "
                                         << around(b);
}

std::string add_member(Store& store, const char* first, const char* last)
{
    NewMember m;
    m.first_name = first;
    m.last_name = last;
    m.postcode = "75011";
    m.city = "Paris";
    auto id = MemberRepository(store).create(m, "test");
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : "";
}

Result<std::string> add_gift(Store& store, const std::string& member, const char* amount)
{
    NewGift g;
    g.member_id = member;
    g.amount_text = amount;
    return GiftRepository(store).add(g, "test");
}

std::vector<JournalRecord> take(Store& store)
{
    auto records = store.take_journal_records();
    EXPECT_TRUE(records.ok());
    return records.ok() ? std::move(*records) : std::vector<JournalRecord>{};
}

} // namespace

TEST(ChangeJournal, OneRecordPerCommittedTransactionNumberedInOrder)
{
    auto store = fresh();
    ASSERT_TRUE(store->enable_journal(41).ok());
    std::string id = add_member(*store, "Hélène", "Dupont");
    ASSERT_TRUE(add_gift(*store, id, "25").ok());
    std::vector<JournalRecord> records = take(*store);
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].seq, 41u);
    EXPECT_EQ(records[1].seq, 42u);
    EXPECT_FALSE(records[0].changeset.empty());
    EXPECT_TRUE(take(*store).empty()); // taken once
}

TEST(ChangeJournal, RefusedInputMakesNoRecord)
{
    auto store = fresh();
    ASSERT_TRUE(store->enable_journal(1).ok());
    std::string id = add_member(*store, "Иван", "Петров");
    take(*store);
    EXPECT_FALSE(add_gift(*store, id, "0").ok());
    EXPECT_FALSE(add_gift(*store, id, "abc").ok());
    NewMember nameless;
    EXPECT_FALSE(MemberRepository(*store).create(nameless, "test").ok());
    EXPECT_TRUE(take(*store).empty());
}

TEST(ChangeJournal, ReplayOntoTheSameBaseGivesTheSameData)
{
    auto store = fresh();
    DemoOptions demo;
    demo.members = 50;
    demo.today = "2026-06-01";
    ASSERT_TRUE(generate_demo(*store, demo).ok());
    std::vector<uint8_t> base = store->serialize();
    ASSERT_TRUE(store->enable_journal(1).ok());

    std::string a = add_member(*store, "Zoé", "Lefèvre");
    std::string b = add_member(*store, "太郎", "山田");
    ASSERT_TRUE(add_gift(*store, a, "12,50").ok());
    ASSERT_TRUE(add_gift(*store, b, "100").ok());
    ASSERT_TRUE(MemberRepository(*store).set_notepad(a, "Rappeler en janvier.", "test").ok());
    ASSERT_TRUE(MemberRepository(*store).set_notepad(a, "Rappeler en février.", "test").ok());
    ASSERT_TRUE(MemberRepository(*store).set_markers(b, "NPAI", true, TaxReceiptPref::email, "test").ok());
    EXPECT_FALSE(add_gift(*store, b, "-5").ok());
    // A transaction whose inner step fails and is undone, then commits the rest.
    ASSERT_TRUE(store
                    ->transaction([&]() -> Result<void> {
                        if (auto r = MemberRepository(*store).set_memo_active(b, "Membre du CA", "test"); !r)
                            return r;
                        Result<void> inner = store->transaction([&]() -> Result<void> {
                            add_member(*store, "Undone", "Inner");
                            return fail("test.inner", "undone on purpose");
                        });
                        EXPECT_FALSE(inner.ok());
                        return {};
                    })
                    .ok());
    std::vector<JournalRecord> records = take(*store);
    ASSERT_EQ(records.size(), 8u);

    auto copy = Store::open_bytes(base);
    ASSERT_TRUE(copy.ok());
    ASSERT_TRUE(replay_journal(**copy, records).ok());
    EXPECT_TRUE(same_data(dump(**copy), dump(*store)));
    // The search index is rebuilt for what the records touched.
    auto hits = search_members(**copy, "lefevre zoe").value();
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].member_id, a);
    EXPECT_EQ(search_members(**copy, "山田").value().size(), search_members(*store, "山田").value().size());
    EXPECT_TRUE(search_members(**copy, "inner undone").value().empty());
}

TEST(ChangeJournal, SearchIndexIsNotInTheRecords)
{
    auto store = fresh();
    ASSERT_TRUE(store->enable_journal(1).ok());
    add_member(*store, "Gaël", "Benoît");
    std::vector<JournalRecord> records = take(*store);
    ASSERT_EQ(records.size(), 1u);
    sqlite3_changeset_iter* it = nullptr;
    ASSERT_EQ(sqlite3changeset_start(&it, int(records[0].changeset.size()), records[0].changeset.data()), SQLITE_OK);
    std::set<std::string> tables;
    while (sqlite3changeset_next(it) == SQLITE_ROW) {
        const char* table = nullptr;
        int columns = 0, op = 0, indirect = 0;
        sqlite3changeset_op(it, &table, &columns, &op, &indirect);
        tables.insert(table);
    }
    sqlite3changeset_finalize(it);
    EXPECT_TRUE(tables.count("member"));
    EXPECT_TRUE(tables.count("journal"));
    for (const std::string& t : tables)
        EXPECT_NE(t.rfind("search", 0), 0u) << t;
}

TEST(ChangeJournal, ReplayOntoTheWrongBaseChangesNothing)
{
    auto store = fresh();
    ASSERT_TRUE(store->enable_journal(1).ok());
    std::string id = add_member(*store, "Anne", "Martin");
    take(*store);
    ASSERT_TRUE(add_gift(*store, id, "30").ok());
    std::vector<JournalRecord> gift_only = take(*store);

    // A base that lacks the member the gift belongs to... and that already
    // holds a row the record inserts is the same failure: the record does not fit.
    auto other = fresh();
    std::string before = dump(*other);
    auto r = replay_journal(*other, gift_only);
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(same_data(dump(*other), before));

    auto same = Store::open_bytes(store->serialize());
    ASSERT_TRUE(same.ok());
    std::string holds = dump(**same);
    auto twice = replay_journal(**same, gift_only); // the gift is already there
    EXPECT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().code, "journal.conflict");
    EXPECT_TRUE(same_data(dump(**same), holds));
}

// An unmerge and a merge of the same member in one transaction (a pull
// moving a merge pointer, core/members/member_merge.h) delete the member's
// merge_move rows and write them again, in the order the moves scan them,
// which need not be the order they were first recorded in. With reused
// numbers the journal recorded that as UPDATEs swapping the rows' unique
// keys, which a replay could not apply (found by the sync simulation).
TEST(ChangeJournal, MergeRecordsWrittenAgainInAnotherOrderReplay)
{
    auto store = fresh();
    std::string loser = add_member(*store, "Anne", "Martin");
    std::string first = *add_gift(*store, loser, "10"), second = *add_gift(*store, loser, "20");
    auto record = [&](const std::string& gift, int64_t to) {
        Statement s(store->db(), "INSERT INTO merge_move(loser_ref, tbl, row_id, col, old_value, new_value) "
                                 "SELECT ref, 'gift', ?2, 'member_ref', ref, ?3 FROM member WHERE id = ?1");
        s.bind_uuid(1, loser);
        s.bind_uuid(2, gift);
        s.bind_int64(3, to);
        return s.run();
    };
    ASSERT_TRUE(record(second, 7));
    ASSERT_TRUE(record(first, 7));
    std::vector<uint8_t> base = store->serialize();
    ASSERT_TRUE(store->enable_journal(1).ok());
    ASSERT_TRUE(store
                    ->transaction([&]() -> Result<void> {
                        if (Result<void> r = store->exec("DELETE FROM merge_move"); !r)
                            return r;
                        if (Result<void> r = record(first, 8); !r)
                            return r;
                        return record(second, 8);
                    })
                    .ok());
    std::vector<JournalRecord> records = take(*store);
    ASSERT_EQ(records.size(), 1u);
    auto copy = Store::open_bytes(base);
    ASSERT_TRUE(copy.ok());
    Result<std::vector<std::string>> replayed = replay_journal(**copy, records);
    ASSERT_TRUE(replayed.ok()) << replayed.error().code;
    EXPECT_TRUE(same_data(dump(**copy), dump(*store)));
}

TEST(ChangeJournal, DamagedRecordIsRefusedAndChangesNothing)
{
    auto store = fresh();
    std::vector<uint8_t> base = store->serialize();
    ASSERT_TRUE(store->enable_journal(1).ok());
    add_member(*store, "Louis", "Moreau");
    std::vector<JournalRecord> records = take(*store);
    ASSERT_EQ(records.size(), 1u);
    records[0].changeset.resize(records[0].changeset.size() / 2); // torn

    auto copy = Store::open_bytes(base);
    ASSERT_TRUE(copy.ok());
    std::string before = dump(**copy);
    EXPECT_FALSE(replay_journal(**copy, records).ok());
    EXPECT_TRUE(same_data(dump(**copy), before));
}

// A database as an older version of Obole left it: schema `version`.
std::vector<uint8_t> database_of_schema(int version)
{
    sqlite3* db = nullptr;
    sqlite3_open(":memory:", &db);
    EXPECT_TRUE(apply_migrations(db, version).ok());
    sqlite3_int64 size = 0;
    unsigned char* bytes = sqlite3_serialize(db, "main", &size, 0);
    std::vector<uint8_t> out(bytes, bytes + size);
    sqlite3_free(bytes);
    sqlite3_close(db);
    return out;
}

// Records written under an older schema are replayed on it before the
// migration runs (the browser's start-up order, app/platform/web_main.cpp),
// and the members they touched are reindexed once the schema is current.
TEST(ChangeJournal, RecordsOfAnOlderSchemaReplayBeforeTheMigration)
{
    const std::vector<uint8_t> v2 = database_of_schema(2);
    auto old = Store::open_bytes_unmigrated(v2);
    ASSERT_TRUE(old.ok());
    ASSERT_TRUE((*old)->needs_migration().value());
    ASSERT_TRUE((*old)->enable_journal(1).ok());
    // What the previous version wrote: its own SQL, on its own schema.
    const std::string id = "0190f2a4-5b1c-7d3e-8f12-3456789abcde";
    ASSERT_TRUE((*old)
                    ->transaction([&]() -> Result<void> {
                        return (*old)->exec(
                            "INSERT INTO member(id, member_no, first_name, last_name, created_at, updated_at) "
                            "VALUES(x'0190f2a45b1c7d3e8f123456789abcde', 1, 'Gaël', 'Le Gall', '2026-01-01', "
                            "'2026-01-01');"
                            "INSERT INTO gift(member_ref, gift_date, id, amount_cents, payment_method, created_at) "
                            "VALUES(1, '2026-01-02', x'0190f2a45b1c7d3e8f123456789abcdf', 4000, 'cash', '2026-01-02')");
                    })
                    .ok());
    std::vector<JournalRecord> records = take(**old);
    ASSERT_EQ(records.size(), 1u);

    auto device = Store::open_bytes_unmigrated(v2);
    ASSERT_TRUE(device.ok());
    Result<std::vector<std::string>> replayed = replay_journal(**device, records);
    ASSERT_TRUE(replayed.ok());
    EXPECT_EQ(*replayed, std::vector<std::string>{id});
    ASSERT_TRUE((*device)->migrate().ok());
    EXPECT_FALSE((*device)->needs_migration().value());
    EXPECT_EQ((*device)->schema_version().value(), current_schema_version());
    EXPECT_TRUE(search_members(**device, "le gall gael").value().empty()); // not indexed yet
    ASSERT_TRUE(reindex_members(**device, *replayed).ok());
    auto m = MemberRepository(**device).get(id);
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m->last_name, "Le Gall");
    EXPECT_EQ(m->memo_bequest, "");
    EXPECT_EQ(search_members(**device, "le gall gael").value().size(), 1u);
    // (SQLite would also apply these records after an ADD COLUMN migration;
    // the order matters for migrations that reshape a table.)
}
