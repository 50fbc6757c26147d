// The synthetic tabs' demo rows: the bequest pipeline for a few members,
// relations (spouses sharing an address, parents and children, the parish
// as an employer), and what makes Hélène Dupont and the parish show every
// synthetic tab filled. Codes and scores came with each member's profile
// (gen/demo_data.cpp).
#include <string>
#include <vector>

#include "core/calendar/date.h"
#include "core/campaigns/campaign_repository.h"
#include "core/members/member_repository.h"
#include "core/members/relation_repository.h"
#include "core/store/store.h"
#include "gen/demo_history.h"
#include "gen/demo_rng.h"

namespace obole {

namespace {

constexpr const char* kOffice = "demo";

class SynthesisWriter {
public:
    explicit SynthesisWriter(const DemoHistory& h) : h_(h), members_(h.store), rng_{h.seed ^ 0x5e7a1ull} {}

    Result<void> run()
    {
        const DemoMember* helene = nullptr;
        const DemoMember* parish = nullptr;
        std::vector<const DemoMember*> generated; // the members of random make, in order
        for (const DemoMember& m : h_.members) {
            if (!m.showcase)
                generated.push_back(&m);
            else if (m.email == "helene.dupont@example.fr")
                helene = &m;
            else if (m.email == "secretariat@saint-roch.example.fr")
                parish = &m;
        }
        for (const DemoMember* m : generated)
            if (Result<void> r = maybe_bequest(*m); !r)
                return r;
        if (Result<void> r = add_relations(generated); !r)
            return r;
        if (!helene || !parish)
            return {};
        return add_showcase(*helene, *parish, generated);
    }

private:
    // A bequest promised by about 1 member in 200, half of them confirmed since.
    Result<void> maybe_bequest(const DemoMember& m)
    {
        if (!rng_.chance_permille(5) || h_.today - m.entry_day <= 60)
            return {};
        const long long promise = m.entry_day + rng_.below(int(h_.today - m.entry_day - 30)) + 1;
        const bool confirmed = rng_.chance(50);
        const long long confirmation = promise + rng_.between(1, int(h_.today - promise));
        return bequest(m.id, promise, confirmed ? confirmation : 0, "Testament chez Me Lefèvre, notaire.");
    }

    Result<void> bequest(const std::string& id, long long promise, long long confirmation, const char* memo)
    {
        demo_clock(h_.store, promise);
        if (Result<void> r = members_.bequest_promise(id, iso_from_days(promise), kOffice); !r)
            return r;
        if (Result<void> r = members_.set_memo(id, MemoKind::bequest, memo, kOffice); !r)
            return r;
        if (!confirmation)
            return {};
        demo_clock(h_.store, confirmation);
        return members_.bequest_confirm(id, iso_from_days(confirmation), kOffice);
    }

    Result<void> relate(const std::string& a, const std::string& b, const char* kind, const std::string& since,
                        const char* note)
    {
        Result<std::string> r = RelationRepository(h_.store).add(a, b, kind, since, note, kOffice);
        if (!r)
            return r.error();
        return {};
    }

    // The second member moves to the first one's address.
    Result<void> share_address(const std::string& from, const std::string& to)
    {
        Result<Member> first = members_.get(from);
        if (!first)
            return first.error();
        return members_.set_address(to, first->address, kOffice);
    }

    // Spouses (about 3% of members, the second moving to the first one's
    // address), parents and children (1%): neighbours in the file, so no
    // pair repeats. Recorded the day the later of the two joined.
    Result<void> add_relations(const std::vector<const DemoMember*>& members)
    {
        for (size_t i = 0; i + 1 < members.size(); ++i) {
            const DemoMember &a = *members[i], &b = *members[i + 1];
            demo_clock(h_.store, std::max(a.entry_day, b.entry_day), 15 * 60);
            if (rng_.chance(3)) {
                const std::string since = iso_from_days(std::min(a.entry_day, b.entry_day));
                if (Result<void> r = relate(a.id, b.id, "spouse", since, ""); !r)
                    return r;
                if (Result<void> r = share_address(a.id, b.id); !r)
                    return r;
                ++i;
            } else if (rng_.chance(1)) {
                if (Result<void> r = relate(a.id, b.id, "child", "", ""); !r)
                    return r;
                ++i;
            }
        }
        return {};
    }

    // Hélène Dupont: codes and scores, a bequest promised and confirmed,
    // memos, her spouse at her address, the parish employing her. The
    // parish: codes and scores, and every appeal sent since it joined.
    Result<void> add_showcase(const DemoMember& helene, const DemoMember& parish,
                              const std::vector<const DemoMember*>& generated)
    {
        demo_clock(h_.store, h_.today - 450);
        if (Result<void> r = members_.set_profile(
                helene.id, {iso_from_days(helene.entry_day), "1961-04-12", "MAJ FID LEG", "CSP+ GEO7", 87, 72},
                kOffice);
            !r)
            return r;
        if (Result<void> r =
                members_.set_profile(parish.id, {iso_from_days(parish.entry_day), "", "REG FID", "", 95, 0}, kOffice);
            !r)
            return r;
        if (Result<void> r = members_.set_memo(helene.id, MemoKind::misc,
                                               "Ancienne enseignante ; bénévole au gala de printemps.", kOffice);
            !r)
            return r;
        if (Result<void> r = members_.set_memo(helene.id, MemoKind::portal,
                                               "Compte donateur ouvert ; reçus fiscaux téléchargés en ligne.", kOffice);
            !r)
            return r;
        if (Result<void> r = bequest(helene.id, h_.today - 400, h_.today - 200,
                                     "Legs en faveur des projets jeunesse ; notaire : Me Lefèvre, Paris 11e.");
            !r)
            return r;
        demo_clock(h_.store, h_.today - 100);
        if (Result<void> r =
                relate(helene.id, parish.id, "employer", iso_from_days(helene.entry_day), "Comptable bénévole");
            !r)
            return r;
        // Her spouse: the first generated man of the run with no relation
        // yet, who moves to her address.
        for (const DemoMember* m : generated) {
            if (m->civility != "M.")
                continue;
            Result<std::vector<Relation>> relations = RelationRepository(h_.store).list_for_member(m->id);
            if (!relations)
                return relations.error();
            if (!relations->empty())
                continue;
            if (Result<void> r = relate(helene.id, m->id, "spouse", iso_from_days(h_.today - 12000), ""); !r)
                return r;
            if (Result<void> r = share_address(helene.id, m->id); !r)
                return r;
            break;
        }
        for (const Campaign& c : h_.campaigns) {
            const long long day = days_from_iso(c.start_date);
            if (day < parish.entry_day || day > h_.today)
                continue;
            demo_clock(h_.store, day);
            if (Result<void> r = CampaignRepository(h_.store).add_received(parish.id, c.id, c.start_date); !r)
                return r;
        }
        return {};
    }

    const DemoHistory& h_;
    MemberRepository members_;
    DemoRng rng_;
};

} // namespace

Result<void> add_demo_synthesis(const DemoHistory& h)
{
    return SynthesisWriter(h).run();
}

} // namespace obole
