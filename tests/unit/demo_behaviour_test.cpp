// The demo's behavioural and documentary rows: the showcase members have some
// of everything, the rest some of it, all dated no later than the demo's today.
#include <gtest/gtest.h>

#include "core/campaigns/email_activity_repository.h"
#include "core/events/event_repository.h"
#include "core/events/mobilisation_repository.h"
#include "core/members/document_repository.h"
#include "core/money/sponsorship_repository.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "gen/demo_data.h"

using namespace obole;

namespace {

std::string member_named(Store& s, const char* first, const char* last)
{
    Statement who(s.db(), "SELECT id FROM member WHERE first_name = ?1 AND last_name = ?2 ORDER BY ref DESC");
    who.bind_text(1, first);
    who.bind_text(2, last);
    return who.step() == Statement::Step::row ? who.column_uuid(0) : "";
}

int64_t scalar(Store& s, const char* sql)
{
    Statement q(s.db(), sql);
    return q.step() == Statement::Step::row ? q.column_int64(0) : -1;
}

TEST(DemoBehaviour, ShowcaseMembersHaveEveryTabFilled)
{
    std::unique_ptr<Store> s = std::move(Store::open_memory().value());
    DemoOptions options;
    options.members = 300;
    options.seed = 11;
    options.today = "2026-01-15";
    ASSERT_TRUE(generate_demo(*s, options).ok());
    for (const auto& [first, last] : {std::pair{"Hélène", "Dupont"}, std::pair{"", "Paroisse Saint-Roch"}}) {
        const std::string id = member_named(*s, first, last);
        ASSERT_FALSE(id.empty()) << last;
        EXPECT_EQ(MobilisationRepository(*s).list_for_member(id).value().size(), 3u) << last;
        EXPECT_GT(summarize_email_activity(EmailActivityRepository(*s).list_for_member(id).value()).mailings, 0)
            << last;
        EXPECT_EQ(SponsorshipRepository(*s).list_for_member(id).value().size(), 2u) << last;
        EXPECT_EQ(SponsorshipRepository(*s).count_active(id).value(), 1) << last;
        EXPECT_EQ(EventRepository(*s).list_for_member(id).value().size(), 3u) << last;
        std::vector<Document> docs = DocumentRepository(*s).list_for_member(id).value();
        ASSERT_EQ(docs.size(), 3u) << last;
        for (const Document& d : docs) {
            EXPECT_LT(d.size_bytes, 1000) << d.name; // small: the demo stays cheap to sync
            EXPECT_EQ(DocumentRepository(*s).content(d.id).value().size(), size_t(d.size_bytes));
        }
    }
    // Others get some, and nothing is dated after the demo's today.
    EXPECT_GT(scalar(*s, "SELECT count(DISTINCT member_ref) FROM mobilisation"), 20);
    EXPECT_GT(scalar(*s, "SELECT count(DISTINCT member_ref) FROM email_activity"), 20);
    EXPECT_EQ(scalar(*s, "SELECT count(*) FROM mobilisation WHERE signed_date > '2026-01-15'"), 0);
    EXPECT_EQ(scalar(*s, "SELECT count(*) FROM email_activity WHERE at > '2026-01-16'"), 0);
    EXPECT_EQ(scalar(*s, "SELECT count(*) FROM sponsorship WHERE start_date > '2026-01-15' OR end_date > '2026-01-15'"),
              0);
    EXPECT_EQ(scalar(*s, "SELECT count(*) FROM document WHERE doc_date > '2026-01-15'"), 0);
}

} // namespace
