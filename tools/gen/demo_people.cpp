// The people of the demo association: French names with accents, Russian
// and Japanese names in their own scripts, a few from elsewhere; addresses in
// French cities weighted by size; phones and emails as such people have them.
#include "gen/demo_people.h"

#include <cstdio>

namespace obole {

namespace {

// A name as written, and in Latin letters for the email address.
struct Name {
    const char* text;
    const char* latin;
    char gender; // 'f', 'm'
};

const Name kFrenchFirst[] = {
    {"Hélène", "helene", 'f'},
    {"François", "francois", 'm'},
    {"Gaël", "gael", 'm'},
    {"Benoît", "benoit", 'm'},
    {"Zoé", "zoe", 'f'},
    {"Chloé", "chloe", 'f'},
    {"Amélie", "amelie", 'f'},
    {"Jérôme", "jerome", 'm'},
    {"Cédric", "cedric", 'm'},
    {"Noël", "noel", 'm'},
    {"Anaïs", "anais", 'f'},
    {"Loïc", "loic", 'm'},
    {"Maëlle", "maelle", 'f'},
    {"Clément", "clement", 'm'},
    {"Léa", "lea", 'f'},
    {"Éric", "eric", 'm'},
    {"Élodie", "elodie", 'f'},
    {"Stéphane", "stephane", 'm'},
    {"Frédéric", "frederic", 'm'},
    {"Agnès", "agnes", 'f'},
    {"Thérèse", "therese", 'f'},
    {"Joël", "joel", 'm'},
    {"Raphaël", "raphael", 'm'},
    {"Inès", "ines", 'f'},
    {"Sébastien", "sebastien", 'm'},
    {"Marie", "marie", 'f'},
    {"Jean", "jean", 'm'},
    {"Pierre", "pierre", 'm'},
    {"Jean-Pierre", "jean-pierre", 'm'},
    {"Marie-Claire", "marie-claire", 'f'},
    {"Anne", "anne", 'f'},
    {"Nicolas", "nicolas", 'm'},
    {"Julien", "julien", 'm'},
    {"Camille", "camille", 'f'},
    {"Isabelle", "isabelle", 'f'},
    {"Sophie", "sophie", 'f'},
    {"Philippe", "philippe", 'm'},
    {"Michel", "michel", 'm'},
    {"Nathalie", "nathalie", 'f'},
    {"Céline", "celine", 'f'},
    {"Valérie", "valerie", 'f'},
    {"Françoise", "francoise", 'f'},
    {"André", "andre", 'm'},
    {"René", "rene", 'm'},
    {"Mathilde", "mathilde", 'f'},
    {"Aurélie", "aurelie", 'f'},
    {"Ségolène", "segolene", 'f'},
    {"Geneviève", "genevieve", 'f'},
    {"Océane", "oceane", 'f'},
    {"Hervé", "herve", 'm'},
    {"Yannick", "yannick", 'm'},
    {"Bérénice", "berenice", 'f'},
    {"Théo", "theo", 'm'},
    {"Louis", "louis", 'm'},
};

const Name kFrenchLast[] = {
    {"Dupont", "dupont", 0},
    {"Martin", "martin", 0},
    {"Bernard", "bernard", 0},
    {"Durand", "durand", 0},
    {"Lefèvre", "lefevre", 0},
    {"Lefebvre", "lefebvre", 0},
    {"Moreau", "moreau", 0},
    {"Laurent", "laurent", 0},
    {"Simon", "simon", 0},
    {"Michel", "michel", 0},
    {"Garçon", "garcon", 0},
    {"François", "francois", 0},
    {"Fournier", "fournier", 0},
    {"Girard", "girard", 0},
    {"Bonnet", "bonnet", 0},
    {"Dubois", "dubois", 0},
    {"Lambert", "lambert", 0},
    {"Fontaine", "fontaine", 0},
    {"Rousseau", "rousseau", 0},
    {"Vincent", "vincent", 0},
    {"Mercier", "mercier", 0},
    {"Boyer", "boyer", 0},
    {"Blanc", "blanc", 0},
    {"Guérin", "guerin", 0},
    {"Faure", "faure", 0},
    {"André", "andre", 0},
    {"Chevalier", "chevalier", 0},
    {"Gauthier", "gauthier", 0},
    {"Perrin", "perrin", 0},
    {"Robin", "robin", 0},
    {"Clément", "clement", 0},
    {"Morel", "morel", 0},
    {"Henry", "henry", 0},
    {"Roussel", "roussel", 0},
    {"Mathieu", "mathieu", 0},
    {"Gérard", "gerard", 0},
    {"Bertrand", "bertrand", 0},
    {"Lemaître", "lemaitre", 0},
    {"Benoît", "benoit", 0},
    {"Besançon", "besancon", 0},
    {"Deschênes", "deschenes", 0},
    {"Lévêque", "leveque", 0},
    {"Béranger", "beranger", 0},
    {"Ménard", "menard", 0},
    {"Thébault", "thebault", 0},
    {"Côté", "cote", 0},
    {"Hébert", "hebert", 0},
    {"Brûlé", "brule", 0},
    {"d'Alembert", "dalembert", 0},
    {"Le Goff", "legoff", 0},
    {"Le Gall", "legall", 0},
    {"N'Diaye", "ndiaye", 0},
    {"Kerhervé", "kerherve", 0},
    {"Çelik", "celik", 0},
    {"Lœuillet", "loeuillet", 0},
    {"Delacroix", "delacroix", 0},
    {"Petit", "petit", 0},
    {"Leroy", "leroy", 0},
    {"Roux", "roux", 0},
    {"Fabre", "fabre", 0},
};

const Name kRussianFirst[] = {
    {"Иван", "ivan", 'm'},       {"Ольга", "olga", 'f'},      {"Дмитрий", "dmitri", 'm'},
    {"Наталья", "natalia", 'f'}, {"Сергей", "sergei", 'm'},   {"Екатерина", "ekaterina", 'f'},
    {"Алексей", "alexei", 'm'},  {"Татьяна", "tatiana", 'f'}, {"Михаил", "mikhail", 'm'},
    {"Анна", "anna", 'f'},       {"Андрей", "andrei", 'm'},   {"Мария", "maria", 'f'},
    {"Пётр", "piotr", 'm'},      {"Фёдор", "fiodor", 'm'},    {"Алёна", "aliona", 'f'},
    {"Юлия", "ioulia", 'f'},
};

// Russian family names take an "а" in the feminine.
const Name kRussianLast[] = {
    {"Петров", "petrov", 0},    {"Иванов", "ivanov", 0},   {"Смирнов", "smirnov", 0}, {"Кузнецов", "kouznetsov", 0},
    {"Попов", "popov", 0},      {"Соколов", "sokolov", 0}, {"Лебедев", "lebedev", 0}, {"Козлов", "kozlov", 0},
    {"Новиков", "novikov", 0},  {"Морозов", "morozov", 0}, {"Волков", "volkov", 0},   {"Фёдоров", "fiodorov", 0},
    {"Семёнов", "semionov", 0}, {"Орлов", "orlov", 0},
};

const Name kJapaneseLast[] = {
    {"山田", "yamada", 0},    {"田中", "tanaka", 0}, {"佐藤", "sato", 0},     {"鈴木", "suzuki", 0},
    {"高橋", "takahashi", 0}, {"伊藤", "ito", 0},    {"渡辺", "watanabe", 0}, {"中村", "nakamura", 0},
    {"小林", "kobayashi", 0}, {"加藤", "kato", 0},   {"吉田", "yoshida", 0},  {"山本", "yamamoto", 0},
    {"松本", "matsumoto", 0}, {"井上", "inoue", 0},  {"木村", "kimura", 0},
};

const Name kJapaneseFirst[] = {
    {"太郎", "taro", 'm'},   {"花子", "hanako", 'f'},   {"健太", "kenta", 'm'},   {"由美", "yumi", 'f'},
    {"翔太", "shota", 'm'},  {"美咲", "misaki", 'f'},   {"大輔", "daisuke", 'm'}, {"陽子", "yoko", 'f'},
    {"一郎", "ichiro", 'm'}, {"さくら", "sakura", 'f'}, {"直樹", "naoki", 'm'},   {"恵子", "keiko", 'f'},
};

const Name kOtherFirst[] = {
    {"John", "john", 'm'}, {"María", "maria", 'f'}, {"João", "joao", 'm'},   {"Fatima", "fatima", 'f'},
    {"Liam", "liam", 'm'}, {"Zoë", "zoe", 'f'},     {"Karim", "karim", 'm'}, {"Ana", "ana", 'f'},
};

const Name kOtherLast[] = {
    {"Smith", "smith", 0},    {"García", "garcia", 0}, {"Oliveira", "oliveira", 0}, {"Benali", "benali", 0},
    {"O'Brien", "obrien", 0}, {"Müller", "muller", 0}, {"Haddad", "haddad", 0},     {"Núñez", "nunez", 0},
};

struct City {
    const char* name;
    int postcode_base, postcode_spread; // postcodes base .. base + spread - 1
    int weight;
};

const City kCities[] = {
    {"Paris", 75001, 20, 22},
    {"Lyon", 69001, 9, 8},
    {"Marseille", 13001, 16, 7},
    {"Toulouse", 31000, 1, 4},
    {"Nice", 6000, 1, 3},
    {"Nantes", 44000, 1, 3},
    {"Strasbourg", 67000, 1, 3},
    {"Montpellier", 34000, 1, 3},
    {"Bordeaux", 33000, 1, 4},
    {"Lille", 59000, 1, 4},
    {"Rennes", 35000, 1, 3},
    {"Reims", 51100, 1, 2},
    {"Saint-Étienne", 42000, 1, 2},
    {"Le Havre", 76600, 1, 2},
    {"Grenoble", 38000, 1, 2},
    {"Dijon", 21000, 1, 2},
    {"Angers", 49000, 1, 2},
    {"Besançon", 25000, 1, 2},
    {"Brest", 29200, 1, 2},
    {"Aix-en-Provence", 13090, 1, 2},
    {"Orléans", 45000, 1, 2},
    {"Clermont-Ferrand", 63000, 1, 2},
    {"Évry-Courcouronnes", 91000, 1, 2},
    {"Boulogne-Billancourt", 92100, 1, 3},
    {"Montreuil", 93100, 1, 2},
    {"Créteil", 94000, 1, 2},
    {"Villeurbanne", 69100, 1, 2},
    {"Quimper", 29000, 1, 1},
    {"Annecy", 74000, 1, 1},
    {"Pointe-à-Pitre", 97110, 1, 1},
};

const char* const kStreets[] = {
    "rue de la République",     "avenue Jean-Jaurès",     "boulevard Voltaire", "place de l'Église",
    "rue Victor-Hugo",          "chemin des Écoliers",    "impasse des Lilas",  "allée des Châtaigniers",
    "rue du Général-de-Gaulle", "quai de la Tournelle",   "rue Émile-Zola",     "avenue des Frères-Lumière",
    "rue Saint-Honoré",         "boulevard de l'Hôpital", "rue des Œillets",    "route de Nîmes",
};

const char* const kFrenchDomains[] = {"gmail.com", "orange.fr",  "free.fr", "laposte.net", "wanadoo.fr",
                                      "yahoo.fr",  "hotmail.fr", "sfr.fr",  "outlook.com", "icloud.com"};
const char* const kRussianDomains[] = {"mail.ru", "yandex.ru", "gmail.com"};
const char* const kJapaneseDomains[] = {"docomo.ne.jp", "yahoo.co.jp", "gmail.com"};

const City& random_city(DemoRng& rng)
{
    int total_weight = 0;
    for (const City& c : kCities)
        total_weight += c.weight;
    int w = rng.below(total_weight);
    for (const City& c : kCities) {
        if (w < c.weight)
            return c;
        w -= c.weight;
    }
    return kCities[0];
}

} // namespace

// The bank a demo cheque is drawn on, from its number: no draw of the
// generator, so the rest of the demo stays as it was.
std::string cheque_bank_for(const std::string& cheque_number)
{
    static const char* const kBanks[] = {"Crédit Agricole",
                                         "BNP Paribas",
                                         "Société Générale",
                                         "La Banque Postale",
                                         "Crédit Mutuel",
                                         "Caisse d'Épargne",
                                         "LCL",
                                         "CIC",
                                         "Banque Populaire"};
    const unsigned digit = cheque_number.empty() ? 0 : static_cast<unsigned char>(cheque_number.back()) - '0';
    return kBanks[digit % (sizeof kBanks / sizeof *kBanks)];
}

std::string random_digits(DemoRng& rng, int n)
{
    std::string s;
    for (int i = 0; i < n; ++i)
        s.push_back(char('0' + rng.below(10)));
    return s;
}

DemoPerson random_person(DemoRng& rng)
{
    DemoPerson p;
    // Who: 75% French, 12% Russian, 8% Japanese, 5% other.
    const int origin = rng.below(100);
    Name first, last;
    const char* const* domains = kFrenchDomains;
    int domain_count = 10;
    if (origin < 75) {
        first = rng.pick(kFrenchFirst);
        last = rng.pick(kFrenchLast);
        p.origin = DemoPerson::french;
    } else if (origin < 87) {
        first = rng.pick(kRussianFirst);
        last = rng.pick(kRussianLast);
        domains = kRussianDomains;
        domain_count = 3;
        p.origin = DemoPerson::russian;
    } else if (origin < 95) {
        first = rng.pick(kJapaneseFirst);
        last = rng.pick(kJapaneseLast);
        domains = kJapaneseDomains;
        domain_count = 3;
        p.origin = DemoPerson::japanese;
    } else {
        first = rng.pick(kOtherFirst);
        last = rng.pick(kOtherLast);
        p.origin = DemoPerson::other;
    }
    p.first_name = first.text;
    p.last_name = last.text;
    if (p.origin == DemoPerson::russian && first.gender == 'f')
        p.last_name += "а";
    if (p.origin == DemoPerson::french)
        p.civility = first.gender == 'f' ? "Mme" : "M.";

    const City& city = random_city(rng);
    char postcode[16];
    std::snprintf(postcode, sizeof postcode, "%05d", city.postcode_base + rng.below(city.postcode_spread));
    p.postcode = postcode;
    p.city = city.name;
    p.line1 = std::to_string(rng.between(1, 180)) + (rng.chance(8) ? " bis " : " ") + rng.pick(kStreets);

    // Phones: most have one, some two; a mobile of their country first.
    const int phones = rng.chance(85) ? (rng.chance(25) ? 2 : 1) : 0;
    for (int n = 0; n < phones; ++n) {
        if (p.origin == DemoPerson::russian && n == 0 && rng.chance(50))
            p.phones.push_back("+79" + random_digits(rng, 9));
        else if (p.origin == DemoPerson::japanese && n == 0 && rng.chance(50))
            p.phones.push_back(std::string("+81") + (rng.chance(50) ? "90" : "80") + random_digits(rng, 8));
        else if (n == 0 && rng.chance(75))
            p.phones.push_back(std::string("+33") + (rng.chance(80) ? "6" : "7") + random_digits(rng, 8));
        else
            p.phones.push_back("+33" + std::to_string(rng.between(1, 5)) + random_digits(rng, 8));
    }

    // Email: 70%, in Latin letters.
    if (rng.chance(70)) {
        std::string local = std::string(first.latin) + (rng.chance(50) ? "." : "") + last.latin;
        if (rng.chance(30))
            local += std::to_string(rng.between(1, 99));
        p.email = local + "@" + domains[rng.below(domain_count)];
    }
    return p;
}

} // namespace obole
