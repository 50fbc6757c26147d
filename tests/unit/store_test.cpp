#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <iterator>

#include <sqlite3.h>

#include "core/calendar/date.h"
#include "core/members/member_repository.h"
#include "core/money/gift_repository.h"
#include "core/store/migrations.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"

using namespace obole;

namespace {

std::string temp_path(const char* name)
{
    std::string path = ::testing::TempDir() + "obole_store_" + name + ".db";
    std::remove(path.c_str());
    return path;
}

std::vector<uint8_t> read_bytes(const std::string& path)
{
    std::ifstream f(path, std::ios::binary);
    return std::vector<uint8_t>(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

void write_bytes(const std::string& path, const std::vector<uint8_t>& bytes)
{
    std::ofstream f(path, std::ios::binary);
    f.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

int64_t pragma(Store& store, const char* sql)
{
    Statement s(store.db(), sql);
    return s.step() == Statement::Step::row ? s.column_int64(0) : -1;
}

// Runs SQL on a file with plain SQLite, outside Obole.
void raw_exec(const std::string& path, const char* sql)
{
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
}

NewMember sample_member()
{
    NewMember m;
    m.first_name = "Hélène";
    m.last_name = "Dupont";
    m.email = "helene.dupont@example.org";
    m.phone = "06 12 34 56 78";
    m.postcode = "75011";
    m.city = "Paris";
    return m;
}

} // namespace

TEST(Store, CreatesFileMigratesAndReopens)
{
    std::string path = temp_path("create");
    std::string device, member_id;
    {
        Result<std::unique_ptr<Store>> store = Store::open_file(path);
        ASSERT_TRUE(store.ok()) << store.error().message;
        EXPECT_EQ((*store)->schema_version().value(), current_schema_version());
        EXPECT_EQ(pragma(**store, "PRAGMA application_id"), kObolApplicationId);
        device = (*store)->device_id();
        EXPECT_TRUE(is_uuid_v7(device)) << device;
        Result<std::string> id = MemberRepository(**store).create(sample_member(), "alice");
        ASSERT_TRUE(id.ok()) << id.error().message;
        member_id = *id;
    }
    EXPECT_GT(read_bytes(path).size(), 0u);
    Result<std::unique_ptr<Store>> again = Store::open_file(path);
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ((*again)->device_id(), device);
    MemberRepository members(**again);
    EXPECT_EQ(members.count().value(), 1);
    Result<Member> m = members.get(member_id);
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m->first_name, "Hélène");
}

TEST(Store, MigrationsCreateTheSchema)
{
    Result<std::unique_ptr<Store>> store = Store::open_memory();
    ASSERT_TRUE(store.ok());
    EXPECT_EQ(pragma(**store, "PRAGMA user_version"), current_schema_version());
    EXPECT_EQ(current_schema_version(), 14);
    for (const char* table : {"member",         "address",
                              "phone",          "email",
                              "campaign",       "campaign_received",
                              "gift",           "journal",
                              "meta",           "search_doc",
                              "search_token",   "search_fts",
                              "field_clock",    "outbox",
                              "text_conflict",  "duplicate_candidate",
                              "gift_batch",     "gift_batch_line",
                              "consent",        "field_signup",
                              "sync_refusal",   "gift_correction",
                              "gift_now",       "tax_receipt_cancellation",
                              "member_erasure", "sepa_run",
                              "merge_move"}) {
        Statement s((*store)->db(), "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1");
        s.bind_text(1, table);
        ASSERT_EQ(s.step(), Statement::Step::row);
        EXPECT_EQ(s.column_int64(0), 1) << table;
    }
    // Every reference to a member is indexed, or leads the primary key
    // (campaigns are never deleted, so references to them need no index: see
    // migrations.cpp).
    for (const char* index : {"address_member", "phone_member", "email_member", "journal_member"}) {
        Statement s((*store)->db(), "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = ?1");
        s.bind_text(1, index);
        ASSERT_EQ(s.step(), Statement::Step::row);
        EXPECT_EQ(s.column_int64(0), 1) << index;
    }
    for (const char* table : {"campaign_received", "gift"}) {
        Statement s((*store)->db(), "SELECT name FROM pragma_table_info(?1) WHERE pk = 1");
        s.bind_text(1, table);
        ASSERT_EQ(s.step(), Statement::Step::row);
        EXPECT_EQ(s.column_text(0), "member_ref") << table;
    }
}

TEST(Store, CorruptFileIsReportedAndLeftByteIdentical)
{
    std::string path = temp_path("corrupt");
    std::vector<uint8_t> garbage(8192);
    for (size_t i = 0; i < garbage.size(); ++i)
        garbage[i] = uint8_t((i * 131 + 7) % 251);
    write_bytes(path, garbage);
    Result<std::unique_ptr<Store>> store = Store::open_file(path);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().code, "db.corrupt");
    EXPECT_EQ(store.error().message, "This file is not a readable Obole database; it was left untouched.");
    EXPECT_EQ(read_bytes(path), garbage);
}

TEST(Store, TruncatedDatabaseIsReportedAndLeftByteIdentical)
{
    std::vector<uint8_t> image;
    {
        Result<std::unique_ptr<Store>> store = Store::open_memory();
        ASSERT_TRUE(store.ok());
        image = (*store)->serialize();
    }
    ASSERT_GT(image.size(), 4096u);
    image.resize(2048); // header intact, pages missing
    std::string path = temp_path("truncated");
    write_bytes(path, image);
    Result<std::unique_ptr<Store>> store = Store::open_file(path);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().code, "db.corrupt");
    EXPECT_EQ(read_bytes(path), image);
}

TEST(Store, NewerSchemaIsReportedAndLeftByteIdentical)
{
    std::string path = temp_path("newer");
    {
        Result<std::unique_ptr<Store>> store = Store::open_file(path);
        ASSERT_TRUE(store.ok());
    }
    raw_exec(path, "PRAGMA user_version = 99");
    std::vector<uint8_t> before = read_bytes(path);
    Result<std::unique_ptr<Store>> store = Store::open_file(path);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().code, "db.newer_version");
    EXPECT_NE(store.error().message.find("newer version of Obole"), std::string::npos) << store.error().message;
    EXPECT_EQ(read_bytes(path), before);
    // The same checks apply to an image.
    Result<std::unique_ptr<Store>> image = Store::open_bytes(before);
    ASSERT_FALSE(image.ok());
    EXPECT_EQ(image.error().code, "db.newer_version");
}

TEST(Store, OtherApplicationsDatabaseIsRefusedUntouched)
{
    std::string path = temp_path("other");
    raw_exec(path, "CREATE TABLE t(x); INSERT INTO t VALUES(1);");
    std::vector<uint8_t> before = read_bytes(path);
    Result<std::unique_ptr<Store>> store = Store::open_file(path);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().code, "db.not_obole");
    EXPECT_EQ(read_bytes(path), before);
}

TEST(Store, SerializeOpenBytesRoundTrip)
{
    Result<std::unique_ptr<Store>> store = Store::open_memory();
    ASSERT_TRUE(store.ok());
    Result<std::string> id = MemberRepository(**store).create(sample_member(), "alice");
    ASSERT_TRUE(id.ok());
    std::vector<uint8_t> bytes = (*store)->serialize();
    ASSERT_FALSE(bytes.empty());

    Result<std::unique_ptr<Store>> copy = Store::open_bytes(bytes);
    ASSERT_TRUE(copy.ok()) << copy.error().message;
    EXPECT_EQ((*copy)->device_id(), (*store)->device_id());
    MemberRepository members(**copy);
    EXPECT_EQ(members.count().value(), 1);
    ASSERT_TRUE(members.get(*id).ok());
    // The copy is writable and independent of the original.
    ASSERT_TRUE(members.create(sample_member(), "bob").ok());
    EXPECT_EQ(members.count().value(), 2);
    EXPECT_EQ(MemberRepository(**store).count().value(), 1);
}

TEST(Store, OpenBytesChecksAndEmptyImage)
{
    std::vector<uint8_t> garbage(4096, 0x5A);
    Result<std::unique_ptr<Store>> bad = Store::open_bytes(garbage);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, "db.corrupt");

    Result<std::unique_ptr<Store>> fresh = Store::open_bytes({});
    ASSERT_TRUE(fresh.ok()) << fresh.error().message;
    EXPECT_EQ((*fresh)->schema_version().value(), current_schema_version());
}

TEST(Store, TransactionCommitsOrRollsBackAndCountsChanges)
{
    Result<std::unique_ptr<Store>> opened = Store::open_memory();
    ASSERT_TRUE(opened.ok());
    Store& store = **opened;
    uint64_t before = store.change_count();

    Result<void> failed = store.transaction([&]() -> Result<void> {
        if (Result<void> r = store.exec("INSERT INTO meta(key, value) VALUES('k', 'v')"); !r)
            return r;
        return fail("test.failure", "Failing on purpose.");
    });
    EXPECT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().code, "test.failure");
    EXPECT_EQ(pragma(store, "SELECT count(*) FROM meta WHERE key = 'k'"), 0);
    EXPECT_EQ(store.change_count(), before);

    Result<void> done =
        store.transaction([&]() { return store.exec("INSERT INTO meta(key, value) VALUES('k', 'v')"); });
    EXPECT_TRUE(done.ok());
    EXPECT_EQ(pragma(store, "SELECT count(*) FROM meta WHERE key = 'k'"), 1);
    EXPECT_EQ(store.change_count(), before + 1);

    // A failing nested step undoes only itself.
    Result<void> outer = store.transaction([&]() -> Result<void> {
        EXPECT_TRUE(store.exec("INSERT INTO meta(key, value) VALUES('a', '1')").ok());
        Result<void> inner = store.transaction([&]() -> Result<void> {
            EXPECT_TRUE(store.exec("INSERT INTO meta(key, value) VALUES('b', '2')").ok());
            return fail("test.inner", "Inner failure.");
        });
        EXPECT_FALSE(inner.ok());
        return {};
    });
    EXPECT_TRUE(outer.ok());
    EXPECT_EQ(pragma(store, "SELECT count(*) FROM meta WHERE key = 'a'"), 1);
    EXPECT_EQ(pragma(store, "SELECT count(*) FROM meta WHERE key = 'b'"), 0);
}

// A stopped clock dates what the repositories write and bounds what "not in
// the future" allows; 0 gives the device's clock back.
TEST(Store, StoppedClockDatesWritesAndBoundsTheFuture)
{
    Result<std::unique_ptr<Store>> opened = Store::open_memory();
    ASSERT_TRUE(opened.ok());
    Store& store = **opened;
    store.set_clock(days_from_iso("2021-03-04") * kMsPerDay + 9 * 3'600'000);
    EXPECT_EQ(store.now_iso(), "2021-03-04T09:00:00.000Z");
    EXPECT_EQ(store.today(), "2021-03-04");
    EXPECT_EQ(store.latest_today(), "2021-03-04");

    NewMember fields;
    fields.last_name = "Dupont";
    Result<std::string> id = MemberRepository(store).create(fields, "alice");
    ASSERT_TRUE(id.ok());
    Result<Member> member = MemberRepository(store).get(*id);
    ASSERT_TRUE(member.ok());
    EXPECT_EQ(member->entry_date, "2021-03-04");
    EXPECT_EQ(member->created_at, "2021-03-04T09:00:00.000Z");
    NewGift gift{*id, "10", "2021-03-05"};
    EXPECT_EQ(GiftRepository(store).add(gift, "alice").error().code, "date.in_future");
    gift.date_text = "";
    ASSERT_TRUE(GiftRepository(store).add(gift, "alice").ok());
    EXPECT_EQ(GiftRepository(store).list_for_member(*id).value().at(0).gift_date, "2021-03-04");

    store.set_clock(0);
    EXPECT_EQ(store.today(), today_local_iso());
    EXPECT_GE(store.now_iso(), "2026-01-01");
}

// A migration that fails part-way is undone: the data stays at the version it
// had, and the reason is a sentence the UI can show.
TEST(Store, FailedMigrationLeavesTheDataAtItsVersion)
{
    auto store = Store::open_memory();
    ASSERT_TRUE(store.ok());
    // Says schema 1 but already has a column schema 2 adds: the upgrade fails.
    ASSERT_TRUE((*store)->exec("ALTER TABLE member DROP COLUMN memo_portal; PRAGMA user_version = 1").ok());
    std::vector<uint8_t> v1 = (*store)->serialize();
    auto old = Store::open_bytes_unmigrated(v1);
    ASSERT_TRUE(old.ok());
    ASSERT_TRUE((*old)->needs_migration().value());
    Result<void> r = (*old)->migrate();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "db.migration_failed");
    EXPECT_EQ((*old)->schema_version().value(), 1);
    EXPECT_EQ((*old)->serialize(), v1);
    EXPECT_FALSE(Store::open_bytes(v1).ok());
}

// A read that fails half-way (here SQLite's integer overflow at the third
// row) is an error, never the first two rows passed off as all of them.
TEST(Statement, AReadThatFailsHalfWayIsAnErrorNotAShortList)
{
    std::unique_ptr<Store> store = Store::open_memory().value();
    Statement s(store->db(), "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 5) "
                             "SELECT CASE WHEN x = 3 THEN abs(-9223372036854775807 - 1) ELSE x END FROM n");
    Result<std::vector<int64_t>> rows = s.rows([](Statement& row) { return row.column_int64(0); });
    ASSERT_FALSE(rows.ok());
    EXPECT_EQ(rows.error().code, "db.error");
    EXPECT_NE(rows.error().message.find("integer overflow"), std::string::npos) << rows.error().message;

    // The same, stepped by hand: finished() says what ended the loop.
    s.reset();
    int seen = 0;
    while (s.step() == Statement::Step::row)
        ++seen;
    EXPECT_EQ(seen, 2);
    EXPECT_FALSE(s.finished().ok());

    // A statement that could not be prepared fails its read too, and keeps
    // its own error when another statement has run since.
    Statement broken(store->db(), "SELECT x FROM nowhere");
    Statement fine(store->db(), "SELECT 1");
    ASSERT_EQ(fine.step(), Statement::Step::row);
    Result<std::vector<int64_t>> none = broken.rows([](Statement& row) { return row.column_int64(0); });
    ASSERT_FALSE(none.ok());
    EXPECT_NE(none.error().message.find("nowhere"), std::string::npos) << none.error().message;
}

// A list whose table cannot be read says so: the dossier shows an error, not
// "no gifts" that a volunteer would then enter again.
TEST(Statement, AListThatCannotBeReadIsAnError)
{
    std::unique_ptr<Store> store = Store::open_memory().value();
    NewMember m;
    m.first_name = "Hélène";
    m.last_name = "Martin";
    const std::string id = MemberRepository(*store).create(m, "alice").value();
    ASSERT_TRUE(GiftRepository(*store).list_for_member(id).ok());
    ASSERT_TRUE(store->exec("DROP TABLE gift_now").ok());
    Result<std::vector<Gift>> gifts = GiftRepository(*store).list_for_member(id);
    ASSERT_FALSE(gifts.ok());
    EXPECT_EQ(gifts.error().code, "db.error");
}

// Reading the value of a failed Result stops the program, in a release
// build too, and says which error it held.
TEST(ResultDeathTest, TheValueOfAFailedResultAborts)
{
    Result<int> failed = fail("test.failed", "It failed.");
    EXPECT_DEATH((void)failed.value(), "the value of a failed result was read: test.failed");
    EXPECT_DEATH((void)*Result<std::string>(fail("test.other", "Other.")), "test.other");
}

// A nested step whose undo fails must not let the outer transaction commit
// its writes: they would be saved although the step reported failure.
TEST(Store, ANestedStepThatCannotBeUndoneFailsTheTransaction)
{
    std::unique_ptr<Store> store = Store::open_memory().value();
    ASSERT_TRUE(store->exec("CREATE TABLE t(x)").ok());
    Result<void> outer = store->transaction([&]() -> Result<void> {
        Result<void> inner = store->transaction([&]() -> Result<void> {
            EXPECT_TRUE(store->exec("INSERT INTO t VALUES(1)").ok());
            // Releasing the savepoint here makes the undo fail: "no such savepoint".
            EXPECT_TRUE(store->exec("RELEASE nested").ok());
            return fail("test.inner", "Inner failure.");
        });
        EXPECT_FALSE(inner.ok());
        return {};
    });
    ASSERT_FALSE(outer.ok());
    EXPECT_EQ(outer.error().code, "db.error");
    Statement count(store->db(), "SELECT count(*) FROM t");
    ASSERT_EQ(count.step(), Statement::Step::row);
    EXPECT_EQ(count.column_int64(0), 0);
}
