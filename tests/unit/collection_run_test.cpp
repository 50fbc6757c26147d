// Collection runs through the repositories: what is due, submitted once,
// cancelled before it is sent, amendments carried once, and the pain.008
// file, which xmllint checks against the ISO 20022 schema (not our code).
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include <unistd.h>

#include <sqlite3.h>

#include "core/sepa/collection_plan.h"
#include "core/sepa/collection_run.h"
#include "core/sepa/pain008.h"
#include "core/store/migrations.h"
#include "sepa_fixture.h"

using namespace obole;
using obole::testing::SepaFixture;

namespace {

class CollectionRunTest : public SepaFixture {
protected:
    void SetUp() override
    {
        SepaFixture::SetUp();
        helene = member("Hélène", "Dupont");
        ivan = member("Иван", "Петров");
        taro = member("太郎", "山田");
        m_helene = mandate(helene, "Hélène Dupont", "15");
        m_ivan = mandate(ivan, "Иван Петров", "20,50");
        m_taro = mandate(taro, "山田 太郎", "30", "2026-09-01", Frequency::quarterly); // due in December
    }
    CollectionPlan plan(const char* date = "2026-12-07") { return plan_collections(*store, creditor, date).value(); }
    std::string helene, ivan, taro, m_helene, m_ivan, m_taro;
};

std::string run_xmllint(const std::string& xml, const char* schema)
{
    // A file of this process's own: ctest runs the tests of this file side by side.
    static int files = 0;
    const std::string path =
        ::testing::TempDir() + "obole_pain008_" + std::to_string(getpid()) + "_" + std::to_string(++files) + ".xml";
    std::ofstream(path) << xml;
    const std::string cmd =
        std::string("xmllint --noout --schema '") + OBOLE_ISO20022_DIR + "/" + schema + "' '" + path + "' 2>&1";
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p)
        return "xmllint could not start";
    char buf[512];
    while (fgets(buf, sizeof buf, p))
        out += buf;
    const int status = pclose(p);
    std::remove(path.c_str());
    return status == 0 ? "" : out.empty() ? "xmllint failed" : out;
}

} // namespace

TEST_F(CollectionRunTest, PlansEveryDueMandateWithItsSequenceTypeAndTotals)
{
    CollectionPlan p = plan();
    ASSERT_EQ(p.lines.size(), 3u);
    EXPECT_EQ(p.total.amount_cents, 1500 + 2050 + 3000);
    EXPECT_EQ(p.by_sequence["FRST"].count, 3);
    EXPECT_EQ(p.lines[0].member_id, helene); // by member number
    EXPECT_EQ(p.lines[0].period, "2026-12");
    // January: the quarterly mandate is not due.
    EXPECT_EQ(plan("2027-01-05").lines.size(), 2u);
    // A suspended mandate is not collected.
    ASSERT_TRUE(SepaMandateRepository(*store).set_status(m_ivan, "suspended", "alice").ok());
    EXPECT_EQ(plan().lines.size(), 2u);
    // Nor is a masked account (an erased person's, kept for the books).
    ASSERT_EQ(sqlite3_exec(store->db(), "UPDATE sepa_mandate SET iban = 'FR76*******************0189'", nullptr,
                           nullptr, nullptr),
              SQLITE_OK);
    EXPECT_TRUE(plan().lines.empty());
}

TEST_F(CollectionRunTest, ARunIsSubmittedOnceThenTheNextIsRecurrent)
{
    CollectionRunRepository runs(*store);
    const CollectionPlan first = plan();
    Result<std::string> run = runs.submit(first, creditor, "alice");
    ASSERT_TRUE(run.ok()) << run.error().message;
    EXPECT_EQ(count("SELECT count(*) FROM sepa_collection WHERE status = 'submitted'"), 3);
    EXPECT_EQ(count("SELECT count(*) FROM sepa_run WHERE status = 'submitted' AND count = 3 AND total_cents = 6550"),
              1);
    // Nothing left for this month, and the same plan cannot be submitted again.
    EXPECT_TRUE(plan("2026-12-21").lines.empty());
    Result<std::string> again = runs.submit(first, creditor, "alice");
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, "sepa.already_submitted");
    EXPECT_EQ(count("SELECT count(*) FROM sepa_collection"), 3);
    EXPECT_EQ(count("SELECT count(*) FROM sepa_run"), 1);
    // January: the monthly mandates again, now recurrent.
    CollectionPlan next = plan("2027-01-05");
    ASSERT_EQ(next.lines.size(), 2u);
    EXPECT_EQ(next.by_sequence["RCUR"].count, 2);
}

TEST_F(CollectionRunTest, ARunIsCancelledOnlyBeforeItIsSent)
{
    CollectionRunRepository runs(*store);
    const std::string run = runs.submit(plan(), creditor, "alice").value();
    ASSERT_TRUE(runs.cancel(run, "alice").ok());
    EXPECT_EQ(count("SELECT count(*) FROM sepa_collection WHERE status = 'cancelled'"), 3);
    EXPECT_EQ(runs.cancel(run, "alice").error().code, "sepa.run_cancelled");
    EXPECT_EQ(runs.mark_sent(run, "alice").error().code, "sepa.run_cancelled");
    // Its mandates are due again, still as first collections.
    CollectionPlan again = plan();
    ASSERT_EQ(again.lines.size(), 3u);
    EXPECT_EQ(again.by_sequence["FRST"].count, 3);
    const std::string second = runs.submit(again, creditor, "alice").value();
    ASSERT_TRUE(runs.mark_sent(second, "alice").ok());
    Result<void> late = runs.cancel(second, "alice");
    ASSERT_FALSE(late.ok());
    EXPECT_EQ(late.error().code, "sepa.run_sent");
    EXPECT_EQ(count("SELECT count(*) FROM sepa_collection WHERE status = 'submitted'"), 3);
}

TEST_F(CollectionRunTest, AnAmendmentTravelsWithTheNextCollectionOnly)
{
    CollectionRunRepository runs(*store);
    SepaMandateRepository mandates(*store);
    ASSERT_TRUE(runs.submit(plan(), creditor, "alice").ok());
    // Hélène moves to another bank, Ivan's reference changes.
    ASSERT_TRUE(mandates.amend(m_helene, {"FR7630006000011234567890189", "AGRIFRPP", "", ""}, "alice").ok());
    ASSERT_TRUE(mandates.amend(m_ivan, {"", "", "OBOLE-IVAN-2027", ""}, "alice").ok());
    EXPECT_EQ(mandates.amend(m_ivan, {"", "", "OBOLE-IVAN-2027", ""}, "alice").error().code, "mandate.nothing_changed");
    CollectionPlan jan = plan("2027-01-05");
    ASSERT_EQ(jan.lines.size(), 2u);
    EXPECT_EQ(jan.lines[0].amended_from_iban, "FR1420041010050500013M02606");
    EXPECT_EQ(jan.lines[0].sequence_type, "FRST"); // another bank: first again
    EXPECT_EQ(jan.lines[1].amended_from_rum.substr(0, 5), "OBOLE");
    EXPECT_EQ(jan.lines[1].sequence_type, "RCUR");
    const std::string run = runs.submit(jan, creditor, "alice").value();
    EXPECT_EQ(count("SELECT count(*) FROM sepa_mandate WHERE amended_from_iban <> '' OR amended_from_rum <> ''"), 0);
    // Cancelled before it was sent: the amendments wait for the next run.
    ASSERT_TRUE(runs.cancel(run, "alice").ok());
    EXPECT_EQ(count("SELECT count(*) FROM sepa_mandate WHERE amended_from_iban <> '' OR amended_from_rum <> ''"), 2);
    const std::string again = runs.submit(plan("2027-01-05"), creditor, "alice").value();
    const std::string xml = write_pain008(runs.file_of(again, creditor).value());
    EXPECT_NE(xml.find("<AmdmntInd>true</AmdmntInd>"), std::string::npos);
    EXPECT_NE(xml.find("<Id>SMNDA</Id>"), std::string::npos);
    EXPECT_NE(xml.find("<MndtId>OBOLE-IVAN-2027</MndtId>"), std::string::npos);
    // February: nothing to amend any more.
    CollectionPlan feb = plan("2027-02-05");
    ASSERT_EQ(feb.lines.size(), 2u);
    EXPECT_FALSE(feb.lines[0].amended());
    EXPECT_FALSE(feb.lines[1].amended());
}

TEST_F(CollectionRunTest, TheFileNamesEachCollectionAndPassesTheIso20022Schema)
{
    CollectionRunRepository runs(*store);
    ASSERT_TRUE(runs.submit(plan(), creditor, "alice").ok());
    ASSERT_TRUE(
        SepaMandateRepository(*store).amend(m_ivan, {"DE89370400440532013000", "COBADEFFXXX", "", ""}, "alice").ok());
    const std::string run = runs.submit(plan("2027-01-05"), creditor, "alice").value();
    const Pain008 file = runs.file_of(run, creditor).value();
    const std::string xml = write_pain008(file);
    // Each transaction's end-to-end id is its collection's id.
    Statement ids(store->db(), "SELECT id FROM sepa_collection WHERE run_id = (SELECT id FROM sepa_run WHERE "
                               "collection_date = '2027-01-05')");
    int seen = 0;
    while (ids.step() == Statement::Step::row) {
        const std::string e2e = end_to_end_id(ids.column_uuid(0));
        EXPECT_EQ(collection_id_of(e2e), ids.column_uuid(0));
        EXPECT_NE(xml.find("<EndToEndId>" + e2e + "</EndToEndId>"), std::string::npos);
        ++seen;
    }
    EXPECT_EQ(seen, 2);
    EXPECT_NE(xml.find("<Nm>Ivan Petrov</Nm>"), std::string::npos);
    EXPECT_NE(xml.find("<ReqdColltnDt>2027-01-05</ReqdColltnDt>"), std::string::npos);
    EXPECT_NE(xml.find("<SeqTp>FRST</SeqTp>"), std::string::npos); // Ivan, at another bank
    EXPECT_NE(xml.find("<SeqTp>RCUR</SeqTp>"), std::string::npos);
    EXPECT_NE(xml.find("<CtrlSum>35.50</CtrlSum>"), std::string::npos);
    // The same file whenever it is downloaded again.
    EXPECT_EQ(write_pain008(runs.file_of(run, creditor).value()), xml);
    EXPECT_EQ(run_xmllint(xml, "pain.008.001.02.xsd"), "");
    // December's, with the Japanese donor (no Latin name) and three FRST.
    const std::string december = runs.list().value().back().id;
    EXPECT_EQ(run_xmllint(write_pain008(runs.file_of(december, creditor).value()), "pain.008.001.02.xsd"), "");
}

TEST_F(CollectionRunTest, TheSchemaCheckIsRealItRefusesABrokenFile)
{
    CollectionRunRepository runs(*store);
    const std::string run = runs.submit(plan(), creditor, "alice").value();
    std::string xml = write_pain008(runs.file_of(run, creditor).value());
    const size_t at = xml.find("<SeqTp>FRST</SeqTp>");
    ASSERT_NE(at, std::string::npos);
    xml.replace(at, 19, "<SeqTp>NEXT</SeqTp>");
    EXPECT_NE(run_xmllint(xml, "pain.008.001.02.xsd"), "");
}

TEST_F(CollectionRunTest, CreditorSettingsAreCheckedBeforeAnythingIsSaved)
{
    CreditorSettingsText bad{"Les Amis", "FR73ZZZ123456", "FR7630006000011234567890189", "", "2", "5", "5"};
    Result<CreditorSettings> r = save_creditor_settings(*store, bad, "alice");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "ics.bad_check_digits");
    EXPECT_EQ(load_creditor_settings(*store).value().ics, "FR72ZZZ123456");
    bad.ics = "FR72ZZZ123456";
    bad.collection_days = "5, 31";
    EXPECT_EQ(save_creditor_settings(*store, bad, "alice").error().code, "sepa.bad_collection_days");
    bad.collection_days = "20 5";
    for (const char* failures : {"0", "13", "two", ""}) {
        bad.failures_before_call = failures;
        EXPECT_EQ(save_creditor_settings(*store, bad, "alice").error().code, "sepa.bad_failures") << failures;
    }
    EXPECT_EQ(load_creditor_settings(*store).value().failures_before_call, 2) << "nothing saved";
    bad.failures_before_call = " 3 ";
    ASSERT_TRUE(save_creditor_settings(*store, bad, "alice").ok());
    EXPECT_EQ(collection_days_text(load_creditor_settings(*store).value().collection_days), "5, 20");
    EXPECT_EQ(load_creditor_settings(*store).value().failures_before_call, 3);
    // The days offered from 1 December: 5th is a Saturday, so Monday the 7th.
    std::vector<std::string> next = next_collection_dates(load_creditor_settings(*store).value(), "2026-12-02", 3);
    EXPECT_EQ(next, (std::vector<std::string>{"2026-12-07", "2026-12-21", "2027-01-05"}));
}

// Schema 11 rebuilds sepa_collection for its new statuses: collections
// recorded before it keep what they said (through schema 10, the erasures,
// as a device in the field upgrades).
TEST(CollectionRunSchema, OlderCollectionsSurviveTheUpgrade)
{
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
    ASSERT_TRUE(apply_migrations(db, 9).ok());
    const char* rows =
        "INSERT INTO member(ref, id, member_no, last_name, created_at, updated_at) VALUES(1, "
        "x'0190a0b0c0d07e0f8a0b0c0d0e0f1011', 1, 'Dupont', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');"
        "INSERT INTO sepa_collection(id, mandate_id, member_ref, collection_date, amount_cents, status, reject_reason, "
        "created_at) VALUES(x'0190a0b0c0d07e0f8a0b0c0d0e0f1012', x'0190a0b0c0d07e0f8a0b0c0d0e0f1013', 1, "
        "'2025-01-05', 1500, 'rejected', 'AM04', '2025-01-06T10:00:00Z')";
    ASSERT_EQ(sqlite3_exec(db, rows, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    ASSERT_TRUE(apply_migrations(db, 10).ok());
    ASSERT_TRUE(apply_migrations(db, 11).ok());
    sqlite3_stmt* s = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db,
                                 "SELECT status || ' ' || reject_reason || ' ' || amount_cents || ' ' || period "
                                 "FROM sepa_collection",
                                 -1, &s, nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)), "rejected AM04 1500 ");
    sqlite3_finalize(s);
    sqlite3_close(db);
}
