#include "behaviour_fixture.h"

#include "core/events/mobilisation_repository.h"

using namespace obole;

namespace {

class MobilisationTest : public test::DossierRowsTest {
protected:
    void expect_rejected(NewMobilisation m, const char* code, const char* field)
    {
        const int64_t rows = count("mobilisation"), journal = Journal(*store).count().value();
        Result<std::string> r = MobilisationRepository(*store).add(m, "alice");
        ASSERT_FALSE(r.ok()) << code;
        EXPECT_EQ(r.error().code, code);
        EXPECT_EQ(r.error().field, field);
        EXPECT_EQ(count("mobilisation"), rows);
        EXPECT_EQ(Journal(*store).count().value(), journal);
    }
};

TEST_F(MobilisationTest, signature_is_listed_newest_first_and_journalled)
{
    MobilisationRepository repo(*store);
    ASSERT_TRUE(repo.add({member_id, "2024-03-01", "  Stop   the dams ", "web", ""}, "alice").ok());
    ASSERT_TRUE(repo.add({member_id, "05/06/2025", "Clean rivers", "paper", ""}, "alice").ok());
    auto rows = repo.list_for_member(member_id).value();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].petition, "Clean rivers");
    EXPECT_EQ(rows[0].signed_date, "2025-06-05");
    EXPECT_EQ(rows[1].petition, "Stop the dams");
    EXPECT_EQ(rows[1].channel, "web");
    EXPECT_EQ(last_action(), "mobilisation.add");
}

TEST_F(MobilisationTest, bad_input_saves_nothing)
{
    expect_rejected({member_id, "", "  ", "web", ""}, "mobilisation.petition_required", "petition");
    expect_rejected({member_id, "", std::string(201, 'x'), "web", ""}, "mobilisation.bad_petition", "petition");
    expect_rejected({member_id, "", "Two\nlines", "web", ""}, "mobilisation.bad_petition", "petition");
    expect_rejected({member_id, "2999-01-01", "Rivers", "web", ""}, "date.in_future", "date");
    expect_rejected({member_id, "31/02/2024", "Rivers", "web", ""}, "date.invalid", "date");
    expect_rejected({member_id, "", "Rivers", "fax", ""}, "mobilisation.bad_channel", "channel");
    expect_rejected({member_id, "", "Rivers", "web", "0190a000-0000-7000-8000-000000000000"}, "campaign.not_found",
                    "campaign");
    expect_rejected({"0190a000-0000-7000-8000-000000000000", "", "Rivers", "web", ""}, "member.not_found", "");
}

} // namespace

TEST_F(MobilisationTest, signature_at_a_stand_keeps_its_consent_wording_and_time)
{
    MobilisationRepository repo(*store);
    NewMobilisation m;
    m.member_id = member_id;
    m.petition = "Sauvons la forêt";
    m.channel = "event";
    m.consent_required = true;
    EXPECT_EQ(repo.add(m, "bob").error().code, "mobilisation.no_consent");
    EXPECT_EQ(count("mobilisation"), 0);
    m.consent_text = "J'accepte que mon nom soit transmis au préfet.";
    ASSERT_TRUE(repo.add(m, "bob").ok());
    std::vector<Mobilisation> rows = repo.list_for_member(member_id).value();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].consent_text, "J'accepte que mon nom soit transmis au préfet.");
    EXPECT_FALSE(rows[0].consent_at.empty());
    m.consent_text = std::string(1001, 'x');
    EXPECT_EQ(repo.add(m, "bob").error().code, "mobilisation.bad_consent");
    EXPECT_EQ(count("mobilisation"), 1);
}
