#include "behaviour_fixture.h"

#include "core/campaigns/email_activity_repository.h"
#include "core/import_export/email_activity_import.h"
#include "core/members/consent_repository.h"
#include "core/store/statement.h"

using namespace obole;

namespace {

class EmailActivityTest : public test::DossierRowsTest {};

TEST_F(EmailActivityTest, import_matches_members_by_normalised_email_and_reports_counts)
{
    const std::string csv =
        "email;date;kind;mailing;link\r\n"
        "  HELENE.DUPONT@example.FR ;2026-03-01;sent;March news;\r\n"
        "helene.dupont@example.fr;2026-03-01 10:15;open;March news;\r\n"
        "helene.dupont@example.fr;2026-03-01T10:16:00Z;click;\"March; news\";https://x.example/a\r\n"
        "nobody@example.fr;2026-03-01;open;March news;\r\n"
        "helene.dupont@example.fr;yesterday;open;March news;\r\n"
        "helene.dupont@example.fr;2026-03-02;liked;March news;\r\n"
        "not an address;2026-03-02;open;March news;\r\n"
        "just one field\r\n";
    Result<EmailImportReport> r = import_email_activity_csv(*store, csv, "export.csv", "alice");
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->imported, 3);
    EXPECT_EQ(r->unmatched, 1);
    EXPECT_EQ(r->bad_lines, 4);
    EXPECT_EQ(r->members, 1);
    ASSERT_EQ(r->problems.size(), 4u);
    EXPECT_EQ(r->problems[0], "line 6: bad date \"yesterday\"");
    EXPECT_EQ(r->problems[1], "line 7: unknown kind \"liked\"");

    auto rows = EmailActivityRepository(*store).list_for_member(member_id).value();
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].kind, "click");
    EXPECT_EQ(rows[0].at, "2026-03-01T10:16:00");
    EXPECT_EQ(rows[0].mailing, "March; news");
    EXPECT_EQ(rows[0].link, "https://x.example/a");
    EXPECT_EQ(rows[1].at, "2026-03-01T10:15:00");
    EXPECT_EQ(last_action(), "email.import");
}

TEST_F(EmailActivityTest, importing_the_same_file_twice_adds_nothing)
{
    const std::string csv = "helene.dupont@example.fr,2026-03-01,sent,News,\n"
                            "helene.dupont@example.fr,2026-03-01,opened,News,\n";
    ASSERT_EQ(import_email_activity_csv(*store, csv, "a.csv", "alice")->imported, 2);
    Result<EmailImportReport> again = import_email_activity_csv(*store, csv, "a.csv", "alice");
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->imported, 0);
    EXPECT_EQ(again->already_there, 2);
    EXPECT_EQ(count("email_activity"), 2);
}

// The mailing tool's word holds here (GDPR): an unsubscribe withdraws the
// email consent, a bounce marks the address unusable; once, however often
// the file is imported.
TEST_F(EmailActivityTest, unsubscribes_withdraw_consent_and_bounces_mark_the_address_unusable)
{
    const std::string csv = "helene.dupont@example.fr;2026-03-01 10:15;bounce;March news;\n"
                            "helene.dupont@example.fr;2026-03-02 09:00;unsubscribe;March news;\n";
    for (int pass = 0; pass < 2; ++pass) {
        Result<EmailImportReport> r = import_email_activity_csv(*store, csv, "a.csv", "alice");
        ASSERT_TRUE(r.ok()) << r.error().message;
    }
    std::vector<Consent> answers = ConsentRepository(*store).list_for_member(member_id).value();
    ASSERT_EQ(answers.size(), 1u);
    EXPECT_EQ(answers[0].channel, ConsentChannel::email);
    EXPECT_FALSE(answers[0].granted);
    EXPECT_EQ(answers[0].source, "mailing_tool");
    Statement email(store->db(), "SELECT usable, bounces FROM email WHERE lower(address) = 'helene.dupont@example.fr'");
    ASSERT_EQ(email.step(), Statement::Step::row);
    EXPECT_EQ(email.column_int64(0), 0);
    EXPECT_EQ(email.column_int64(1), 1);
}

TEST_F(EmailActivityTest, an_unreadable_file_is_refused_whole)
{
    EXPECT_EQ(import_email_activity_csv(*store, "  \n\n", "a.csv", "alice").error().code, "email_import.empty");
    EXPECT_EQ(import_email_activity_csv(*store, "a@b.fr;2026-01-01;open;\xff\xfe;", "a.csv", "alice").error().code,
              "email_import.not_utf8");
    EXPECT_EQ(count("email_activity"), 0);
}

TEST_F(EmailActivityTest, summary_counts_mailings_not_events)
{
    std::vector<EmailActivity> rows = {
        {"", "", "2026-01-01T00:00:00", "sent", "A", ""},  {"", "", "2026-01-02T00:00:00", "open", "A", ""},
        {"", "", "2026-01-02T01:00:00", "open", "A", ""},  {"", "", "2026-01-02T02:00:00", "click", "A", "l"},
        {"", "", "2026-02-01T00:00:00", "sent", "B", ""},  {"", "", "2026-03-01T00:00:00", "sent", "C", ""},
        {"", "", "2026-03-05T00:00:00", "click", "D", ""}, {"", "", "2026-03-06T00:00:00", "bounce", "E", ""},
    };
    EmailSummary s = summarize_email_activity(rows);
    EXPECT_EQ(s.mailings, 4); // A, B, C, and D known only by its click
    EXPECT_EQ(s.opened, 2);   // A, D
    EXPECT_EQ(s.clicked, 2);
    EXPECT_DOUBLE_EQ(s.open_rate(), 0.5);
    EXPECT_EQ(s.bounces, 1);
    EXPECT_FALSE(s.unsubscribed);
    EXPECT_EQ(s.last_at, "2026-03-06T00:00:00");
    EXPECT_EQ(summarize_email_activity({}).open_rate(), 0);
}

} // namespace
