// Backups: what is exported reads back as the same data; anything else is
// refused with a reason and left as it was.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include "core/import_export/backup.h"
#include "core/members/member_repository.h"
#include "core/search/member_search.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "gen/demo_data.h"

using namespace obole;

namespace {

std::unique_ptr<Store> demo_store(int members)
{
    auto s = Store::open_memory();
    EXPECT_TRUE(s.ok());
    DemoOptions demo;
    demo.members = members;
    demo.today = "2026-06-01";
    EXPECT_TRUE(generate_demo(**s, demo).ok());
    return std::move(*s);
}

// An image opened with a plain SQLite connection, changed by `sql`, written back.
std::vector<uint8_t> edited_image(const std::vector<uint8_t>& image, const std::string& sql)
{
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
    auto* copy = static_cast<unsigned char*>(sqlite3_malloc64(image.size()));
    std::copy(image.begin(), image.end(), copy);
    EXPECT_EQ(sqlite3_deserialize(db, "main", copy, sqlite3_int64(image.size()), sqlite3_int64(image.size()),
                                  SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE),
              SQLITE_OK);
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
    sqlite3_free(error);
    sqlite3_int64 size = 0;
    unsigned char* data = sqlite3_serialize(db, "main", &size, 0);
    std::vector<uint8_t> out(data, data + size);
    sqlite3_free(data);
    sqlite3_close(db);
    return out;
}

} // namespace

TEST(Backup, ExportReadsBackAsTheSameData)
{
    auto store = demo_store(120);
    Result<Backup> b = read_backup(store->serialize());
    ASSERT_TRUE(b.ok()) << b.error().message;
    EXPECT_EQ(b->members, 120);
    EXPECT_GT(b->gifts, 0);
    auto copy = Store::open_bytes(b->image);
    ASSERT_TRUE(copy.ok());
    EXPECT_EQ(MemberRepository(**copy).count().value(), 120);
    EXPECT_EQ(search_members(**copy, "helene dupont").value().size(),
              search_members(*store, "helene dupont").value().size());
}

// A device restored from a backup must enrol again: kept, its old identity
// would reuse sequence numbers the server already holds.
TEST(Backup, ARestoredCopyForgetsItsEnrolment)
{
    auto store = demo_store(10);
    ASSERT_TRUE(store
                    ->exec("INSERT INTO meta(key, value) VALUES('sync_token', 'secret'), "
                           "('sync_device_id', '0190f2a4-5b1c-7d3e-8f12-3456789abcde'), ('pull_cursor', '42')")
                    .ok());
    Result<Backup> b = read_backup(store->serialize());
    ASSERT_TRUE(b.ok());
    auto copy = Store::open_bytes(b->image);
    ASSERT_TRUE(copy.ok());
    Statement meta((*copy)->db(), "SELECT group_concat(key, ',') FROM (SELECT key FROM meta WHERE key LIKE 'sync%' "
                                  "OR key = 'pull_cursor' ORDER BY key)");
    ASSERT_EQ(meta.step(), Statement::Step::row);
    EXPECT_EQ(meta.column_text(0), "pull_cursor"); // where to pull from still holds
}

TEST(Backup, EmptyFileIsRefused)
{
    Result<Backup> b = read_backup({});
    ASSERT_FALSE(b.ok());
    EXPECT_EQ(b.error().code, "backup.empty");
}

TEST(Backup, NotADatabaseIsRefusedUntouched)
{
    std::vector<uint8_t> text(5000, 'x');
    const std::vector<uint8_t> before = text;
    Result<Backup> b = read_backup(text);
    ASSERT_FALSE(b.ok());
    EXPECT_EQ(b.error().code, "db.corrupt");
    EXPECT_EQ(text, before);
}

TEST(Backup, AnotherApplicationsDatabaseIsRefused)
{
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
    sqlite3_exec(db, "CREATE TABLE notes(t TEXT); INSERT INTO notes VALUES('x');", nullptr, nullptr, nullptr);
    sqlite3_int64 size = 0;
    unsigned char* data = sqlite3_serialize(db, "main", &size, 0);
    std::vector<uint8_t> bytes(data, data + size);
    sqlite3_free(data);
    sqlite3_close(db);
    Result<Backup> b = read_backup(bytes);
    ASSERT_FALSE(b.ok());
    EXPECT_EQ(b.error().code, "db.not_obole");
}

TEST(Backup, NewerSchemaIsRefused)
{
    auto store = demo_store(5);
    ASSERT_TRUE(store->exec("PRAGMA user_version = 999").ok());
    Result<Backup> b = read_backup(store->serialize());
    ASSERT_FALSE(b.ok());
    EXPECT_EQ(b.error().code, "db.newer_version");
}

// The email table's two indexes swap their pages: every page reads, the
// header and schema are Obole's, but each index lists the other's entries,
// so finding a member by address would fail. SQLite's integrity check sees
// it (its quick check does not).
TEST(Backup, DamagedFileIsRefusedUntouched)
{
    auto store = demo_store(30);
    const std::vector<uint8_t> damaged =
        edited_image(store->serialize(), "CREATE TEMP TABLE roots AS SELECT name, rootpage FROM sqlite_master "
                                         "WHERE name IN ('email_member', 'email_address'); "
                                         "PRAGMA writable_schema = ON; "
                                         "UPDATE sqlite_master SET rootpage = (SELECT r.rootpage FROM temp.roots r "
                                         "WHERE r.name <> sqlite_master.name) "
                                         "WHERE name IN ('email_member', 'email_address');");
    const std::vector<uint8_t> before = damaged;
    Result<Backup> b = read_backup(damaged);
    ASSERT_FALSE(b.ok());
    EXPECT_EQ(b.error().code, "db.damaged");
    EXPECT_EQ(damaged, before);
}

// A file cut short (a download that stopped) has its header and first
// pages, not the rest.
TEST(Backup, FileCutShortIsRefused)
{
    auto store = demo_store(30);
    std::vector<uint8_t> image = store->serialize();
    image.resize(image.size() / 2);
    Result<Backup> b = read_backup(image);
    ASSERT_FALSE(b.ok());
    EXPECT_TRUE(b.error().code == "db.damaged" || b.error().code == "db.corrupt") << b.error().code;
}

// A crafted file may not have SQL rewrite its schema behind SQLite's back
// (SQLITE_DBCONFIG_DEFENSIVE); the device's own copies are opened as before.
TEST(Backup, AFileFromOutsideCannotHaveItsSchemaRewritten)
{
    auto store = demo_store(3);
    const char* rewrite = "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = sql WHERE name = 'member';";
    auto outside = Store::open_untrusted_bytes(store->serialize());
    ASSERT_TRUE(outside.ok()) << outside.error().message;
    EXPECT_FALSE((*outside)->exec(rewrite).ok());
    auto ours = Store::open_bytes(store->serialize());
    ASSERT_TRUE(ours.ok());
    EXPECT_TRUE((*ours)->exec(rewrite).ok());
}

TEST(Backup, FileNameCarriesTheDate)
{
    EXPECT_EQ(backup_file_name("2026-11-23"), "obole-backup-2026-11-23.sqlite");
}
