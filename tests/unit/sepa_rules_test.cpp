// The SEPA rules that hold without a database: the creditor identifier's
// check, TARGET2 business days and lead time, which period a mandate is due
// for and with which sequence type, and text as SEPA files may carry it.
#include <gtest/gtest.h>

#include "core/sepa/business_days.h"
#include "core/sepa/collection_plan.h"
#include "core/sepa/creditor_id.h"
#include "core/sepa/sepa_text.h"

using namespace obole;

TEST(CreditorId, AcceptsPublishedIdentifiersInAnyCaseAndSpacing)
{
    // The examples French and German banks publish.
    EXPECT_EQ(validate_creditor_id("FR72ZZZ123456").value(), "FR72ZZZ123456");
    EXPECT_EQ(validate_creditor_id(" de98 zzz 09999999999 ").value(), "DE98ZZZ09999999999");
    // The business code is not part of the check: any three characters do.
    EXPECT_TRUE(validate_creditor_id("FR72ABC123456").ok());
    EXPECT_EQ(creditor_id_check_digits("FR", "123456"), "72");
}

TEST(CreditorId, RefusesWhatABankWould)
{
    EXPECT_EQ(validate_creditor_id("").error().code, "ics.empty");
    EXPECT_EQ(validate_creditor_id("FR73ZZZ123456").error().code, "ics.bad_check_digits");
    EXPECT_EQ(validate_creditor_id("FR72ZZZ123465").error().code, "ics.bad_check_digits"); // two digits swapped
    EXPECT_EQ(validate_creditor_id("US72ZZZ123456").error().code, "ics.bad_country");
    EXPECT_EQ(validate_creditor_id("FRXXZZZ123456").error().code, "ics.bad_format");
    EXPECT_EQ(validate_creditor_id("FR72-ZZZ-123456").error().code, "ics.bad_format");
    EXPECT_EQ(validate_creditor_id("FR72ZZZ").error().code, "ics.bad_format");
    EXPECT_EQ(validate_creditor_id("FR72ZZZ123456").value().size(), 13u);
    EXPECT_EQ(validate_creditor_id("FR72ZZZ1").error().field, "ics");
}

TEST(BusinessDays, Target2IsClosedOnWeekendsAndItsSixHolidays)
{
    // 2026: Easter Sunday is 5 April.
    for (const char* closed : {"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-12-25", "2026-12-26",
                               "2026-12-05", "2026-12-06"})
        EXPECT_FALSE(is_target2_business_day(closed)) << closed;
    // National holidays are not TARGET2's: 14 July and Christmas Eve are open.
    for (const char* open : {"2026-04-02", "2026-04-07", "2026-07-14", "2026-12-24", "2026-12-07", "2027-03-25"})
        EXPECT_TRUE(is_target2_business_day(open)) << open;
    // 2027: Easter Sunday is 28 March.
    EXPECT_FALSE(is_target2_business_day("2027-03-26"));
    EXPECT_FALSE(is_target2_business_day("2027-03-29"));
}

TEST(BusinessDays, LeadTimeCountsBusinessDaysOnly)
{
    // Thursday 24 December 2026: the 25th and 26th are closed, the 27th is a Sunday.
    EXPECT_EQ(earliest_collection_date("2026-12-24", 1), "2026-12-28");
    EXPECT_EQ(earliest_collection_date("2026-12-24", 2), "2026-12-29");
    EXPECT_EQ(add_business_days("2026-04-02", 1), "2026-04-07");
    EXPECT_EQ(check_collection_date("29/12/2026", "2026-12-24", 2).value(), "2026-12-29");
    EXPECT_EQ(check_collection_date("2026-12-28", "2026-12-24", 2).error().code, "sepa.too_soon");
    EXPECT_EQ(check_collection_date("2026-12-26", "2026-12-01", 2).error().code, "sepa.not_business_day");
    EXPECT_EQ(check_collection_date("2026-02-30", "2026-01-01", 2).error().code, "date.invalid");
    EXPECT_EQ(check_collection_date("2026-12-24", "2026-12-24", 2).error().field, "collection_date");
}

namespace {

MandateForPlan monthly_from(const char* first)
{
    MandateForPlan m;
    m.first_date = first;
    m.iban = "FR1420041010050500013M02606";
    m.bic = "PSSTFRPPPAR";
    return m;
}

} // namespace

TEST(CollectionPlan, AMandateIsDueOncePerPeriodOfItsFrequency)
{
    MandateForPlan m = monthly_from("2026-03-12");
    EXPECT_EQ(due_period(m, "2026-03-05"), "");        // before its first collection date
    EXPECT_EQ(due_period(m, "2026-04-06"), "2026-04"); // every month after
    m.latest_period = "2026-04";
    EXPECT_EQ(due_period(m, "2026-04-20"), ""); // collected (or failed) this month already
    EXPECT_EQ(due_period(m, "2026-05-05"), "2026-05");

    MandateForPlan q = monthly_from("2026-01-10");
    q.frequency = Frequency::quarterly;
    EXPECT_EQ(due_period(q, "2026-02-05"), "");
    EXPECT_EQ(due_period(q, "2026-04-06"), "2026-04");
    q.frequency = Frequency::yearly;
    EXPECT_EQ(due_period(q, "2026-04-06"), "");
    EXPECT_EQ(due_period(q, "2027-01-05"), "2027-01");

    MandateForPlan ended = monthly_from("2026-01-10");
    ended.end_date = "2026-06-30";
    EXPECT_EQ(due_period(ended, "2026-07-06"), "");

    MandateForPlan once = monthly_from("2026-01-10");
    once.one_off = true;
    EXPECT_EQ(due_period(once, "2026-05-05"), "once");
    once.latest_period = "once";
    EXPECT_EQ(due_period(once, "2026-06-05"), "");
}

TEST(CollectionPlan, SequenceTypeFollowsTheMandatesHistory)
{
    MandateForPlan m = monthly_from("2026-01-10");
    EXPECT_EQ(sequence_type(m, "2026-02-05"), "FRST");
    m.reached_bank = 1;
    EXPECT_EQ(sequence_type(m, "2026-02-05"), "RCUR");
    m.end_date = "2026-03-01"; // the next collection would be after its end
    EXPECT_EQ(sequence_type(m, "2026-02-05"), "FNAL");
    m.end_date = "2026-12-31";
    EXPECT_EQ(sequence_type(m, "2026-02-05"), "RCUR");
    // A new account at the same bank: RCUR with the old IBAN in the amendment.
    m.amended_from_iban = "FR7630006000011234567890189";
    m.iban = "FR7630006000019876543210120";
    m.bic = "AGRIFRPP";
    m.amended_from_bic = "AGRIFRPP";
    EXPECT_FALSE(moved_to_another_bank(m));
    EXPECT_EQ(sequence_type(m, "2026-02-05"), "RCUR");
    // Another bank: FRST again, and SMNDA in the amendment.
    m.bic = "PSSTFRPPPAR";
    EXPECT_TRUE(moved_to_another_bank(m));
    EXPECT_EQ(sequence_type(m, "2026-02-05"), "FRST");
    m.one_off = true;
    EXPECT_EQ(sequence_type(m, "2026-02-05"), "OOFF");
}

TEST(SepaText, WritesNamesInTheSepaLatinSet)
{
    EXPECT_EQ(sepa_latin("Hélène Dupont-Lefèvre", 70), "Helene Dupont-Lefevre");
    EXPECT_EQ(sepa_latin("Иван Петров", 70), "Ivan Petrov");
    EXPECT_EQ(sepa_latin("Œuvre & Co <1>", 70), "OEuvre Co 1");
    EXPECT_EQ(sepa_latin("山田 太郎", 70), "");
    EXPECT_EQ(sepa_latin("Jean  Dupont", 6), "Jean D");
}
