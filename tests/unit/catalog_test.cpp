#include <gtest/gtest.h>

#include "core/text/catalog.h"

using namespace obole;

TEST(Catalog, TranslatesAndFallsBackToEnglish)
{
    Result<Catalog> c =
        Catalog::parse(R"({"lang":"fr","strings":{"Search":"Rechercher","Save":"Enregistrer","Empty":""}})");
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->lang, "fr");
    EXPECT_STREQ(c->tr("Search"), "Rechercher");
    EXPECT_STREQ(c->tr("Save"), "Enregistrer");
    const char* missing = "Not translated";
    EXPECT_EQ(c->tr(missing), missing); // the very same pointer
    EXPECT_STREQ(c->tr("Empty"), "Empty");
}

TEST(Catalog, PointerStaysValidAfterMove)
{
    Result<Catalog> c = Catalog::parse(R"({"lang":"ru","strings":{"Search":"Поиск"}})");
    ASSERT_TRUE(c.ok());
    const char* p = c->tr("Search");
    Catalog moved = std::move(c.value());
    EXPECT_EQ(moved.tr("Search"), p);
    EXPECT_STREQ(p, "Поиск");
}

TEST(Catalog, MalformedJsonIsAnError)
{
    Result<Catalog> c = Catalog::parse(R"({"lang":"fr","strings":{"Search":"Rechercher",})");
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().code, "catalog.malformed");
    EXPECT_EQ(Catalog::parse("").error().code, "catalog.malformed");
    EXPECT_EQ(Catalog::parse("\xFF\xFE").error().code, "catalog.malformed");
}

TEST(Catalog, WrongShapeIsAnError)
{
    EXPECT_EQ(Catalog::parse("[]").error().code, "catalog.bad_shape");
    EXPECT_EQ(Catalog::parse(R"({"strings":{}})").error().code, "catalog.bad_shape");
    EXPECT_EQ(Catalog::parse(R"({"lang":"fr"})").error().code, "catalog.bad_shape");
    EXPECT_EQ(Catalog::parse(R"({"lang":"fr","strings":{"A":1}})").error().code, "catalog.bad_shape");
    EXPECT_EQ(Catalog::parse(R"({"lang":3,"strings":{}})").error().code, "catalog.bad_shape");
}
