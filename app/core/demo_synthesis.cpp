// The synthetic tabs' demo rows: marketing codes and scores, the bequest
// pipeline for a few members, relations (spouses sharing an address, parents
// and children, the parish as an employer), the origin of phones, and the
// campaigns the parish received.
#include "core/demo_history.h"

#include <string>
#include <vector>

#include "core/calendar/date.h"
#include "core/search/search_index.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"

namespace obole {

namespace {

const char* const kInternalCodes[] = {"FID", "MAJ", "REG", "NL", "EVT", "LEG", "PRL", "JEUN"};
const char* const kExternalCodes[] = {"GEO3", "GEO7", "CSP+", "AGE60", "PROP", "URB"};

std::string some_codes(DemoRng& rng, const char* const* codes, int count)
{
    std::string out;
    for (int n = rng.between(1, 3); n > 0; --n) {
        const char* c = codes[rng.below(count)];
        if (out.find(c) != std::string::npos)
            continue;
        out += out.empty() ? c : std::string(" ") + c;
    }
    return out;
}

struct DemoMember {
    int64_t ref = 0;
    std::string id, entry_date;
};

// A member of this run by name; ref 0 when absent (small demos have no showcase).
DemoMember find(Store& store, int64_t first_ref, const char* first_name, const char* last_name)
{
    Statement s(store.db(), "SELECT ref, id, entry_date FROM member WHERE ref >= ?1 AND first_name = ?2 "
                            "AND last_name = ?3 ORDER BY ref LIMIT 1");
    s.bind_int64(1, first_ref);
    s.bind_text(2, first_name);
    s.bind_text(3, last_name);
    if (s.step() != Statement::Step::row)
        return {};
    return {s.column_int64(0), s.column_uuid(1), s.column_text(2)};
}

class SynthesisWriter {
public:
    SynthesisWriter(const DemoHistory& h)
        : h_(h), rng_{h.seed ^ 0x5e17e515ull},
          profile_(h.store.db(), "UPDATE member SET internal_codes = ?1, internal_score = ?2, external_codes = ?3, "
                                 "external_score = ?4, bequest_promise_date = ?5, bequest_confirmed_date = ?6, "
                                 "memo_bequest = CASE WHEN ?5 = '' THEN memo_bequest ELSE ?7 END WHERE ref = ?8"),
          relation_(h.store.db(), "INSERT INTO relation(id, member_ref, other_ref, kind, since, note, created_at) "
                                  "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)")
    {
    }

    Result<void> run()
    {
        std::vector<DemoMember> members;
        Statement all(h_.store.db(), "SELECT ref, id, entry_date FROM member WHERE ref >= ?1 AND deleted = 0 "
                                     "ORDER BY ref");
        all.bind_int64(1, h_.first_member_ref);
        while (all.step() == Statement::Step::row)
            members.push_back({all.column_int64(0), all.column_uuid(1), all.column_text(2)});
        for (const DemoMember& m : members)
            if (Result<void> r = add_profile(m); !r)
                return r;
        if (Result<void> r = add_relations(members); !r)
            return r;
        if (Result<void> r = phone_origins(); !r)
            return r;
        return add_showcase();
    }

private:
    // Codes and scores for most; a bequest promise for about 1 in 200, half of them confirmed.
    Result<void> add_profile(const DemoMember& m, bool force_bequest = false)
    {
        std::string internal, external, promised, confirmed;
        int internal_score = 0, external_score = 0;
        if (rng_.chance(60)) {
            internal = some_codes(rng_, kInternalCodes, 8);
            internal_score = rng_.between(5, 95);
        }
        if (rng_.chance(35)) {
            external = some_codes(rng_, kExternalCodes, 6);
            external_score = rng_.between(10, 100);
        }
        long long entry = m.entry_date.empty() ? h_.today - 365 : days_from_iso(m.entry_date);
        if ((force_bequest || rng_.chance_permille(5)) && h_.today - entry > 60) {
            long long promise = entry + rng_.below(int(h_.today - entry - 30)) + 1;
            promised = iso_from_days(promise);
            if (force_bequest || rng_.chance(50))
                confirmed = iso_from_days(promise + rng_.between(1, int(h_.today - promise)));
        }
        return write_profile(m.ref, internal, internal_score, external, external_score, promised, confirmed,
                             "Testament chez Me Lefèvre, notaire.");
    }

    Result<void> write_profile(int64_t ref, const std::string& internal, int internal_score,
                               const std::string& external, int external_score, const std::string& promised,
                               const std::string& confirmed, const char* bequest_memo)
    {
        profile_.reset();
        profile_.bind_text(1, internal);
        profile_.bind_int64(2, internal_score);
        profile_.bind_text(3, external);
        profile_.bind_int64(4, external_score);
        profile_.bind_text(5, promised);
        profile_.bind_text(6, confirmed);
        profile_.bind_text(7, bequest_memo);
        profile_.bind_int64(8, ref);
        return profile_.run();
    }

    Result<void> relate(int64_t a, int64_t b, const char* kind, const std::string& since, const char* note)
    {
        relation_.reset();
        relation_.bind_uuid(1, demo_uuid(h_.today));
        relation_.bind_int64(2, a);
        relation_.bind_int64(3, b);
        relation_.bind_text(4, kind);
        relation_.bind_text(5, since);
        relation_.bind_text(6, note);
        relation_.bind_text(7, iso_from_days(h_.today) + "T12:00:00.000Z");
        return relation_.run();
    }

    // Spouses (about 3% of members, sharing the first one's address),
    // parents and children (1%): neighbours in the file, so no pair repeats.
    Result<void> add_relations(const std::vector<DemoMember>& members)
    {
        Statement share(h_.store.db(), "UPDATE address SET line1 = a.line1, line2 = a.line2, postcode = a.postcode, "
                                       "city = a.city, country = a.country FROM (SELECT * FROM address WHERE "
                                       "member_ref = ?1 AND deleted = 0 ORDER BY is_main DESC LIMIT 1) AS a "
                                       "WHERE address.member_ref = ?2 AND address.deleted = 0");
        std::vector<std::string> moved;
        // The showcase members (made last) get their own relations below.
        const DemoMember helene = find(h_.store, h_.first_member_ref, "Hélène", "Dupont");
        for (size_t i = 0; i + 1 < members.size(); ++i) {
            const DemoMember &a = members[i], &b = members[i + 1];
            if (helene.ref && b.ref >= helene.ref)
                break;
            if (rng_.chance(3)) {
                std::string since = a.entry_date < b.entry_date ? a.entry_date : b.entry_date;
                if (Result<void> r = relate(a.ref, b.ref, "spouse", since, ""); !r)
                    return r;
                share.reset();
                share.bind_int64(1, a.ref);
                share.bind_int64(2, b.ref);
                if (Result<void> r = share.run(); !r)
                    return r;
                moved.push_back(b.id);
                ++i;
            } else if (rng_.chance(1)) {
                if (Result<void> r = relate(a.ref, b.ref, "child", "", ""); !r)
                    return r;
                ++i;
            }
        }
        // The search index knows addresses: the moved spouses' postcode and city changed.
        return reindex_members(h_.store, moved);
    }

    // A phone remembers the campaign that brought the member, and when.
    Result<void> phone_origins()
    {
        Statement s(h_.store.db(), "UPDATE phone SET origin_campaign_ref = m.origin_campaign_ref, "
                                   "origin_date = m.entry_date FROM member m "
                                   "WHERE m.ref = phone.member_ref AND phone.member_ref >= ?1");
        s.bind_int64(1, h_.first_member_ref);
        return s.run();
    }

    // Hélène Dupont and the parish show every synthetic tab filled: codes
    // and scores, a bequest promised and confirmed, memos, relations (her
    // spouse at her address, the parish employing her), campaigns received.
    Result<void> add_showcase()
    {
        DemoMember helene = find(h_.store, h_.first_member_ref, "Hélène", "Dupont");
        DemoMember parish = find(h_.store, h_.first_member_ref, "", "Paroisse Saint-Roch");
        if (!helene.ref || !parish.ref)
            return {};
        const std::string promise = iso_from_days(h_.today - 400), confirmed = iso_from_days(h_.today - 200);
        if (Result<void> r = write_profile(helene.ref, "MAJ FID LEG", 87, "CSP+ GEO7", 72, promise, confirmed,
                                           "Legs en faveur des projets jeunesse ; notaire : Me Lefèvre, Paris 11e.");
            !r)
            return r;
        if (Result<void> r = write_profile(parish.ref, "REG FID", 95, "", 0, "", "", ""); !r)
            return r;
        Statement memos(h_.store.db(), "UPDATE member SET memo_misc = ?1, memo_portal = ?2 WHERE ref = ?3");
        memos.bind_text(1, "Ancienne enseignante ; bénévole au gala de printemps.");
        memos.bind_text(2, "Compte donateur ouvert ; reçus fiscaux téléchargés en ligne.");
        memos.bind_int64(3, helene.ref);
        if (Result<void> r = memos.run(); !r)
            return r;
        if (Result<void> r = relate(helene.ref, parish.ref, "employer", helene.entry_date, "Comptable bénévole");
            !r)
            return r;
        // Her spouse: the first generated man of the run, now at her address.
        Statement spouse(h_.store.db(), "SELECT ref, id FROM member WHERE ref >= ?1 AND civility = 'M.' "
                                        "AND ref NOT IN (SELECT member_ref FROM relation UNION "
                                        "SELECT other_ref FROM relation) ORDER BY ref LIMIT 1");
        spouse.bind_int64(1, h_.first_member_ref);
        if (spouse.step() == Statement::Step::row) {
            int64_t ref = spouse.column_int64(0);
            std::string id = spouse.column_uuid(1);
            if (Result<void> r = relate(helene.ref, ref, "spouse", iso_from_days(h_.today - 12000), ""); !r)
                return r;
            Statement share(h_.store.db(), "UPDATE address SET line1 = '12 rue Oberkampf', postcode = '75011', "
                                           "city = 'Paris', country = 'FR' WHERE member_ref = ?1");
            share.bind_int64(1, ref);
            if (Result<void> r = share.run(); !r)
                return r;
            if (Result<void> r = reindex_member(h_.store, id); !r)
                return r;
        }
        // The parish gets every appeal sent since it joined.
        Statement campaigns(h_.store.db(), "SELECT ref, start_date FROM campaign WHERE start_date <> '' "
                                           "AND start_date <= ?1 ORDER BY start_date");
        campaigns.bind_text(1, iso_from_days(h_.today));
        Statement insert(h_.store.db(), "INSERT INTO campaign_received(id, member_ref, campaign_ref, received_date) "
                                        "VALUES(?1, ?2, ?3, ?4)");
        while (campaigns.step() == Statement::Step::row) {
            insert.reset();
            insert.bind_uuid(1, demo_uuid(days_from_iso(campaigns.column_text(1))));
            insert.bind_int64(2, parish.ref);
            insert.bind_int64(3, campaigns.column_int64(0));
            insert.bind_text(4, campaigns.column_text(1));
            if (Result<void> r = insert.run(); !r)
                return r;
        }
        // She, her phone and her email came with the appeal current at her entry.
        for (const char* table : {"phone", "email", "member"}) {
            std::string sql = std::string("UPDATE ") + table +
                              " SET origin_campaign_ref = (SELECT ref FROM campaign WHERE start_date <> '' AND "
                              "start_date <= ?1 ORDER BY start_date DESC LIMIT 1), origin_date = ?1 " +
                              (std::string(table) == "member" ? "WHERE ref = ?2" : "WHERE member_ref = ?2");
            Statement origin(h_.store.db(), sql.c_str());
            origin.bind_text(1, helene.entry_date);
            origin.bind_int64(2, helene.ref);
            if (Result<void> r = origin.run(); !r)
                return r;
        }
        return {};
    }

    // Same seed, same ids.
    std::string demo_uuid(long long day) { return format_uuid_v7(uint64_t(day) * 86400000ull, 0, rng_.next()); }

    const DemoHistory& h_;
    DemoRng rng_;
    Statement profile_, relation_;
};

} // namespace

Result<void> add_demo_synthesis(const DemoHistory& h)
{
    return SynthesisWriter(h).run();
}

} // namespace obole
