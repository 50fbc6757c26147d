#include <gtest/gtest.h>

#include "core/members/consent_repository.h"
#include "core/members/member_repository.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"

using namespace obole;

namespace {

class ConsentRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store = std::move(Store::open_memory().value());
        NewMember m;
        m.first_name = "Hélène";
        m.last_name = "Dupont";
        member_id = MemberRepository(*store).create(m, "alice").value();
    }
    int64_t rows()
    {
        Statement s(store->db(), "SELECT count(*) FROM consent");
        return s.step() == Statement::Step::row ? s.column_int64(0) : -1;
    }
    NewConsent answer(ConsentChannel c, bool granted, const std::string& at)
    {
        NewConsent n;
        n.channel = c;
        n.granted = granted;
        n.wording = consent_wording(c);
        n.given_at = at;
        n.source = "field";
        return n;
    }
    std::unique_ptr<Store> store;
    std::string member_id;
};

} // namespace

TEST_F(ConsentRepositoryTest, EachAnswerIsKeptWithItsWordingTimeAndJournal)
{
    ConsentRepository repo(*store);
    NewConsent n = answer(ConsentChannel::email, true, "2026-12-01T10:00:00.000Z");
    n.wording = "J'accepte de recevoir des nouvelles par e-mail.";
    ASSERT_TRUE(repo.record(member_id, n, "fundraiser1").ok());
    std::vector<Consent> all = repo.list_for_member(member_id).value();
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].channel, ConsentChannel::email);
    EXPECT_TRUE(all[0].granted);
    EXPECT_EQ(all[0].wording, "J'accepte de recevoir des nouvelles par e-mail.");
    EXPECT_EQ(all[0].given_at, "2026-12-01T10:00:00.000Z");
    EXPECT_EQ(all[0].source, "field");
    EXPECT_EQ(all[0].operator_name, "fundraiser1");
    std::vector<JournalEntry> journal = Journal(*store).list_for_member(member_id).value();
    ASSERT_FALSE(journal.empty());
    EXPECT_EQ(journal[0].action, "consent.record");
    EXPECT_EQ(journal[0].detail, "email yes");
}

TEST_F(ConsentRepositoryTest, TheNewestAnswerPerChannelIsCurrentAndOlderOnesStay)
{
    ConsentRepository repo(*store);
    ASSERT_TRUE(repo.record(member_id, answer(ConsentChannel::sms, true, "2026-01-01T09:00:00.000Z"), "a").ok());
    ASSERT_TRUE(repo.record(member_id, answer(ConsentChannel::sms, false, "2026-06-01T09:00:00.000Z"), "a").ok());
    ASSERT_TRUE(repo.record(member_id, answer(ConsentChannel::post, true, "2026-03-01T09:00:00.000Z"), "a").ok());
    std::vector<Consent> current = current_consents(repo.list_for_member(member_id).value());
    ASSERT_EQ(current.size(), 2u);
    EXPECT_EQ(current[0].channel, ConsentChannel::post); // channel order: post, email, phone, sms
    EXPECT_TRUE(current[0].granted);
    EXPECT_EQ(current[1].channel, ConsentChannel::sms);
    EXPECT_FALSE(current[1].granted);
    EXPECT_EQ(repo.list_for_member(member_id).value().size(), 3u);
}

TEST_F(ConsentRepositoryTest, NoWordingABadTimeOrNoMemberWritesNothing)
{
    ConsentRepository repo(*store);
    const int64_t journal = Journal(*store).count().value();
    NewConsent blank = answer(ConsentChannel::phone, true, "");
    blank.wording = "   ";
    Result<std::string> r = repo.record(member_id, blank, "a");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "consent.no_wording");
    EXPECT_EQ(r.error().field, "consent_phone");
    r = repo.record(member_id, answer(ConsentChannel::phone, true, "yesterday"), "a");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "consent.bad_time");
    r = repo.record("0190f0f0-0000-7000-8000-000000000000", answer(ConsentChannel::phone, true, ""), "a");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "member.not_found");
    EXPECT_EQ(rows(), 0);
    EXPECT_EQ(Journal(*store).count().value(), journal);
}

TEST_F(ConsentRepositoryTest, ChannelsHaveNamesAndWordings)
{
    for (ConsentChannel c : kConsentChannels) {
        ConsentChannel back = ConsentChannel::post;
        EXPECT_TRUE(parse_consent_channel(to_string(c), &back));
        EXPECT_EQ(back, c);
        EXPECT_GT(std::string(consent_wording(c)).size(), 20u);
    }
    ConsentChannel out;
    EXPECT_FALSE(parse_consent_channel("fax", &out));
}
