#include <gtest/gtest.h>

#include "core/store/journal.h"
#include "core/store/setting_repository.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"

using namespace obole;

namespace {

std::unique_ptr<Store> fresh()
{
    Result<std::unique_ptr<Store>> s = Store::open_memory();
    EXPECT_TRUE(s.ok());
    return std::move(s.value());
}

} // namespace

TEST(SettingRepository, ReadsTheFallbackUntilSetThenTheValue)
{
    std::unique_ptr<Store> s = fresh();
    SettingRepository settings(*s);
    EXPECT_EQ(settings.get("major_threshold_cents", "100000").value(), "100000");
    ASSERT_TRUE(settings.set("major_threshold_cents", "250000", "anne").ok());
    EXPECT_EQ(settings.get("major_threshold_cents", "100000").value(), "250000");
    ASSERT_TRUE(settings.set("major_threshold_cents", "50000", "anne").ok());
    EXPECT_EQ(settings.get("major_threshold_cents").value(), "50000");
    EXPECT_EQ(Journal(*s).count().value(), 2);
}

TEST(SettingRepository, TheRowIsNamedByItsKeyOnEveryDevice)
{
    std::unique_ptr<Store> a = fresh(), b = fresh();
    ASSERT_TRUE(SettingRepository(*a).set("org.name", "Les Amis", "x").ok());
    ASSERT_TRUE(SettingRepository(*b).set("org.name", "Les Amis du Parc", "y").ok());
    auto id_of = [](Store& s) {
        Statement q(s.db(), "SELECT id FROM setting WHERE key = 'org.name'");
        return q.step() == Statement::Step::row ? q.column_uuid(0) : std::string();
    };
    EXPECT_FALSE(id_of(*a).empty());
    EXPECT_EQ(id_of(*a), id_of(*b));
    EXPECT_NE(name_uuid("setting:org.name"), name_uuid("setting:org.address"));
    EXPECT_EQ(name_uuid("x").size(), 36u);
    EXPECT_EQ(name_uuid("x")[14], '8'); // version 8
}

TEST(SettingRepository, BadKeysAndLongValuesChangeNothing)
{
    std::unique_ptr<Store> s = fresh();
    SettingRepository settings(*s);
    EXPECT_EQ(settings.set("", "1", "x").error().code, "setting.bad_key");
    EXPECT_EQ(settings.set("Bad Key", "1", "x").error().code, "setting.bad_key");
    EXPECT_EQ(settings.set("ok", std::string(2001, 'a'), "x").error().code, "setting.too_long");
    Statement count(s->db(), "SELECT count(*) FROM setting");
    ASSERT_EQ(count.step(), Statement::Step::row);
    EXPECT_EQ(count.column_int64(0), 0);
    EXPECT_EQ(Journal(*s).count().value(), 0);
}
