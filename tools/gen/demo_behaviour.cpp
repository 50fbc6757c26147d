// The demo's behavioural and documentary rows: petitions signed, what people
// did with the newsletters (imported as the mailing tool's export, as the
// office imports it), child sponsorships, events with their registrations and
// check-ins, and a few small text documents. Hélène Dupont and the
// long-history parish get some of everything, so each tab has rows to show.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/calendar/date.h"
#include "core/events/event_repository.h"
#include "core/events/mobilisation_repository.h"
#include "core/import_export/email_activity_import.h"
#include "core/members/document_repository.h"
#include "core/members/member_repository.h"
#include "core/money/sponsorship_repository.h"
#include "core/store/store.h"
#include "core/text/person_name.h"
#include "gen/demo_history.h"
#include "gen/demo_rng.h"

namespace obole {

namespace {

constexpr const char* kOffice = "demo";

const char* const kPetitions[] = {
    "Pour l'accès à l'eau potable dans les écoles",
    "Non à la fermeture du dispensaire de Kaolack",
    "Protégeons les forêts du bassin du Congo",
    "Un repas chaud pour chaque enfant scolarisé",
    "Stop aux expulsions en hiver",
    "Pour un budget de l'aide au développement à 0,7 %",
};
const char* const kChannels[] = {"web", "web", "paper", "event", "street"};
const char* const kChildren[][3] = {
    {"Awa Diop", "SN", "SN-"},    {"Moussa Traoré", "ML", "ML-"}, {"Fatou Ndiaye", "SN", "SN-"},
    {"Kofi Mensah", "GH", "GH-"}, {"Aline Uwase", "RW", "RW-"},   {"Jean-Baptiste Kaboré", "BF", "BF-"},
    {"Mariam Koné", "CI", "CI-"}, {"Tiana Rakoto", "MG", "MG-"},
};
const char* const kEvents[][3] = {
    // name, days before today (negative: ahead), place
    {"Gala de printemps", "400", "Paris, Salons Hoche"},
    {"Marche solidaire", "260", "Lyon, Parc de la Tête d'Or"},
    {"Concert de Noël", "340", "Paris, Église Saint-Roch"},
    {"Conférence : l'eau au Sahel", "120", "Bordeaux, Athénée municipal"},
    {"Journée portes ouvertes", "45", "Paris, siège de l'association"},
    {"Gala d'automne", "-30", "Paris, Salons Hoche"},
};
constexpr int kMailings = 12; // one newsletter a month for the last year
// The mailing tool's export is imported in files of about this size.
constexpr size_t kExportBytes = 16 << 20;

struct Demo {
    const DemoHistory& h;
    DemoRng rng;
    std::vector<std::string> event_ids;
    std::vector<long long> event_days;
    std::string csv; // the mailing tool's export not imported yet
    int exports = 0;

    explicit Demo(const DemoHistory& history) : h(history), rng{history.seed ^ 0xbe4a7ull} {}

    Result<void> add_events()
    {
        demo_clock(h.store, h.today - 500);
        for (const auto& e : kEvents) {
            const long long day = h.today - std::atoll(e[1]);
            Result<std::string> id = EventRepository(h.store).create(e[0], iso_from_days(day), e[2], kOffice);
            if (!id)
                return id.error();
            event_ids.push_back(*id);
            event_days.push_back(day);
        }
        return {};
    }

    Result<void> add_petitions(const std::string& member_id, long long since, int count)
    {
        for (int i = 0; i < count; ++i) {
            const long long day = rng.between(int(since), int(h.today));
            NewMobilisation m;
            m.member_id = member_id;
            m.date_text = iso_from_days(day);
            m.petition = rng.pick(kPetitions);
            m.channel = rng.pick(kChannels);
            demo_clock(h.store, day);
            if (Result<std::string> r = MobilisationRepository(h.store).add(m, kOffice); !r)
                return r.error();
        }
        return {};
    }

    // The member's lines of the export: each newsletter sent, some opened, a few clicked.
    void add_email(const std::string& email, long long since, int opens_permille)
    {
        for (int k = 0; k < kMailings; ++k) {
            const long long day = h.today - 30LL * k - 3;
            if (day < since)
                break;
            const std::string date = iso_from_days(day);
            const std::string mailing = "Lettre d'information " + date.substr(0, 7);
            auto line = [&](const char* kind, int minutes, const char* link) {
                char at[32];
                std::snprintf(at, sizeof at, "T%02d:%02d:00", 8 + minutes / 60, minutes % 60);
                csv += email + ";" + date + at + ";" + kind + ";" + mailing + ";" + link + "\n";
            };
            line("sent", 0, "");
            if (!rng.chance_permille(opens_permille))
                continue;
            const int opened = rng.between(5, 600);
            line("open", opened, "");
            if (rng.chance(30))
                line("click", opened + 1, "https://obole.example.org/agir");
        }
    }

    // Imports what the export holds so far, the day after the last newsletter.
    Result<void> import_export()
    {
        if (csv.empty())
            return {};
        demo_clock(h.store, h.today - 2, 8 * 60);
        const std::string name = "export-emails-" + std::to_string(++exports) + ".csv";
        Result<EmailImportReport> r =
            import_email_activity_csv(h.store, "email;date;kind;mailing;link\n" + csv, name, kOffice);
        if (!r)
            return r.error();
        csv.clear();
        return {};
    }

    Result<void> add_sponsorships(const std::string& member_id, long long since, int count, bool one_ended)
    {
        for (int i = 0; i < count; ++i) {
            const auto& child = rng.pick(kChildren);
            // A member who joined in the last 60 days starts today - 60 at the latest
            // (between(lo, lo - 1) divided by zero: obole-gen died at 1M members).
            const long long latest = h.today - 60;
            const long long start = rng.between(int(std::min(std::max(since, h.today - 3650), latest)), int(latest));
            NewSponsorship s;
            s.member_id = member_id;
            s.child_name = child[0];
            s.child_code = child[2] + std::to_string(rng.between(1000, 9999));
            s.country = child[1];
            s.start_text = iso_from_days(start);
            s.monthly_text = std::to_string(rng.between(2, 6) * 5);
            demo_clock(h.store, start);
            Result<std::string> id = SponsorshipRepository(h.store).add(s, kOffice);
            if (!id)
                return id.error();
            if (!(one_ended && i == 0))
                continue;
            const long long end = rng.between(int(start + 30), int(h.today));
            demo_clock(h.store, end);
            if (Result<void> r = SponsorshipRepository(h.store).end(*id, iso_from_days(end), kOffice); !r)
                return r;
        }
        return {};
    }

    // Registered some weeks before each event; present at most past ones.
    Result<void> add_registrations(const std::string& member_id, int count)
    {
        const int first = rng.below(int(event_ids.size()));
        for (int i = 0; i < count && i < int(event_ids.size()); ++i) {
            const size_t e = size_t((first + i) % int(event_ids.size()));
            const long long registered = std::min(event_days[e] - rng.between(3, 40), h.today);
            const bool past = event_days[e] < h.today;
            const int guests = rng.chance(30) ? rng.between(1, 3) : 0;
            demo_clock(h.store, registered);
            Result<std::string> id = EventRepository(h.store).register_member(member_id, event_ids[e], guests, kOffice);
            if (!id)
                return id.error();
            if (!past || !rng.chance(75))
                continue;
            demo_clock(h.store, event_days[e], 19 * 60 + rng.below(60));
            if (Result<void> r = EventRepository(h.store).mark_attended(*id, kOffice); !r)
                return r;
        }
        return {};
    }

    Result<void> add_document(const std::string& member_id, long long day, const std::string& name,
                              const char* direction, const std::string& text)
    {
        NewDocument d;
        d.member_id = member_id;
        d.name = name;
        d.mime_type = "text/plain";
        d.date_text = iso_from_days(day);
        d.direction = direction;
        d.content.assign(text.begin(), text.end());
        demo_clock(h.store, day);
        Result<std::string> r = DocumentRepository(h.store).add(d, kOffice);
        if (!r)
            return r.error();
        return {};
    }

    Result<void> add_documents(const DemoMember& m, long long since)
    {
        const long long day = rng.between(int(std::max(since, h.today - 2000)), int(h.today));
        if (Result<void> r = add_document(m.id, day, "Accusé de réception.txt", "sent",
                                          "Madame, Monsieur,\n\nNous avons bien reçu votre don et vous en "
                                          "remercions chaleureusement. Votre reçu fiscal vous parviendra en "
                                          "début d'année.\n\nAvec notre gratitude,\nLe service donateurs\n");
            !r)
            return r;
        if (!m.showcase)
            return {};
        Result<Member> member = MemberRepository(h.store).get(m.id);
        if (!member)
            return member.error();
        const std::string who = person_display_name(member->first_name, member->last_name);
        const long long later = rng.between(int(day), int(h.today));
        if (Result<void> r = add_document(m.id, later, "Courrier de " + who + ".txt", "received",
                                          "Bonjour,\n\nJe souhaite recevoir désormais mes reçus par email "
                                          "plutôt que par courrier. Merci de noter aussi ma nouvelle adresse "
                                          "électronique.\n\nCordialement,\n" +
                                              who + "\n");
            !r)
            return r;
        return add_document(m.id, h.today - 10, "Compte rendu d'appel.txt", "received",
                            "Appel du " + iso_from_days(h.today - 10) +
                                " : souhaite être invité(e) au prochain gala ; intéressé(e) par un parrainage.\n");
    }

    Result<void> run()
    {
        if (Result<void> r = add_events(); !r)
            return r;
        for (const DemoMember& m : h.members) {
            const long long since = std::clamp(m.entry_day, h.today - 15000, h.today);
            if (m.showcase || rng.chance(15))
                if (Result<void> r = add_petitions(m.id, since, m.showcase ? 3 : rng.between(1, 3)); !r)
                    return r;
            if (!m.email.empty() && (m.showcase || rng.chance(20))) {
                add_email(m.email, since, m.showcase ? 700 : rng.between(100, 800));
                if (csv.size() >= kExportBytes)
                    if (Result<void> r = import_export(); !r)
                        return r;
            }
            if (m.showcase || rng.chance(3))
                if (Result<void> r = add_sponsorships(m.id, since, m.showcase ? 2 : 1, m.showcase || rng.chance(30));
                    !r)
                    return r;
            if (m.showcase || rng.chance(8))
                if (Result<void> r = add_registrations(m.id, m.showcase ? 3 : rng.between(1, 2)); !r)
                    return r;
            if (m.showcase || rng.chance(2))
                if (Result<void> r = add_documents(m, since); !r)
                    return r;
        }
        return import_export();
    }
};

} // namespace

Result<void> add_demo_behaviour(const DemoHistory& h)
{
    return Demo(h).run();
}

} // namespace obole
