// The demo's behavioural and documentary rows: petitions signed, what people
// did with the newsletters, child sponsorships, events and registrations,
// and a few small text documents. Written with plain prepared statements,
// not the repositories: obole-gen makes 100,000 members and each row going
// through its own transaction and journal entry would take minutes.
// The showcase member Hélène Dupont and the long-history parish get some of
// everything, so each tab has rows to show.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/calendar/date.h"
#include "core/demo_history.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"

namespace obole {

namespace {

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
    {"Awa Diop", "SN", "SN-"},       {"Moussa Traoré", "ML", "ML-"}, {"Fatou Ndiaye", "SN", "SN-"},
    {"Kofi Mensah", "GH", "GH-"},    {"Aline Uwase", "RW", "RW-"},   {"Jean-Baptiste Kaboré", "BF", "BF-"},
    {"Mariam Koné", "CI", "CI-"},    {"Tiana Rakoto", "MG", "MG-"},
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

struct Demo {
    const DemoHistory& h;
    DemoRng rng;
    Statement petition, activity, sponsorship, registration, document;
    std::vector<std::string> event_ids;
    std::vector<long long> event_days;

    explicit Demo(const DemoHistory& history)
        : h(history),
          rng{history.seed ^ 0xbe4a7ull},
          petition(h.store.db(), "INSERT INTO mobilisation(id, member_ref, signed_date, petition, channel, "
                                 "created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6)"),
          activity(h.store.db(), "INSERT INTO email_activity(id, member_ref, at, kind, mailing, link, created_at) "
                                 "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
          sponsorship(h.store.db(), "INSERT INTO sponsorship(id, member_ref, child_name, child_code, country, "
                                    "start_date, end_date, monthly_cents, status, created_at) "
                                    "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
          registration(h.store.db(), "INSERT INTO event_registration(id, member_ref, event_id, registered_date, "
                                     "attended, guests, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
          document(h.store.db(), "INSERT INTO document(id, member_ref, name, mime_type, doc_date, direction, "
                                 "size_bytes, content, operator, created_at) "
                                 "VALUES(?1, ?2, ?3, 'text/plain', ?4, ?5, ?6, ?7, 'demo', ?8)")
    {
    }

    std::string row_id(long long day) { return format_uuid_v7(uint64_t(std::max(day, 0LL)) * 86400000ull, 0, rng.next()); }
    static std::string stamp(long long day) { return iso_from_days(day) + "T10:00:00.000Z"; }

    Result<void> add_events()
    {
        Statement insert(h.store.db(), "INSERT INTO event(id, name, event_date, place, created_at) "
                                       "VALUES(?1, ?2, ?3, ?4, ?5)");
        for (const auto& e : kEvents) {
            const long long day = h.today - std::atoll(e[1]);
            const std::string id = row_id(h.today - 500);
            insert.reset();
            insert.bind_uuid(1, id);
            insert.bind_text(2, e[0]);
            insert.bind_text(3, iso_from_days(day));
            insert.bind_text(4, e[2]);
            insert.bind_text(5, stamp(h.today - 500));
            if (Result<void> r = insert.run(); !r)
                return r;
            event_ids.push_back(id);
            event_days.push_back(day);
        }
        return {};
    }

    Result<void> add_petitions(int64_t ref, long long since, int count)
    {
        for (int i = 0; i < count; ++i) {
            const long long day = rng.between(int(since), int(h.today));
            petition.reset();
            petition.bind_uuid(1, row_id(day));
            petition.bind_int64(2, ref);
            petition.bind_text(3, iso_from_days(day));
            petition.bind_text(4, rng.pick(kPetitions));
            petition.bind_text(5, rng.pick(kChannels));
            petition.bind_text(6, stamp(day));
            if (Result<void> r = petition.run(); !r)
                return r;
        }
        return {};
    }

    Result<void> add_email(int64_t ref, long long since, int opens_permille)
    {
        for (int k = 0; k < kMailings; ++k) {
            const long long day = h.today - 30LL * k - 3;
            if (day < since)
                break;
            const std::string mailing = "Lettre d'information " + iso_from_days(day).substr(0, 7);
            auto add = [&](const char* kind, int minutes, const char* link) {
                activity.reset();
                activity.bind_uuid(1, row_id(day));
                activity.bind_int64(2, ref);
                char at[32];
                std::snprintf(at, sizeof at, "T%02d:%02d:00", 8 + minutes / 60, minutes % 60);
                activity.bind_text(3, iso_from_days(day) + at);
                activity.bind_text(4, kind);
                activity.bind_text(5, mailing);
                activity.bind_text(6, link);
                activity.bind_text(7, stamp(day));
                return activity.run();
            };
            if (Result<void> r = add("sent", 0, ""); !r)
                return r;
            if (!rng.chance_permille(opens_permille))
                continue;
            const int opened = rng.between(5, 600);
            if (Result<void> r = add("open", opened, ""); !r)
                return r;
            if (rng.chance(30))
                if (Result<void> r = add("click", opened + 1, "https://obole.example.org/agir"); !r)
                    return r;
        }
        return {};
    }

    Result<void> add_sponsorships(int64_t ref, long long since, int count, bool one_ended)
    {
        for (int i = 0; i < count; ++i) {
            const auto& child = rng.pick(kChildren);
            // A member who joined in the last 60 days starts today - 60 at the latest
            // (between(lo, lo - 1) divided by zero: obole-gen died at 1M members).
            const long long latest = h.today - 60;
            const long long start = rng.between(int(std::min(std::max(since, h.today - 3650), latest)), int(latest));
            const bool ended = one_ended && i == 0;
            const long long end = ended ? rng.between(int(start + 30), int(h.today)) : 0;
            sponsorship.reset();
            sponsorship.bind_uuid(1, row_id(start));
            sponsorship.bind_int64(2, ref);
            sponsorship.bind_text(3, child[0]);
            sponsorship.bind_text(4, child[2] + std::to_string(rng.between(1000, 9999)));
            sponsorship.bind_text(5, child[1]);
            sponsorship.bind_text(6, iso_from_days(start));
            sponsorship.bind_text(7, ended ? iso_from_days(end) : "");
            sponsorship.bind_int64(8, int64_t(rng.between(2, 6)) * 500);
            sponsorship.bind_text(9, ended ? "ended" : "active");
            sponsorship.bind_text(10, stamp(start));
            if (Result<void> r = sponsorship.run(); !r)
                return r;
        }
        return {};
    }

    Result<void> add_registrations(int64_t ref, int count)
    {
        const int first = rng.below(int(event_ids.size()));
        for (int i = 0; i < count && i < int(event_ids.size()); ++i) {
            const size_t e = size_t((first + i) % int(event_ids.size()));
            const long long registered = std::min(event_days[e] - rng.between(3, 40), h.today);
            const bool past = event_days[e] < h.today;
            registration.reset();
            registration.bind_uuid(1, row_id(registered));
            registration.bind_int64(2, ref);
            registration.bind_uuid(3, event_ids[e]);
            registration.bind_text(4, iso_from_days(registered));
            registration.bind_int64(5, past && rng.chance(75) ? 1 : 0);
            registration.bind_int64(6, rng.chance(30) ? rng.between(1, 3) : 0);
            registration.bind_text(7, stamp(registered));
            if (Result<void> r = registration.run(); !r)
                return r;
        }
        return {};
    }

    Result<void> add_document(int64_t ref, long long day, const std::string& name, const char* direction,
                              const std::string& text)
    {
        document.reset();
        document.bind_uuid(1, row_id(day));
        document.bind_int64(2, ref);
        document.bind_text(3, name);
        document.bind_text(4, iso_from_days(day));
        document.bind_text(5, direction);
        document.bind_int64(6, int64_t(text.size()));
        document.bind_blob(7, text);
        document.bind_text(8, stamp(day));
        return document.run();
    }

    Result<void> add_documents(int64_t ref, long long since, const std::string& who, bool showcase)
    {
        const long long day = rng.between(int(std::max(since, h.today - 2000)), int(h.today));
        if (Result<void> r = add_document(ref, day, "Accusé de réception.txt", "sent",
                                          "Madame, Monsieur,\n\nNous avons bien reçu votre don et vous en "
                                          "remercions chaleureusement. Votre reçu fiscal vous parviendra en "
                                          "début d'année.\n\nAvec notre gratitude,\nLe service donateurs\n");
            !r)
            return r;
        if (!showcase)
            return {};
        const long long later = rng.between(int(day), int(h.today));
        if (Result<void> r = add_document(ref, later, "Courrier de " + who + ".txt", "received",
                                          "Bonjour,\n\nJe souhaite recevoir désormais mes reçus par email "
                                          "plutôt que par courrier. Merci de noter aussi ma nouvelle adresse "
                                          "électronique.\n\nCordialement,\n" + who + "\n");
            !r)
            return r;
        return add_document(ref, h.today - 10, "Compte rendu d'appel.txt", "received",
                            "Appel du " + iso_from_days(h.today - 10) +
                                " : souhaite être invité(e) au prochain gala ; intéressé(e) par un parrainage.\n");
    }

    Result<void> run()
    {
        if (Result<void> r = add_events(); !r)
            return r;
        Statement members(h.store.db(), "SELECT m.ref, m.first_name, m.last_name, m.entry_date, "
                                        "EXISTS(SELECT 1 FROM email e WHERE e.member_ref = m.ref) "
                                        "FROM member m WHERE m.ref >= ?1 AND m.deleted = 0 ORDER BY m.ref");
        members.bind_int64(1, h.first_member_ref);
        while (members.step() == Statement::Step::row) {
            const int64_t ref = members.column_int64(0);
            const std::string first = members.column_text(1), last = members.column_text(2);
            const std::string entry = members.column_text(3);
            const long long since =
                std::clamp(entry.size() == 10 ? days_from_iso(entry) : h.today - 1000, h.today - 15000, h.today);
            const bool showcase = (first == "Hélène" && last == "Dupont") || last == "Paroisse Saint-Roch";
            const bool has_email = members.column_int64(4) != 0;
            if (showcase || rng.chance(15))
                if (Result<void> r = add_petitions(ref, since, showcase ? 3 : rng.between(1, 3)); !r)
                    return r;
            if (has_email && (showcase || rng.chance(20)))
                if (Result<void> r = add_email(ref, since, showcase ? 700 : rng.between(100, 800)); !r)
                    return r;
            if (showcase || rng.chance(3))
                if (Result<void> r = add_sponsorships(ref, since, showcase ? 2 : 1, showcase || rng.chance(30)); !r)
                    return r;
            if (showcase || rng.chance(8))
                if (Result<void> r = add_registrations(ref, showcase ? 3 : rng.between(1, 2)); !r)
                    return r;
            if (showcase || rng.chance(2))
                if (Result<void> r = add_documents(ref, since, (first + " " + last).substr(first.empty()), showcase);
                    !r)
                    return r;
        }
        return {};
    }
};

} // namespace

Result<void> add_demo_behaviour(const DemoHistory& h)
{
    return Demo(h).run();
}

} // namespace obole
