// The demo association's members, their contacts, the campaigns they
// received and their gifts, then the dossier's other tabs (demo_history.h),
// all in one transaction and all through the repositories: a member is
// created on the day they joined, a gift is entered on the day it was given.
#include "gen/demo_data.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/calendar/date.h"
#include "core/campaigns/campaign_repository.h"
#include "core/members/member.h"
#include "core/members/member_repository.h"
#include "core/money/gift.h"
#include "core/money/gift_correction_repository.h"
#include "core/money/gift_repository.h"
#include "core/money/money.h"
#include "core/search/search_words.h"
#include "core/store/demo_mark.h"
#include "core/store/store.h"
#include "gen/demo_history.h"
#include "gen/demo_people.h"
#include "gen/demo_rng.h"

namespace obole {

namespace {

constexpr const char* kOffice = "demo"; // the operator of what the office typed

const char* const kMemos[] = {"VIP", "Membre du CA", "Bénévole actif", "Grand donateur — appeler avant tout envoi",
                              "Trésorière de l'antenne de Lyon"};
const char* const kNotes[] = {
    "A appelé pour changer d'adresse.",
    "Préfère être contactée par courriel.",
    "Ne pas appeler le week-end.",
    "Rencontré au forum des associations, très intéressé par les parrainages.",
    "Demande un reçu fiscal récapitulatif chaque année.",
    "Souhaite recevoir la lettre d'information papier.",
    "Legs évoqué lors de l'entretien de mars.",
    "Говорит по-французски; предпочитает письма на русском.",
    "日本語の資料を希望。",
};
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

std::string two_digits(int n)
{
    char b[16];
    std::snprintf(b, sizeof b, "%02d", n);
    return b;
}

// Twelve campaigns, one a quarter over the last three years: a newsletter,
// a postal appeal, an event and a year-end appeal in turn.
std::vector<Campaign> plan_campaigns(long long today)
{
    static const char* const kMonthsFr[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                            "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
    std::vector<Campaign> out;
    for (int i = 0; i < 12; ++i) {
        std::string date = iso_from_days(today - (12 - i) * 91 + 10);
        int year = std::atoi(date.substr(0, 4).c_str()), month = std::atoi(date.substr(5, 2).c_str());
        std::string ym = std::to_string(year) + "-" + two_digits(month);
        std::string when = std::string(kMonthsFr[month - 1]) + " " + std::to_string(year);
        Campaign c;
        c.start_date = date;
        switch (i % 4) {
        case 0:
            c.code = "NL" + ym;
            c.name = "Lettre d'information " + when;
            c.channel = "email";
            break;
        case 1:
            c.code = "AP" + ym;
            c.name = "Appel aux dons " + when;
            c.channel = "mail";
            break;
        case 2:
            c.code = "EV" + ym;
            c.name = "Soirée des adhérents " + when;
            c.channel = "event";
            break;
        default:
            c.code = "FA" + ym;
            c.name = "Appel de fin d'année " + when;
            c.channel = "mail";
            break;
        }
        out.push_back(c);
    }
    return out;
}

// A typical gift amount in cents for a giving profile.
int64_t amount_for(DemoRng& rng, int profile)
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

PaymentMethod random_method(DemoRng& rng)
{
    int r = rng.below(100);
    if (r < 35)
        return PaymentMethod::cheque;
    if (r < 65)
        return PaymentMethod::card;
    if (r < 80)
        return PaymentMethod::cash;
    if (r < 95)
        return PaymentMethod::transfer;
    return PaymentMethod::other;
}

class DemoWriter {
public:
    DemoWriter(Store& store, long long today, uint64_t seed, DemoHistory& history, DemoCounts& counts)
        : store_(store), members_(store), seed_(seed), rng_{seed}, today_(today), history_(history), counts_(counts)
    {
    }

    // The twelve campaigns, each created a month before it starts; a second
    // run in the same database reuses them.
    Result<void> campaigns()
    {
        CampaignRepository repo(store_);
        for (Campaign& c : plan_campaigns(today_)) {
            if (Result<Campaign> existing = repo.find_by_code(c.code)) {
                history_.campaigns.push_back(*existing);
                continue;
            }
            demo_clock(store_, days_from_iso(c.start_date) - 30);
            Result<std::string> id = repo.create(c, kOffice);
            if (!id)
                return id.error();
            c.id = *id;
            history_.campaigns.push_back(c);
            ++counts_.campaigns;
        }
        return {};
    }

    // `count` members, entered in name order, as an office copies a card
    // index from A to Z: each then takes the next place of the search index,
    // which never has to be renumbered for room (core/search/search_index.cpp),
    // so a million members cost a million times one. (In random order, the
    // many people of one common name exhaust the room between two names and
    // the whole index is renumbered again and again.)
    Result<void> members(int count)
    {
        std::vector<std::pair<std::string, int>> order;
        order.reserve(size_t(count));
        for (int i = 0; i < count; ++i) {
            DemoRng rng = person_rng(i);
            const DemoPerson person = random_person(rng);
            SearchSource name;
            name.first_name = person.first_name;
            name.last_name = person.last_name;
            order.push_back({search_words_for(name).sort_key, i});
        }
        std::sort(order.begin(), order.end());
        for (const auto& entry : order) {
            DemoRng rng = person_rng(entry.second);
            if (Result<void> r = member(random_person(rng)); !r)
                return r;
        }
        return {};
    }

private:
    // The i-th person of the run, drawn the same whenever it is asked for.
    DemoRng person_rng(int i) const { return DemoRng{seed_ ^ (0x2545F4914F6CDD1Dull * uint64_t(i + 1))}; }

    // A member as the office created them on the day they joined, with what
    // it knew of them then, and their history since.
    Result<void> member(const DemoPerson& person)
    {
        const long long entry = today_ - rng_.below(3650);
        const std::string entry_date = iso_from_days(entry);
        const std::string birth =
            rng_.chance(80) ? iso_from_days(days_from_iso("1935-01-01") + rng_.below(70 * 365)) : "";
        // The campaign that brought the member: the last one before entry, for half of them.
        std::string origin_campaign;
        for (const Campaign& c : history_.campaigns)
            if (days_from_iso(c.start_date) <= entry)
                origin_campaign = c.id;
        if (rng_.chance(50))
            origin_campaign.clear();
        const bool stop_promo = rng_.chance(5);
        const int r = rng_.below(100);
        const TaxReceiptPref receipt = r < 70   ? TaxReceiptPref::annual
                                       : r < 85 ? TaxReceiptPref::email
                                       : r < 95 ? TaxReceiptPref::per_gift
                                                : TaxReceiptPref::none;
        const std::string suspension = rng_.chance_permille(15) ? "NPAI" : rng_.chance_permille(5) ? "DCD" : "";
        const std::string memo = rng_.chance(3) ? rng_.pick(kMemos) : "";
        const std::string note = rng_.chance(10) ? rng_.pick(kNotes) : "";
        MemberProfile profile{entry_date, birth, "", "", 0, 0};
        if (rng_.chance(60)) {
            profile.internal_codes = some_codes(rng_, kInternalCodes, 8);
            profile.internal_score = rng_.between(5, 95);
        }
        if (rng_.chance(35)) {
            profile.external_codes = some_codes(rng_, kExternalCodes, 6);
            profile.external_score = rng_.between(10, 100);
        }
        const bool email_usable = !rng_.chance(8);

        demo_clock(store_, entry, 9 * 60 + 30);
        NewMember fields;
        fields.civility = person.civility;
        fields.first_name = person.first_name;
        fields.last_name = person.last_name;
        fields.line1 = person.line1;
        fields.postcode = person.postcode;
        fields.city = person.city;
        fields.origin_campaign_id = origin_campaign;
        // The form takes one phone and one email; a second phone, or an
        // address known to bounce, is added in the dossier afterwards.
        if (!person.phones.empty())
            fields.phone = person.phones[0];
        if (email_usable)
            fields.email = person.email;
        Result<std::string> id = members_.create(fields, kOffice);
        if (!id)
            return id.error();
        ++counts_.members;
        counts_.phones += int64_t(person.phones.size());
        for (size_t n = 1; n < person.phones.size(); ++n)
            if (Result<std::string> r =
                    members_.add_phone(*id, {person.phones[n], origin_campaign, entry_date}, kOffice);
                !r)
                return r.error();
        if (!person.email.empty()) {
            ++counts_.emails;
            if (!email_usable)
                if (Result<std::string> r =
                        members_.add_email(*id, {person.email, origin_campaign, entry_date, false}, kOffice);
                    !r)
                    return r.error();
        }
        if (!birth.empty() || profile.internal_score || profile.external_score)
            if (Result<void> r = members_.set_profile(*id, profile, kOffice); !r)
                return r;
        if (!suspension.empty() || stop_promo || receipt != TaxReceiptPref::annual)
            if (Result<void> r = members_.set_markers(*id, suspension, stop_promo, receipt, kOffice); !r)
                return r;
        if (!memo.empty())
            if (Result<void> r = members_.set_memo_active(*id, memo, kOffice); !r)
                return r;
        if (!note.empty())
            if (Result<void> r = members_.set_notepad(*id, note, kOffice); !r)
                return r;
        history_.members.push_back({*id, person.email, entry, person.civility, false});

        // Campaigns received since entry: each goes to a segment of the
        // file (fewer for stop-promo members).
        std::vector<const Campaign*> received;
        for (const Campaign& c : history_.campaigns) {
            const long long day = days_from_iso(c.start_date);
            if (day < entry || day > today_ || !rng_.chance(stop_promo ? 10 : 45))
                continue;
            demo_clock(store_, day);
            if (Result<void> r = CampaignRepository(store_).add_received(*id, c.id, c.start_date); !r)
                return r;
            received.push_back(&c);
            ++counts_.received;
        }
        return gifts(*id, entry, received);
    }

    // Giving profiles: 30% never gave, 40% small occasional, 8% monthly
    // direct debit (some stopped), 12% lapsed, 7% mid-level, 3% major.
    Result<void> gifts(const std::string& member_id, long long entry, const std::vector<const Campaign*>& received)
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

        GiftRepository repo(store_);
        for (const auto& [day, profile] : gifts) {
            const bool monthly = profile == 0;
            NewGift gift;
            gift.member_id = member_id;
            gift.method = monthly ? PaymentMethod::direct_debit : random_method(rng_);
            // Coded to the last campaign received before the gift, mostly.
            if (!monthly && rng_.chance(80))
                for (const Campaign* c : received)
                    if (days_from_iso(c->start_date) <= day)
                        gift.campaign_id = c->id;
            gift.date_text = iso_from_days(day);
            gift.amount_text = typed_amount(monthly ? int64_t(rng_.between(1, 6)) * 500 : amount_for(rng_, profile));
            if (gift.method == PaymentMethod::cheque) {
                gift.cheque_number = random_digits(rng_, 7);
                gift.cheque_bank = cheque_bank_for(gift.cheque_number);
            }
            demo_clock(store_, day);
            if (Result<std::string> r = repo.add(gift, kOffice); !r)
                return r.error();
            ++counts_.gifts;
        }
        return {};
    }

    Store& store_;
    MemberRepository members_;
    uint64_t seed_;
    DemoRng rng_;
    long long today_;
    DemoHistory& history_;
    DemoCounts& counts_;
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
    {{"Mme", "Hélène", "Dupont", "helene.dupont@example.fr", "+33 6 12 34 56 78", "12 rue Oberkampf", "75011", "Paris",
      "FR", ""},
     "VIP — membre du conseil d'administration",
     "Préfère être appelée le matin. Sensible aux projets jeunesse.",
     {50, 120, 75}},
    {{"", "Иван", "Петров", "ivan.petrov@example.ru", "+7 912 345 67 89", "8 avenue Jean Jaurès", "69007", "Lyon", "FR",
      ""},
     "",
     "Reçu fiscal à envoyer en fin d'année.",
     {30, 30, 0}},
    {{"", "太郎", "山田", "taro.yamada@example.jp", "+81 90 1234 5678", "3 rue de la Paix", "13001", "Marseille", "FR",
      ""},
     "",
     "",
     {200, 0, 0}},
};

// They joined 900 days before the reference day, they, their email and their
// phone brought by the campaign current then; they received the last three
// campaigns, so the dossier lists them and a new gift has a default campaign.
Result<void> add_showcase_members(DemoHistory& h, DemoCounts& counts)
{
    const long long entry = h.today - 900;
    std::string origin;
    for (const Campaign& c : h.campaigns)
        if (days_from_iso(c.start_date) <= entry)
            origin = c.id;
    for (const Showcase& s : kShowcase) {
        demo_clock(h.store, entry, 11 * 60);
        NewMember fields = s.fields;
        fields.origin_campaign_id = origin;
        fields.phone.clear(); // added with its origin, below
        Result<std::string> id = MemberRepository(h.store).create(fields, kOffice);
        if (!id)
            return id.error();
        ContactFields phone{s.fields.phone, origin, iso_from_days(entry)};
        if (Result<std::string> r = MemberRepository(h.store).add_phone(*id, phone, kOffice); !r)
            return r.error();
        ++counts.members;
        ++counts.emails;
        ++counts.phones;
        h.members.push_back({*id, fields.email, entry, fields.civility, true});
        if (*s.memo_active)
            if (Result<void> r = MemberRepository(h.store).set_memo_active(*id, s.memo_active, kOffice); !r)
                return r;
        if (*s.notepad)
            if (Result<void> r = MemberRepository(h.store).set_notepad(*id, s.notepad, kOffice); !r)
                return r;
        for (size_t i = h.campaigns.size() > 3 ? h.campaigns.size() - 3 : 0; i < h.campaigns.size(); ++i) {
            const Campaign& c = h.campaigns[i];
            if (days_from_iso(c.start_date) > h.today)
                continue;
            demo_clock(h.store, days_from_iso(c.start_date));
            if (Result<void> r = CampaignRepository(h.store).add_received(*id, c.id, c.start_date); !r)
                return r;
            ++counts.received;
        }
        for (int g = 0; g < 3 && s.gifts_euros[g] > 0; ++g) {
            NewGift gift;
            gift.member_id = *id;
            gift.amount_text = std::to_string(s.gifts_euros[g]);
            gift.date_text = iso_from_days(h.today - 300 + g * 120);
            gift.method = g % 2 ? PaymentMethod::card : PaymentMethod::cheque;
            demo_clock(h.store, days_from_iso(gift.date_text));
            if (Result<std::string> r = GiftRepository(h.store).add(gift, kOffice); !r)
                return r.error();
            ++counts.gifts;
        }
    }
    return {};
}

// A member with a long history, as old associations have: a parish that has
// given every week since the 1980s (2,000 gifts, entered by two people of the
// office, whose notes on the file changed 200 times). The dossier must open
// as fast for it as for anyone (the figure is in tools/obole bench), and the
// browser test of the dossier's tabs opens it.
constexpr int kLongHistoryGifts = 2000;
constexpr int kLongHistoryNotes = 200;
// Corrected a week after they were entered, the newest 200 gifts left as
// they came: an amount misread, part of a gift given back.
constexpr int kLongHistoryCorrections = 200;

// The week after a gift: the treasurer amends it (a cheque misread by €5) or
// refunds €5 of it, in turn.
Result<void> correct_long_history_gift(DemoHistory& h, const std::string& gift_id, const NewGift& gift, int64_t cents,
                                       long long day, int n)
{
    demo_clock(h.store, day + 6, 10 * 60);
    GiftCorrectionRepository corrections(h.store);
    Result<std::string> r =
        n % 2 == 0 ? corrections.amend(gift_id, {typed_amount(cents + 500), gift.date_text, "", gift.method},
                                       "Montant mal lu sur le chèque", "claire")
                   : corrections.refund(gift_id, {"5", iso_from_days(day + 6), PaymentMethod::transfer},
                                        "Remboursement partiel demandé par la paroisse", "claire");
    if (!r)
        return r.error();
    return {};
}

Result<void> add_long_history_member(DemoHistory& h, DemoCounts& counts)
{
    const long long first_day = h.today - 7LL * (kLongHistoryGifts - 1);
    demo_clock(h.store, first_day, 9 * 60);
    NewMember fields;
    fields.last_name = "Paroisse Saint-Roch";
    fields.email = "secretariat@saint-roch.example.fr";
    fields.phone = "+33 1 42 44 13 20";
    fields.line1 = "296 rue Saint-Honoré";
    fields.postcode = "75001";
    fields.city = "Paris";
    Result<std::string> id = MemberRepository(h.store).create(fields, kOffice);
    if (!id)
        return id.error();
    ++counts.members;
    ++counts.emails;
    ++counts.phones;
    h.members.push_back({*id, fields.email, first_day, "", true});

    DemoRng rng{h.seed ^ 0x5a1e7ull};
    static const char* const kNotepad[] = {
        "Appel du secrétariat : demande de reçu fiscal",
        "Remerciements pour la quête de Noël",
        "Courrier : rapport annuel envoyé",
        "Contact : le père Martin, le mardi matin",
        "Reçu fiscal envoyé par email",
    };
    for (int i = 0, note = 0, corrected = 0; i < kLongHistoryGifts; ++i) {
        const long long day = first_day + 7LL * i;
        const bool cheque = i % 4 != 0;
        const char* who = i % 3 ? "claire" : "marc";
        NewGift gift;
        gift.member_id = *id;
        const int64_t cents = int64_t(rng.between(4, 60)) * 500;
        gift.amount_text = typed_amount(cents);
        gift.date_text = iso_from_days(day);
        gift.method = cheque ? PaymentMethod::cheque : PaymentMethod::transfer;
        if (cheque) {
            gift.cheque_number = random_digits(rng, 7);
            gift.cheque_bank = cheque_bank_for(gift.cheque_number);
        }
        demo_clock(h.store, day);
        Result<std::string> gift_id = GiftRepository(h.store).add(gift, who);
        if (!gift_id)
            return gift_id.error();
        ++counts.gifts;
        // What people noted on the file over the years: calls, letters.
        if (note < kLongHistoryNotes && i * kLongHistoryNotes >= note * kLongHistoryGifts) {
            demo_clock(h.store, day, 14 * 60 + 30);
            const std::string text = std::string(rng.pick(kNotepad)) + " (" + iso_from_days(day) + ")";
            if (Result<void> r = MemberRepository(h.store).set_notepad(*id, text, who); !r)
                return r;
            ++note;
        }
        if (corrected < kLongHistoryCorrections && i % 9 == 3) {
            if (Result<void> r = correct_long_history_gift(h, *gift_id, gift, cents, day, corrected++); !r)
                return r;
        }
    }
    return {};
}

} // namespace

void demo_clock(Store& store, long long day, int minute)
{
    store.set_clock(int64_t(day) * kMsPerDay + int64_t(minute) * 60'000);
}

Result<DemoCounts> generate_demo_counted(Store& store, const DemoOptions& options)
{
    if (options.members < 0)
        return fail("demo.bad_options", "The number of members cannot be negative.");
    if (!options.today.empty() && !parse_date(options.today))
        return fail("demo.bad_options", "The reference date is not a valid ISO date.");
    const int64_t clock_before = store.stopped_clock();
    const long long today = days_from_iso(options.today.empty() ? store.today() : options.today);
    DemoCounts counts;
    DemoHistory history{store, today, options.seed, {}, {}};
    // The showcase members and the long history (below), and the street
    // sign-ups of a demo big enough, count among the members asked for.
    const int showcase = options.members >= 4 ? 4 : 0;
    const int signups = options.members >= 50 ? 6 : 0;
    Result<void> r = store.transaction([&]() -> Result<void> {
        DemoWriter writer(store, today, options.seed, history, counts);
        if (Result<void> r = writer.campaigns(); !r)
            return r;
        if (Result<void> r = writer.members(std::max(0, options.members - showcase - signups)); !r)
            return r;
        if (showcase) {
            if (Result<void> r = add_showcase_members(history, counts); !r)
                return r;
            if (options.long_history)
                if (Result<void> r = add_long_history_member(history, counts); !r)
                    return r;
        }
        // The dossier's other tabs, for the members just made.
        for (auto add : {add_demo_finance, add_demo_tax_receipts, add_demo_behaviour, add_demo_synthesis})
            if (Result<void> r = add(history); !r)
                return r;
        if (Result<void> r = add_demo_field(history, signups, counts); !r)
            return r;
        // Marked as the demo, with it: the server serves it to anyone, the app says so.
        if (Result<void> r = mark_demo_data(store); !r)
            return r;
        // The segments are computed at COMMIT for the store's today: the reference day.
        demo_clock(store, today, 18 * 60);
        return {};
    });
    store.set_clock(clock_before);
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
