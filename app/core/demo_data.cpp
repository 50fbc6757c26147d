#include "core/demo_data.h"

#include <algorithm>
#include <cstdio>

#include <sqlite3.h>

#include "core/calendar/date.h"
#include "core/campaigns/campaign_repository.h"
#include "core/demo_history.h"
#include "core/members/member_repository.h"
#include "core/money/gift_repository.h"
#include "core/search/search_index.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"
#include "core/text/text_fold.h"

namespace obole {

namespace {

using Rng = DemoRng;

// A name as written, and in Latin letters for the email address.
struct Name {
    const char* text;
    const char* latin;
    char gender; // 'f', 'm'
};

const Name kFrenchFirst[] = {
    {"Hélène", "helene", 'f'},   {"François", "francois", 'm'}, {"Gaël", "gael", 'm'},
    {"Benoît", "benoit", 'm'},   {"Zoé", "zoe", 'f'},           {"Chloé", "chloe", 'f'},
    {"Amélie", "amelie", 'f'},   {"Jérôme", "jerome", 'm'},     {"Cédric", "cedric", 'm'},
    {"Noël", "noel", 'm'},       {"Anaïs", "anais", 'f'},       {"Loïc", "loic", 'm'},
    {"Maëlle", "maelle", 'f'},   {"Clément", "clement", 'm'},   {"Léa", "lea", 'f'},
    {"Éric", "eric", 'm'},       {"Élodie", "elodie", 'f'},     {"Stéphane", "stephane", 'm'},
    {"Frédéric", "frederic", 'm'}, {"Agnès", "agnes", 'f'},     {"Thérèse", "therese", 'f'},
    {"Joël", "joel", 'm'},       {"Raphaël", "raphael", 'm'},   {"Inès", "ines", 'f'},
    {"Sébastien", "sebastien", 'm'}, {"Marie", "marie", 'f'},   {"Jean", "jean", 'm'},
    {"Pierre", "pierre", 'm'},   {"Jean-Pierre", "jean-pierre", 'm'}, {"Marie-Claire", "marie-claire", 'f'},
    {"Anne", "anne", 'f'},       {"Nicolas", "nicolas", 'm'},   {"Julien", "julien", 'm'},
    {"Camille", "camille", 'f'}, {"Isabelle", "isabelle", 'f'}, {"Sophie", "sophie", 'f'},
    {"Philippe", "philippe", 'm'}, {"Michel", "michel", 'm'},   {"Nathalie", "nathalie", 'f'},
    {"Céline", "celine", 'f'},   {"Valérie", "valerie", 'f'},   {"Françoise", "francoise", 'f'},
    {"André", "andre", 'm'},     {"René", "rene", 'm'},         {"Mathilde", "mathilde", 'f'},
    {"Aurélie", "aurelie", 'f'}, {"Ségolène", "segolene", 'f'}, {"Geneviève", "genevieve", 'f'},
    {"Océane", "oceane", 'f'},   {"Hervé", "herve", 'm'},       {"Yannick", "yannick", 'm'},
    {"Bérénice", "berenice", 'f'}, {"Théo", "theo", 'm'},       {"Louis", "louis", 'm'},
};

const Name kFrenchLast[] = {
    {"Dupont", "dupont", 0},     {"Martin", "martin", 0},       {"Bernard", "bernard", 0},
    {"Durand", "durand", 0},     {"Lefèvre", "lefevre", 0},     {"Lefebvre", "lefebvre", 0},
    {"Moreau", "moreau", 0},     {"Laurent", "laurent", 0},     {"Simon", "simon", 0},
    {"Michel", "michel", 0},     {"Garçon", "garcon", 0},       {"François", "francois", 0},
    {"Fournier", "fournier", 0}, {"Girard", "girard", 0},       {"Bonnet", "bonnet", 0},
    {"Dubois", "dubois", 0},     {"Lambert", "lambert", 0},     {"Fontaine", "fontaine", 0},
    {"Rousseau", "rousseau", 0}, {"Vincent", "vincent", 0},     {"Mercier", "mercier", 0},
    {"Boyer", "boyer", 0},       {"Blanc", "blanc", 0},         {"Guérin", "guerin", 0},
    {"Faure", "faure", 0},       {"André", "andre", 0},         {"Chevalier", "chevalier", 0},
    {"Gauthier", "gauthier", 0}, {"Perrin", "perrin", 0},       {"Robin", "robin", 0},
    {"Clément", "clement", 0},   {"Morel", "morel", 0},         {"Henry", "henry", 0},
    {"Roussel", "roussel", 0},   {"Mathieu", "mathieu", 0},     {"Gérard", "gerard", 0},
    {"Bertrand", "bertrand", 0}, {"Lemaître", "lemaitre", 0},   {"Benoît", "benoit", 0},
    {"Besançon", "besancon", 0}, {"Deschênes", "deschenes", 0}, {"Lévêque", "leveque", 0},
    {"Béranger", "beranger", 0}, {"Ménard", "menard", 0},       {"Thébault", "thebault", 0},
    {"Côté", "cote", 0},         {"Hébert", "hebert", 0},       {"Brûlé", "brule", 0},
    {"d'Alembert", "dalembert", 0}, {"Le Goff", "legoff", 0},   {"Le Gall", "legall", 0},
    {"N'Diaye", "ndiaye", 0},    {"Kerhervé", "kerherve", 0},   {"Çelik", "celik", 0},
    {"Lœuillet", "loeuillet", 0}, {"Delacroix", "delacroix", 0}, {"Petit", "petit", 0},
    {"Leroy", "leroy", 0},       {"Roux", "roux", 0},           {"Fabre", "fabre", 0},
};

const Name kRussianFirst[] = {
    {"Иван", "ivan", 'm'},       {"Ольга", "olga", 'f'},        {"Дмитрий", "dmitri", 'm'},
    {"Наталья", "natalia", 'f'}, {"Сергей", "sergei", 'm'},     {"Екатерина", "ekaterina", 'f'},
    {"Алексей", "alexei", 'm'},  {"Татьяна", "tatiana", 'f'},   {"Михаил", "mikhail", 'm'},
    {"Анна", "anna", 'f'},       {"Андрей", "andrei", 'm'},     {"Мария", "maria", 'f'},
    {"Пётр", "piotr", 'm'},      {"Фёдор", "fiodor", 'm'},      {"Алёна", "aliona", 'f'},
    {"Юлия", "ioulia", 'f'},
};

// Russian family names take an "а" in the feminine.
const Name kRussianLast[] = {
    {"Петров", "petrov", 0},     {"Иванов", "ivanov", 0},       {"Смирнов", "smirnov", 0},
    {"Кузнецов", "kouznetsov", 0}, {"Попов", "popov", 0},       {"Соколов", "sokolov", 0},
    {"Лебедев", "lebedev", 0},   {"Козлов", "kozlov", 0},       {"Новиков", "novikov", 0},
    {"Морозов", "morozov", 0},   {"Волков", "volkov", 0},       {"Фёдоров", "fiodorov", 0},
    {"Семёнов", "semionov", 0},  {"Орлов", "orlov", 0},
};

const Name kJapaneseLast[] = {
    {"山田", "yamada", 0},  {"田中", "tanaka", 0},  {"佐藤", "sato", 0},    {"鈴木", "suzuki", 0},
    {"高橋", "takahashi", 0}, {"伊藤", "ito", 0},   {"渡辺", "watanabe", 0}, {"中村", "nakamura", 0},
    {"小林", "kobayashi", 0}, {"加藤", "kato", 0},  {"吉田", "yoshida", 0}, {"山本", "yamamoto", 0},
    {"松本", "matsumoto", 0}, {"井上", "inoue", 0}, {"木村", "kimura", 0},
};

const Name kJapaneseFirst[] = {
    {"太郎", "taro", 'm'},  {"花子", "hanako", 'f'}, {"健太", "kenta", 'm'}, {"由美", "yumi", 'f'},
    {"翔太", "shota", 'm'}, {"美咲", "misaki", 'f'}, {"大輔", "daisuke", 'm'}, {"陽子", "yoko", 'f'},
    {"一郎", "ichiro", 'm'}, {"さくら", "sakura", 'f'}, {"直樹", "naoki", 'm'}, {"恵子", "keiko", 'f'},
};

const Name kOtherFirst[] = {
    {"John", "john", 'm'},   {"María", "maria", 'f'}, {"João", "joao", 'm'},   {"Fatima", "fatima", 'f'},
    {"Liam", "liam", 'm'},   {"Zoë", "zoe", 'f'},     {"Karim", "karim", 'm'}, {"Ana", "ana", 'f'},
};

const Name kOtherLast[] = {
    {"Smith", "smith", 0},     {"García", "garcia", 0}, {"Oliveira", "oliveira", 0}, {"Benali", "benali", 0},
    {"O'Brien", "obrien", 0},  {"Müller", "muller", 0}, {"Haddad", "haddad", 0},     {"Núñez", "nunez", 0},
};

struct City {
    const char* name;
    int postcode_base, postcode_spread; // postcodes base .. base + spread - 1
    int weight;
};

const City kCities[] = {
    {"Paris", 75001, 20, 22},        {"Lyon", 69001, 9, 8},          {"Marseille", 13001, 16, 7},
    {"Toulouse", 31000, 1, 4},       {"Nice", 6000, 1, 3},           {"Nantes", 44000, 1, 3},
    {"Strasbourg", 67000, 1, 3},     {"Montpellier", 34000, 1, 3},   {"Bordeaux", 33000, 1, 4},
    {"Lille", 59000, 1, 4},          {"Rennes", 35000, 1, 3},        {"Reims", 51100, 1, 2},
    {"Saint-Étienne", 42000, 1, 2},  {"Le Havre", 76600, 1, 2},      {"Grenoble", 38000, 1, 2},
    {"Dijon", 21000, 1, 2},          {"Angers", 49000, 1, 2},        {"Besançon", 25000, 1, 2},
    {"Brest", 29200, 1, 2},          {"Aix-en-Provence", 13090, 1, 2}, {"Orléans", 45000, 1, 2},
    {"Clermont-Ferrand", 63000, 1, 2}, {"Évry-Courcouronnes", 91000, 1, 2}, {"Boulogne-Billancourt", 92100, 1, 3},
    {"Montreuil", 93100, 1, 2},      {"Créteil", 94000, 1, 2},       {"Villeurbanne", 69100, 1, 2},
    {"Quimper", 29000, 1, 1},        {"Annecy", 74000, 1, 1},        {"Pointe-à-Pitre", 97110, 1, 1},
};

const char* const kStreets[] = {
    "rue de la République", "avenue Jean-Jaurès", "boulevard Voltaire", "place de l'Église",
    "rue Victor-Hugo", "chemin des Écoliers", "impasse des Lilas", "allée des Châtaigniers",
    "rue du Général-de-Gaulle", "quai de la Tournelle", "rue Émile-Zola", "avenue des Frères-Lumière",
    "rue Saint-Honoré", "boulevard de l'Hôpital", "rue des Œillets", "route de Nîmes",
};

const char* const kFrenchDomains[] = {"gmail.com", "orange.fr", "free.fr", "laposte.net", "wanadoo.fr",
                                      "yahoo.fr", "hotmail.fr", "sfr.fr", "outlook.com", "icloud.com"};
const char* const kRussianDomains[] = {"mail.ru", "yandex.ru", "gmail.com"};
const char* const kJapaneseDomains[] = {"docomo.ne.jp", "yahoo.co.jp", "gmail.com"};

const char* const kMemos[] = {"VIP", "Membre du CA", "Bénévole actif", "Grand donateur — appeler avant tout envoi",
                              "Trésorière de l'antenne de Lyon"};
const char* const kNotes[] = {
    "A appelé pour changer d'adresse.", "Préfère être contactée par courriel.",
    "Ne pas appeler le week-end.", "Rencontré au forum des associations, très intéressé par les parrainages.",
    "Demande un reçu fiscal récapitulatif chaque année.", "Souhaite recevoir la lettre d'information papier.",
    "Legs évoqué lors de l'entretien de mars.", "Говорит по-французски; предпочитает письма на русском.",
    "日本語の資料を希望。",
};

struct CampaignPlan {
    std::string id, code, name, channel, date;
    int64_t ref = 0; // campaign.ref once written
};

std::string two_digits(int n)
{
    char b[16];
    std::snprintf(b, sizeof b, "%02d", n);
    return b;
}

std::string random_digits(Rng& rng, int n)
{
    std::string s;
    for (int i = 0; i < n; ++i)
        s.push_back(char('0' + rng.below(10)));
    return s;
}

// Twelve campaigns, one a quarter over the last three years: a newsletter,
// a postal appeal, an event and a year-end appeal in turn.
std::vector<CampaignPlan> plan_campaigns(Rng& rng, long long today)
{
    static const char* const kMonthsFr[] = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                                            "août", "septembre", "octobre", "novembre", "décembre"};
    std::vector<CampaignPlan> out;
    for (int i = 0; i < 12; ++i) {
        std::string date = iso_from_days(today - (12 - i) * 91 + 10);
        int year = std::atoi(date.substr(0, 4).c_str()), month = std::atoi(date.substr(5, 2).c_str());
        std::string ym = std::to_string(year) + "-" + two_digits(month);
        std::string when = std::string(kMonthsFr[month - 1]) + " " + std::to_string(year);
        CampaignPlan c;
        c.id = format_uuid_v7(uint64_t(days_from_iso(date)) * 86400000ull, uint16_t(i), rng.next());
        c.date = date;
        switch (i % 4) {
        case 0: c.code = "NL" + ym; c.name = "Lettre d'information " + when; c.channel = "email"; break;
        case 1: c.code = "AP" + ym; c.name = "Appel aux dons " + when; c.channel = "mail"; break;
        case 2: c.code = "EV" + ym; c.name = "Soirée des adhérents " + when; c.channel = "event"; break;
        default: c.code = "FA" + ym; c.name = "Appel de fin d'année " + when; c.channel = "mail"; break;
        }
        out.push_back(c);
    }
    return out;
}

// A typical gift amount in cents for a giving profile.
int64_t amount_for(Rng& rng, int profile)
{
    static const int kSmall[] = {10, 15, 20, 20, 25, 30, 30, 40, 50, 50};
    static const int kMid[] = {60, 75, 80, 100, 100, 150, 200, 250, 300};
    static const int kLarge[] = {500, 500, 1000, 1000, 1500, 2000, 3000, 5000};
    switch (profile) {
    case 2: return int64_t(rng.pick(kMid)) * 100;
    case 3: return int64_t(rng.pick(kLarge)) * 100;
    default: return int64_t(rng.pick(kSmall)) * 100 + (rng.chance(5) ? 50 : 0);
    }
}

const char* random_method(Rng& rng)
{
    int r = rng.below(100);
    if (r < 35) return "cheque";
    if (r < 65) return "card";
    if (r < 80) return "cash";
    if (r < 95) return "transfer";
    return "other";
}

class DemoWriter {
public:
    DemoWriter(Store& store, const DemoOptions& options)
        : db_(store.db()), rng_{options.seed},
          today_(days_from_iso(options.today.empty() ? today_iso() : options.today)),
          member_(db_, "INSERT INTO member(id, member_no, civility, first_name, last_name, birth_date, entry_date, "
                       "origin_date, origin_campaign_ref, suspension_code, stop_promo, tax_receipt_pref, memo_active, "
                       "notepad, created_at, updated_at) VALUES(?1,?2,?3,?4,?5,?6,?7,?7,?8,?9,?10,?11,?12,?13,?14,?14)"),
          address_(db_, "INSERT INTO address(id, member_ref, line1, postcode, city, country, is_main) "
                        "VALUES(?1, ?2, ?3, ?4, ?5, 'FR', 1)"),
          phone_(db_, "INSERT INTO phone(id, member_ref, kind, number, created_at) VALUES(?1, ?2, ?3, ?4, ?5)"),
          email_(db_, "INSERT INTO email(id, member_ref, address, origin_campaign_ref, origin_date, usable, bounces) "
                      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
          received_(db_, "INSERT INTO campaign_received(id, member_ref, campaign_ref, received_date) "
                         "VALUES(?1, ?2, ?3, ?4)"),
          gift_(db_, "INSERT INTO gift(id, member_ref, amount_cents, currency, gift_date, payment_method, "
                     "cheque_number, campaign_ref, operator, created_at) VALUES(?1,?2,?3,'EUR',?4,?5,?6,?7,'demo',?8)")
    {
    }

    Result<DemoCounts> run(int members)
    {
        campaigns_ = plan_campaigns(rng_, today_);
        Statement campaign(db_, "INSERT INTO campaign(id, code, name, channel, start_date) VALUES(?1,?2,?3,?4,?5)");
        Statement exists(db_, "SELECT id, ref FROM campaign WHERE code = ?1");
        for (CampaignPlan& c : campaigns_) {
            exists.reset();
            exists.bind_text(1, c.code);
            if (exists.step() == Statement::Step::row) {
                c.id = exists.column_uuid(0); // a second run in the same database reuses the campaign
                c.ref = exists.column_int64(1);
                continue;
            }
            campaign.reset();
            campaign.bind_uuid(1, c.id);
            campaign.bind_text(2, c.code);
            campaign.bind_text(3, c.name);
            campaign.bind_text(4, c.channel);
            campaign.bind_text(5, c.date);
            if (Result<void> r = campaign.run(); !r)
                return r.error();
            c.ref = sqlite3_last_insert_rowid(db_);
            ++counts_.campaigns;
        }
        Statement max_no(db_, "SELECT ifnull(max(member_no), 0) FROM member");
        int64_t first_no = max_no.step() == Statement::Step::row ? max_no.column_int64(0) + 1 : 1;
        for (int i = 0; i < members; ++i)
            if (Result<void> r = add_member(first_no + i); !r)
                return r.error();
        return counts_;
    }

private:
    // Ids in creation order, as a device makes them: indexes on ids and on
    // member_id then grow at their end instead of splitting pages at random.
    std::string new_id()
    {
        ++sequence_;
        return format_uuid_v7(uint64_t(today_ - 4000) * 86400000ull + sequence_ / 4096, uint16_t(sequence_ % 4096),
                              rng_.next());
    }

    static void bind_ref_or_null(Statement& s, int index, int64_t ref)
    {
        if (ref)
            s.bind_int64(index, ref);
        else
            s.bind_null(index);
    }

    Result<void> run_reset(Statement& s)
    {
        Result<void> r = s.run();
        s.reset();
        return r;
    }

    Result<void> add_member(int64_t member_no)
    {
        // Who: 75% French, 12% Russian, 8% Japanese, 5% other.
        int origin = rng_.below(100);
        Name first, last;
        std::string last_text;
        const char* const* domains = kFrenchDomains;
        int domain_count = 10;
        if (origin < 75) {
            first = rng_.pick(kFrenchFirst);
            last = rng_.pick(kFrenchLast);
        } else if (origin < 87) {
            first = rng_.pick(kRussianFirst);
            last = rng_.pick(kRussianLast);
            domains = kRussianDomains;
            domain_count = 3;
        } else if (origin < 95) {
            first = rng_.pick(kJapaneseFirst);
            last = rng_.pick(kJapaneseLast);
            domains = kJapaneseDomains;
            domain_count = 3;
        } else {
            first = rng_.pick(kOtherFirst);
            last = rng_.pick(kOtherLast);
        }
        last_text = last.text;
        if (origin >= 75 && origin < 87 && first.gender == 'f')
            last_text += "а";
        std::string civility = origin < 75 ? (first.gender == 'f' ? "Mme" : "M.") : "";

        long long entry = today_ - rng_.below(3650);
        std::string entry_date = iso_from_days(entry), created_at = entry_date + "T09:30:00.000Z";
        std::string birth = rng_.chance(80) ? iso_from_days(days_from_iso("1935-01-01") + rng_.below(70 * 365)) : "";
        std::string id = new_id();

        // The campaign that brought the member: the last one before entry, for half of them.
        int64_t origin_campaign = 0;
        for (const CampaignPlan& c : campaigns_)
            if (days_from_iso(c.date) <= entry)
                origin_campaign = c.ref;
        if (rng_.chance(50))
            origin_campaign = 0;

        bool stop_promo = rng_.chance(5);
        int r = rng_.below(100);
        const char* receipt = r < 70 ? "annual" : r < 85 ? "email" : r < 95 ? "per_gift" : "none";
        std::string suspension = rng_.chance_permille(15) ? "NPAI" : rng_.chance_permille(5) ? "DCD" : "";
        std::string memo = rng_.chance(3) ? rng_.pick(kMemos) : "";
        std::string note = rng_.chance(10) ? rng_.pick(kNotes) : "";

        member_.bind_uuid(1, id);
        member_.bind_int64(2, member_no);
        member_.bind_text(3, civility);
        member_.bind_text(4, first.text);
        member_.bind_text(5, last_text);
        member_.bind_text(6, birth);
        member_.bind_text(7, entry_date);
        bind_ref_or_null(member_, 8, origin_campaign);
        member_.bind_text(9, suspension);
        member_.bind_int64(10, stop_promo ? 1 : 0);
        member_.bind_text(11, receipt);
        member_.bind_text(12, memo);
        member_.bind_text(13, note);
        member_.bind_text(14, created_at);
        if (Result<void> res = run_reset(member_); !res)
            return res;
        int64_t member_ref = sqlite3_last_insert_rowid(db_);
        ++counts_.members;

        // Address: weighted French cities.
        int total_weight = 0;
        for (const City& c : kCities)
            total_weight += c.weight;
        int w = rng_.below(total_weight);
        const City* city = &kCities[0];
        for (const City& c : kCities) {
            if (w < c.weight) { city = &c; break; }
            w -= c.weight;
        }
        char postcode[16];
        std::snprintf(postcode, sizeof postcode, "%05d", city->postcode_base + rng_.below(city->postcode_spread));
        std::string line1 = std::to_string(rng_.between(1, 180)) + (rng_.chance(8) ? " bis " : " ") + rng_.pick(kStreets);
        address_.bind_uuid(1, new_id());
        address_.bind_int64(2, member_ref);
        address_.bind_text(3, line1);
        address_.bind_text(4, postcode);
        address_.bind_text(5, city->name);
        if (Result<void> res = run_reset(address_); !res)
            return res;

        // Phones: most have one, some two.
        int phones = rng_.chance(85) ? (rng_.chance(25) ? 2 : 1) : 0;
        for (int p = 0; p < phones; ++p) {
            std::string number, kind = "mobile";
            if (origin >= 75 && origin < 87 && p == 0 && rng_.chance(50))
                number = "+79" + random_digits(rng_, 9);
            else if (origin >= 87 && origin < 95 && p == 0 && rng_.chance(50))
                number = std::string("+81") + (rng_.chance(50) ? "90" : "80") + random_digits(rng_, 8);
            else if (p == 0 && rng_.chance(75))
                number = std::string("+33") + (rng_.chance(80) ? "6" : "7") + random_digits(rng_, 8);
            else {
                number = "+33" + std::to_string(rng_.between(1, 5)) + random_digits(rng_, 8);
                kind = "landline";
            }
            phone_.bind_uuid(1, new_id());
            phone_.bind_int64(2, member_ref);
            phone_.bind_text(3, kind);
            phone_.bind_text(4, number);
            phone_.bind_text(5, created_at);
            if (Result<void> res = run_reset(phone_); !res)
                return res;
            ++counts_.phones;
        }

        // Email: 70%, some no longer deliverable.
        if (rng_.chance(70)) {
            std::string local = std::string(first.latin) + (rng_.chance(50) ? "." : "") + last.latin;
            if (rng_.chance(30))
                local += std::to_string(rng_.between(1, 99));
            std::string address = local + "@" + domains[rng_.below(domain_count)];
            bool usable = !rng_.chance(8);
            email_.bind_uuid(1, new_id());
            email_.bind_int64(2, member_ref);
            email_.bind_text(3, address);
            bind_ref_or_null(email_, 4, origin_campaign);
            email_.bind_text(5, entry_date);
            email_.bind_int64(6, usable ? 1 : 0);
            email_.bind_int64(7, usable ? 0 : rng_.between(3, 5));
            if (Result<void> res = run_reset(email_); !res)
                return res;
            ++counts_.emails;
        }

        // Campaigns received since entry: each goes to a segment of the
        // file (fewer for stop-promo members).
        std::vector<const CampaignPlan*> received;
        for (const CampaignPlan& c : campaigns_) {
            if (days_from_iso(c.date) < entry || !rng_.chance(stop_promo ? 10 : 45))
                continue;
            received_.bind_uuid(1, new_id());
            received_.bind_int64(2, member_ref);
            received_.bind_int64(3, c.ref);
            received_.bind_text(4, c.date);
            if (Result<void> res = run_reset(received_); !res)
                return res;
            received.push_back(&c);
            ++counts_.received;
        }
        return add_gifts(member_ref, entry, received);
    }

    // Giving profiles: 30% never gave, 40% small occasional, 8% monthly
    // direct debit (some stopped), 12% lapsed, 7% mid-level, 3% major.
    Result<void> add_gifts(int64_t member_ref, long long entry,
                           const std::vector<const CampaignPlan*>& received)
    {
        int r = rng_.below(100);
        if (r < 30)
            return {};
        std::vector<std::pair<long long, int>> gifts; // (day, profile)
        long long span = today_ - entry;
        if (r < 70) {
            for (int n = rng_.between(1, 4); n > 0; --n)
                gifts.push_back({entry + rng_.below(int(span) + 1), 1});
        } else if (r < 78) {
            long long start = std::max(entry, today_ - rng_.between(60, 1095));
            long long stop = rng_.chance(25) ? today_ - rng_.between(30, 400) : today_;
            for (long long day = start; day <= stop; day += 30)
                gifts.push_back({day, 0});
        } else if (r < 90) {
            long long last_day = today_ - rng_.between(400, 1000);
            if (last_day >= entry)
                for (int n = rng_.between(1, 3); n > 0; --n)
                    gifts.push_back({entry + rng_.below(int(last_day - entry) + 1), 1});
        } else if (r < 97) {
            for (int n = rng_.between(1, 3); n > 0; --n)
                gifts.push_back({entry + rng_.below(int(span) + 1), 2});
        } else {
            for (int n = rng_.between(1, 2); n > 0; --n)
                gifts.push_back({entry + rng_.below(int(span) + 1), 3});
        }

        for (const auto& [day, profile] : gifts) {
            bool monthly = profile == 0;
            const char* method = monthly ? "direct_debit" : random_method(rng_);
            // Coded to the last campaign received before the gift, mostly.
            int64_t campaign = 0;
            if (!monthly && rng_.chance(80))
                for (const CampaignPlan* c : received)
                    if (days_from_iso(c->date) <= day)
                        campaign = c->ref;
            std::string date = iso_from_days(day);
            gift_.bind_uuid(1, new_id());
            gift_.bind_int64(2, member_ref);
            gift_.bind_int64(3, monthly ? int64_t(rng_.between(1, 6)) * 500 : amount_for(rng_, profile));
            gift_.bind_text(4, date);
            gift_.bind_text(5, method);
            gift_.bind_text(6, std::string(method) == "cheque" ? random_digits(rng_, 7) : "");
            bind_ref_or_null(gift_, 7, campaign);
            gift_.bind_text(8, date + "T10:00:00.000Z");
            if (Result<void> res = run_reset(gift_); !res)
                return res;
            ++counts_.gifts;
        }
        return {};
    }

    sqlite3* db_;
    Rng rng_;
    long long today_;
    Statement member_, address_, phone_, email_, received_, gift_;
    std::vector<CampaignPlan> campaigns_;
    DemoCounts counts_;
    uint64_t sequence_ = 0;
};

// Three members every demo has, whatever the seed: someone showing the app (or a
// browser test) can always find an accented French name, a Cyrillic and a
// Japanese one, with contact details, a memo, a notepad and a giving history.
struct Showcase {
    NewMember fields;
    const char* memo_active;
    const char* notepad;
    int gifts_euros[3];
};

const Showcase kShowcase[] = {
    {{"Mme", "Hélène", "Dupont", "helene.dupont@example.fr", "+33 6 12 34 56 78", "12 rue Oberkampf", "75011", "Paris", "FR", ""},
     "VIP — membre du conseil d'administration", "Préfère être appelée le matin. Sensible aux projets jeunesse.",
     {50, 120, 75}},
    {{"", "Иван", "Петров", "ivan.petrov@example.ru", "+7 912 345 67 89", "8 avenue Jean Jaurès", "69007", "Lyon", "FR", ""},
     "", "Reçu fiscal à envoyer en fin d'année.", {30, 30, 0}},
    {{"", "太郎", "山田", "taro.yamada@example.jp", "+81 90 1234 5678", "3 rue de la Paix", "13001", "Marseille", "FR", ""},
     "", "", {200, 0, 0}},
};

Result<void> add_showcase_members(Store& store, long long today, DemoCounts& counts)
{
    std::vector<Campaign> campaigns = CampaignRepository(store).list_all();
    for (const Showcase& s : kShowcase) {
        Result<std::string> id = MemberRepository(store).create(s.fields, "demo");
        if (!id)
            return id.error();
        ++counts.members;
        // Nothing in a demo is dated after its reference day, and these members
        // have been around for a while.
        Statement dates(store.db(), "UPDATE member SET entry_date = ?1, origin_date = ?1 WHERE id = ?2");
        dates.bind_text(1, iso_from_days(today - 900));
        dates.bind_uuid(2, *id);
        if (Result<void> r = dates.run(); !r)
            return r;
        if (*s.memo_active)
            if (Result<void> r = MemberRepository(store).set_memo_active(*id, s.memo_active, "demo"); !r)
                return r;
        if (*s.notepad)
            if (Result<void> r = MemberRepository(store).set_notepad(*id, s.notepad, "demo"); !r)
                return r;
        // The last few campaigns, so the dossier lists them and a new gift has a default campaign.
        for (size_t i = campaigns.size() > 3 ? campaigns.size() - 3 : 0; i < campaigns.size(); ++i) {
            if (days_from_iso(campaigns[i].start_date) > today)
                continue;
            if (Result<void> r = CampaignRepository(store).add_received(*id, campaigns[i].id, campaigns[i].start_date); !r)
                return r;
            ++counts.received;
        }
        for (int g = 0; g < 3 && s.gifts_euros[g] > 0; ++g) {
            NewGift gift;
            gift.member_id = *id;
            gift.amount_text = std::to_string(s.gifts_euros[g]);
            gift.date_text = iso_from_days(today - 300 + g * 120);
            gift.method = g % 2 ? PaymentMethod::card : PaymentMethod::cheque;
            if (Result<std::string> r = GiftRepository(store).add(gift, "demo"); !r)
                return r.error();
            ++counts.gifts;
        }
    }
    return {};
}

// A member with a long history, as old associations have: a parish that has
// given every week since the 1980s (2,000 gifts) and whose file has been
// handled by many people (200 journal entries). The dossier must open as fast
// for it as for anyone (the figure is in tools/obole bench), and the browser
// test of the dossier's tabs opens it.
constexpr int kLongHistoryGifts = 2000;
constexpr int kLongHistoryJournal = 200;

Result<void> add_long_history_member(Store& store, long long today, uint64_t seed, DemoCounts& counts)
{
    NewMember fields;
    fields.last_name = "Paroisse Saint-Roch";
    fields.email = "secretariat@saint-roch.example.fr";
    fields.phone = "+33 1 42 44 13 20";
    fields.line1 = "296 rue Saint-Honoré";
    fields.postcode = "75001";
    fields.city = "Paris";
    Result<std::string> id = MemberRepository(store).create(fields, "demo");
    if (!id)
        return id.error();
    ++counts.members;
    const long long first_day = today - 7LL * (kLongHistoryGifts - 1);
    for (const char* sql : {"UPDATE member SET entry_date = ?1, origin_date = ?1, created_at = ?2 WHERE id = ?3",
                            "UPDATE email SET origin_date = ?1 WHERE member_ref = (SELECT ref FROM member WHERE id = ?3)"}) {
        Statement entry(store.db(), sql);
        entry.bind_text(1, iso_from_days(first_day));
        entry.bind_text(2, iso_from_days(first_day) + "T09:00:00.000Z");
        entry.bind_uuid(3, *id);
        if (Result<void> r = entry.run(); !r)
            return r;
    }
    DemoRng rng{seed ^ 0x5a1e7ull};
    Statement gift(store.db(), "INSERT INTO gift(id, member_ref, amount_cents, currency, gift_date, payment_method, "
                               "cheque_number, operator, created_at) SELECT ?1, ref, ?2, 'EUR', ?3, ?4, ?5, ?6, ?7 "
                               "FROM member WHERE id = ?8");
    for (int i = 0; i < kLongHistoryGifts; ++i) {
        const long long day = first_day + 7LL * i;
        const bool cheque = i % 4 != 0;
        const std::string date = iso_from_days(day);
        gift.reset();
        gift.bind_uuid(1, format_uuid_v7(uint64_t(day) * 86400000ull, 0, rng.next()));
        gift.bind_int64(2, int64_t(rng.between(4, 60)) * 500);
        gift.bind_text(3, date);
        gift.bind_text(4, cheque ? "cheque" : "transfer");
        gift.bind_text(5, cheque ? random_digits(rng, 7) : "");
        gift.bind_text(6, i % 3 ? "claire" : "marc");
        gift.bind_text(7, date + "T10:00:00.000Z");
        gift.bind_uuid(8, *id);
        if (Result<void> r = gift.run(); !r)
            return r;
        ++counts.gifts;
    }
    // What people did on the file over the years: calls, letters, changes.
    static const char* const kActions[][2] = {
        {"call.in", "Appel du secrétariat : demande de reçu fiscal"},
        {"call.out", "Remerciements pour la quête de Noël"},
        {"letter.sent", "Courrier : rapport annuel"},
        {"member.notepad", "Contact : le père Martin, le mardi matin"},
        {"email.sent", "Envoi du reçu fiscal par email"},
    };
    Statement journal(store.db(), "INSERT INTO journal(id, at, operator, member_id, action, detail) "
                                  "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    for (int i = 0; i < kLongHistoryJournal; ++i) {
        const long long day = first_day + (today - first_day) * i / kLongHistoryJournal;
        const auto& action = kActions[rng.below(5)];
        journal.reset();
        journal.bind_uuid(1, format_uuid_v7(uint64_t(day) * 86400000ull + 1, 0, rng.next()));
        journal.bind_text(2, iso_from_days(day) + "T14:30:00.000Z");
        journal.bind_text(3, i % 2 ? "claire" : "marc");
        journal.bind_uuid(4, *id);
        journal.bind_text(5, action[0]);
        journal.bind_text(6, action[1]);
        if (Result<void> r = journal.run(); !r)
            return r;
    }
    return {};
}

} // namespace

Result<DemoCounts> generate_demo_counted(Store& store, const DemoOptions& options)
{
    if (options.members < 0)
        return fail("demo.bad_options", "The number of members cannot be negative.");
    if (!options.today.empty() && !parse_date(options.today))
        return fail("demo.bad_options", "The reference date is not a valid ISO date.");
    DemoCounts counts;
    Result<void> r = store.transaction([&]() -> Result<void> {
        Statement last_ref(store.db(), "SELECT ifnull(max(ref), 0) + 1 FROM member");
        last_ref.step();
        const int64_t first_new_ref = last_ref.column_int64(0);
        // The showcase members and the long history (below) count among the members asked for.
        const int showcase = options.members >= 4 ? 4 : 0;
        DemoWriter writer(store, options);
        Result<DemoCounts> c = writer.run(options.members - showcase);
        if (!c)
            return c.error();
        counts = *c;
        if (Result<void> r = rebuild_search_index(store); !r)
            return r;
        const long long today = days_from_iso(options.today.empty() ? today_iso() : options.today);
        if (showcase) {
            if (Result<void> r = add_showcase_members(store, today, counts); !r)
                return r;
            if (Result<void> r = add_long_history_member(store, today, options.seed, counts); !r)
                return r;
        }
        // The dossier's other tabs, for the members just made.
        DemoHistory history{store, today, options.seed, first_new_ref};
        for (auto add : {add_demo_finance, add_demo_tax_receipts, add_demo_behaviour, add_demo_synthesis, add_demo_field})
            if (Result<void> r = add(history); !r)
                return r;
        return {};
    });
    if (!r)
        return r.error();
    return counts;
}

Result<void> generate_demo(Store& store, const DemoOptions& options)
{
    Result<DemoCounts> r = generate_demo_counted(store, options);
    if (!r)
        return r.error();
    return {};
}

} // namespace obole
