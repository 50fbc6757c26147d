// Merging two records of one person: what moves, what is refused.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "core/members/consent_repository.h"
#include "core/members/member_merge.h"
#include "core/members/member_repository.h"
#include "core/money/gift_repository.h"
#include "core/search/member_search.h"
#include "core/store/statement.h"
#include "core/store/store.h"

using namespace obole;

namespace {

struct Pair {
    std::unique_ptr<Store> store = std::move(Store::open_memory().value());
    std::string loser, survivor;

    Pair()
    {
        NewMember m;
        m.first_name = "Zoé";
        m.last_name = "Doublon";
        m.email = "zoe.doublon@example.org";
        m.phone = "+33612345670";
        m.line1 = "3 rue des Lilas";
        m.postcode = "75020";
        m.city = "Paris";
        loser = MemberRepository(*store).create(m, "a").value();
        m.email = "ZOE.DOUBLON@example.org"; // the same address, typed otherwise
        m.phone = "+33698765432";
        survivor = MemberRepository(*store).create(m, "b").value();
        for (const std::string* who : {&loser, &survivor}) {
            NewGift g;
            g.member_id = *who;
            g.amount_text = who == &loser ? "10" : "20";
            g.date_text = "2026-11-23";
            EXPECT_TRUE(GiftRepository(*store).add(g, "a").ok());
        }
    }
};

TEST(MemberMerge, TheSurvivorGetsTheGiftsAndContactsOnce)
{
    Pair p;
    ASSERT_TRUE(merge_members(*p.store, p.loser, p.survivor, "office", true).ok());
    Result<Member> survivor = MemberRepository(*p.store).get(p.survivor);
    ASSERT_TRUE(survivor.ok());
    EXPECT_EQ(survivor->emails.size(), 1u) << "the same email is not listed twice";
    EXPECT_EQ(survivor->phones.size(), 2u);
    EXPECT_EQ(GiftRepository(*p.store).list_for_member(p.survivor).value().size(), 2u);
    EXPECT_EQ(MemberRepository(*p.store).get(p.loser)->merged_into_id, p.survivor);
    EXPECT_EQ(search_members(*p.store, "zoe doublon").value().size(), 1u);
}

TEST(MemberMerge, ADeviceThatSyncsOnlyRecordsThePointer)
{
    Pair p;
    ASSERT_TRUE(merge_members(*p.store, p.loser, p.survivor, "office", false).ok());
    EXPECT_EQ(MemberRepository(*p.store).get(p.loser)->merged_into_id, p.survivor);
    EXPECT_EQ(GiftRepository(*p.store).list_for_member(p.survivor).value().size(), 1u); // until the server confirms
}

TEST(MemberMerge, RefusesItselfACycleAndASecondMerge)
{
    Pair p;
    EXPECT_EQ(merge_members(*p.store, p.loser, p.loser, "o", true).error().code, "merge.same_member");
    ASSERT_TRUE(merge_members(*p.store, p.loser, p.survivor, "o", true).ok());
    EXPECT_EQ(merge_members(*p.store, p.loser, p.survivor, "o", true).error().code, "merge.already_merged");
    EXPECT_EQ(merge_members(*p.store, p.survivor, p.loser, "o", true).error().code, "merge.same_member");
    EXPECT_EQ(merge_members(*p.store, p.survivor, "0190f2a4-5b1c-7d3e-8f12-3456789abcde", "o", true).error().code,
              "member.not_found");
}

int64_t ref_of(Store& store, const std::string& id)
{
    Statement s(store.db(), "SELECT ref FROM member WHERE id = ?1");
    s.bind_uuid(1, id);
    return s.step() == Statement::Step::row ? s.column_int64(0) : 0;
}

int64_t count(Store& store, const std::string& sql, int64_t bound)
{
    Statement s(store.db(), sql.c_str());
    s.bind_int64(1, bound);
    EXPECT_EQ(s.step(), Statement::Step::row) << sql;
    return s.column_int64(0);
}

// Every column of the schema that names a member, read here on its own
// (not through core's list, which this test checks), but those a merge
// leaves where they are on purpose.
std::vector<std::pair<std::string, std::string>> member_columns(Store& store)
{
    static const std::set<std::string> kKeptTables = {"member", "member_segment", "search_doc", "duplicate_candidate",
                                                      "member_erasure"};
    std::vector<std::pair<std::string, std::string>> out;
    Statement s(store.db(), "SELECT t.name, k.\"from\" FROM sqlite_master t, pragma_foreign_key_list(t.name) k "
                            "WHERE t.type = 'table' AND k.\"table\" = 'member'");
    while (s.step() == Statement::Step::row)
        if (!kKeptTables.count(s.column_text(0)))
            out.emplace_back(s.column_text(0), s.column_text(1));
    return out;
}

// One row of `table` whose `column` names `member` (and any other member
// column names `other`), its required values filled by type: whatever
// tables come, each gets a row without this test knowing them.
void insert_row(Store& store, const std::string& table, const std::string& column, int64_t member, int64_t other,
                int64_t campaign)
{
    // A value each CHECK(column IN (...)) of the table's schema accepts: its first.
    std::map<std::string, std::string> chosen;
    Statement schema(store.db(), "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1");
    schema.bind_text(1, table);
    ASSERT_EQ(schema.step(), Statement::Step::row);
    const std::string sql_text = schema.column_text(0);
    static const std::regex kCheckIn(R"(CHECK\s*\(\s*(\w+)\s+IN\s*\(\s*('[^']*'|-?\d+))");
    for (std::sregex_iterator m(sql_text.begin(), sql_text.end(), kCheckIn), end; m != end; ++m)
        chosen.emplace((*m)[1], (*m)[2]);
    std::map<std::string, std::string> fks;
    Statement keys(store.db(), "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1)");
    keys.bind_text(1, table);
    while (keys.step() == Statement::Step::row)
        fks[keys.column_text(0)] = keys.column_text(1);
    std::string columns, values;
    Statement info(store.db(), "SELECT name, type, \"notnull\", dflt_value IS NOT NULL FROM pragma_table_info(?1)");
    info.bind_text(1, table);
    while (info.step() == Statement::Step::row) {
        const std::string name = info.column_text(0), type = info.column_text(1);
        std::string value;
        if (name == column)
            value = std::to_string(member);
        else if (fks.count(name))
            value = std::to_string(fks[name] == "member" ? other : campaign);
        else if (name == "id")
            value = "randomblob(16)";
        else if (info.column_int64(2) && !info.column_int64(3))
            value = chosen.count(name)  ? chosen.at(name)
                    : type == "INTEGER" ? "1"
                    : type == "BLOB"    ? "randomblob(16)"
                                        : "'2026-01-02'";
        else
            continue;
        columns += (columns.empty() ? "" : ", ") + name;
        values += (values.empty() ? "" : ", ") + value;
    }
    const std::string sql = "INSERT INTO " + table + "(" + columns + ") VALUES(" + values + ")";
    ASSERT_TRUE(store.exec(sql.c_str()).ok()) << sql;
}

} // namespace

// A table added tomorrow that names a member is moved without anyone
// listing it: this fills every such column the schema has for the loser,
// and fails if one still names the loser after the merge, or has not gone
// back after the unmerge.
TEST(MemberMerge, EveryColumnNamingAMemberFollowsTheMergeAndComesBack)
{
    Pair p;
    Store& store = *p.store;
    NewMember third_person;
    third_person.last_name = "Tiers";
    const std::string third = MemberRepository(store).create(third_person, "a").value();
    ASSERT_TRUE(store.exec("INSERT INTO campaign(id, code, name) VALUES(randomblob(16), 'C1', 'Appeal')").ok());
    const int64_t loser = ref_of(store, p.loser), survivor = ref_of(store, p.survivor);
    const int64_t other = ref_of(store, third), campaign = 1;
    const auto columns = member_columns(store);
    ASSERT_GE(columns.size(), 20u);
    std::map<std::string, int64_t> before; // rows naming the loser, per table.column
    for (const auto& [table, column] : columns) {
        insert_row(store, table, column, loser, other, campaign);
        const std::string key = table + "." + column;
        before[key] = count(store, "SELECT count(*) FROM " + table + " WHERE " + column + " = ?1", loser);
        EXPECT_GE(before[key], 1) << key;
    }

    ASSERT_TRUE(merge_members(store, p.loser, p.survivor, "office", true).ok());
    for (const auto& [table, column] : columns) {
        EXPECT_EQ(count(store, "SELECT count(*) FROM " + table + " WHERE " + column + " = ?1", loser), 0)
            << table << "." << column << " still names the merged-away member";
    }
    EXPECT_EQ(count(store, "SELECT count(*) FROM gift_now WHERE member_ref = ?1", survivor), 3) << "two gifts + one";

    ASSERT_TRUE(unmerge_members(store, p.loser, "office").ok());
    for (const auto& [table, column] : columns) {
        const std::string key = table + "." + column;
        EXPECT_EQ(count(store, "SELECT count(*) FROM " + table + " WHERE " + column + " = ?1", loser), before[key])
            << key << " did not come back";
    }
    EXPECT_EQ(count(store, "SELECT count(*) FROM gift_now WHERE member_ref = ?1", survivor), 1);
    EXPECT_EQ(count(store, "SELECT count(*) FROM merge_move WHERE loser_ref = ?1", loser), 0) << "record forgotten";
}

TEST(MemberMerge, AnUnmergeGivesBothMembersBackAsTheyWere)
{
    Pair p;
    Store& store = *p.store;
    MemberRepository members(store);
    ASSERT_TRUE(merge_members(store, p.loser, p.survivor, "office", true).ok());
    ASSERT_TRUE(unmerge_members(store, p.loser, "office").ok());
    Result<Member> loser = members.get(p.loser), survivor = members.get(p.survivor);
    EXPECT_TRUE(loser->merged_into_id.empty());
    EXPECT_EQ(loser->emails.size(), 1u) << "the email retired as a double is back";
    EXPECT_EQ(loser->phones.size(), 1u);
    EXPECT_FALSE(loser->address.line1.empty()) << "its main address is its main address again";
    EXPECT_EQ(survivor->emails.size(), 1u);
    EXPECT_EQ(survivor->phones.size(), 1u);
    EXPECT_EQ(GiftRepository(store).list_for_member(p.loser).value().size(), 1u);
    EXPECT_EQ(GiftRepository(store).list_for_member(p.survivor).value().size(), 1u);
    EXPECT_EQ(search_members(store, "zoe doublon").value().size(), 2u);
    EXPECT_EQ(unmerge_members(store, p.loser, "office").error().code, "merge.not_merged");
    // And it can be merged again.
    ASSERT_TRUE(merge_members(store, p.loser, p.survivor, "office", true).ok());
    EXPECT_EQ(GiftRepository(store).list_for_member(p.survivor).value().size(), 2u);
}

TEST(MemberMerge, TheLosersStopPromoAndMemosAreKeptAndGoBackOnUnmerge)
{
    Pair p;
    Store& store = *p.store;
    MemberRepository members(store);
    ASSERT_TRUE(members.set_markers(p.loser, "", true, TaxReceiptPref::annual, "a").ok());
    ASSERT_TRUE(members.set_notepad(p.loser, "Prefers calls after 6 pm", "a").ok());
    ASSERT_TRUE(members.set_notepad(p.survivor, "Met at the gala", "a").ok());
    ASSERT_TRUE(members.set_memo_active(p.loser, "Widow of a founder", "a").ok());

    ASSERT_TRUE(merge_members(store, p.loser, p.survivor, "office", true).ok());
    Result<Member> merged = members.get(p.survivor);
    EXPECT_TRUE(merged->stop_promo) << "an opt-out wins";
    EXPECT_EQ(merged->notepad.rfind("Met at the gala\n\n", 0), 0u) << merged->notepad;
    EXPECT_NE(merged->notepad.find("Zoé Doublon"), std::string::npos) << "the origin is named";
    EXPECT_NE(merged->notepad.find("Prefers calls after 6 pm"), std::string::npos);
    EXPECT_NE(merged->memo_active.find("Widow of a founder"), std::string::npos);

    // A person edits the merged memo: the unmerge leaves their words.
    ASSERT_TRUE(members.set_memo_active(p.survivor, "Board member", "a").ok());
    ASSERT_TRUE(unmerge_members(store, p.loser, "office").ok());
    Result<Member> survivor = members.get(p.survivor);
    EXPECT_FALSE(survivor->stop_promo);
    EXPECT_EQ(survivor->notepad, "Met at the gala");
    EXPECT_EQ(survivor->memo_active, "Board member");
    EXPECT_EQ(members.get(p.loser)->notepad, "Prefers calls after 6 pm");
}

TEST(MemberMerge, ARefusalEitherRecordHeldWinsUntilThePersonAnswersAgain)
{
    Pair p;
    Store& store = *p.store;
    ConsentRepository consents(store);
    auto answer = [&](const std::string& who, bool yes, const char* at) {
        NewConsent c;
        c.channel = ConsentChannel::email;
        c.granted = yes;
        c.wording = consent_wording(ConsentChannel::email);
        c.given_at = at;
        ASSERT_TRUE(consents.record(who, c, "a").ok());
    };
    auto email_choice = [&](const std::string& who) {
        for (const Consent& c : current_consents(consents.list_for_member(who).value()))
            if (c.channel == ConsentChannel::email)
                return c.granted;
        return true;
    };
    answer(p.loser, false, "2026-03-01T10:00:00.000Z");
    answer(p.survivor, true, "2026-06-01T10:00:00.000Z"); // newer, but before the merge
    store.set_clock(1798761600000);                       // 2027-01-01
    ASSERT_TRUE(merge_members(store, p.loser, p.survivor, "office", true).ok());
    EXPECT_FALSE(email_choice(p.survivor)) << "the most restrictive answer wins";

    answer(p.survivor, true, "2027-01-02T10:00:00.000Z");
    EXPECT_TRUE(email_choice(p.survivor)) << "an answer given since the merge is the person's";

    ASSERT_TRUE(unmerge_members(store, p.loser, "office").ok());
    EXPECT_FALSE(email_choice(p.loser));
    EXPECT_EQ(consents.list_for_member(p.loser).value().size(), 1u);
}

TEST(MemberMerge, ARowThatFollowedTheMergeLaterGoesBackToo)
{
    Pair p;
    Store& store = *p.store;
    ASSERT_TRUE(merge_members(store, p.loser, p.survivor, "office", true).ok());
    // What sync does for a gift a device entered for the loser, not knowing
    // of the merge: stored on the survivor, recorded as followed.
    NewGift g;
    g.member_id = p.survivor;
    g.amount_text = "7";
    g.date_text = "2026-11-24";
    ASSERT_TRUE(GiftRepository(store).add(g, "b").ok());
    std::string late;
    for (const Gift& gift : GiftRepository(store).list_for_member(p.survivor).value())
        if (gift.amount_cents == 700)
            late = gift.id;
    ASSERT_TRUE(
        note_followed_merge(store, "gift", late, "member_ref", ref_of(store, p.loser), ref_of(store, p.survivor)).ok());
    ASSERT_TRUE(unmerge_members(store, p.loser, "office").ok());
    EXPECT_EQ(GiftRepository(store).list_for_member(p.loser).value().size(), 2u);
    EXPECT_EQ(GiftRepository(store).list_for_member(p.survivor).value().size(), 1u);
}

// A row put back by one unmerge forgets where later merges had taken it:
// else the unmerge of one of those sends it to a member it no longer has
// anything to do with (the sync simulation's seed 60, in miniature).
TEST(MemberMerge, ARowPutBackForgetsWhereLaterMergesTookIt)
{
    Pair p;
    Store& store = *p.store;
    auto member = [&](const char* name) {
        NewMember m;
        m.last_name = name;
        return MemberRepository(store).create(m, "a").value();
    };
    const std::string middle = member("Milieu"), last = member("Dernier");
    auto cents_of = [&](const std::string& id) {
        int64_t sum = 0;
        for (const Gift& g : GiftRepository(store).list_for_member(id).value())
            sum += g.amount_cents;
        return sum;
    };
    // The loser's 10 euros go down a chain: loser -> middle -> survivor -> last.
    ASSERT_TRUE(merge_members(store, p.loser, middle, "office", true).ok());
    ASSERT_TRUE(merge_members(store, middle, p.survivor, "office", true).ok());
    ASSERT_TRUE(merge_members(store, p.survivor, last, "office", true).ok());
    EXPECT_EQ(cents_of(last), 3000);
    // The first merge undone, the loser is merged straight into the last.
    ASSERT_TRUE(unmerge_members(store, p.loser, "office").ok());
    EXPECT_EQ(cents_of(p.loser), 1000);
    ASSERT_TRUE(merge_members(store, p.loser, last, "office", true).ok());
    EXPECT_EQ(cents_of(last), 3000);
    // Undoing the middle's merge leaves the loser's gift where its own merge put it.
    ASSERT_TRUE(unmerge_members(store, middle, "office").ok());
    EXPECT_EQ(cents_of(middle), 0);
    EXPECT_EQ(cents_of(last), 3000);
}
