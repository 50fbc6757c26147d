// Street sign-ups for the demo: the demo volunteer ("volunteer", the login
// the demo server prints) signed up new regular donors today and on the two
// days before, two a day, through the field mode's own sign-up: the member,
// the mandate with the signature drawn on the phone, four consents and the
// lock, so Field mode's "My day" and the dossier show them from the first start.
#include <string>

#include "core/field/field_signup.h"
#include "core/members/consent_repository.h"
#include "core/money/iban.h"
#include "core/money/signature.h"
#include "core/store/store.h"
#include "core/text/person_name.h"
#include "gen/demo_history.h"
#include "gen/demo_people.h"
#include "gen/demo_rng.h"

namespace obole {

namespace {

// A loop-and-wave scribble: the same for the same seed.
std::string demo_signature(DemoRng& rng)
{
    SignatureStroke s;
    const int lift = rng.between(20, 40);
    for (int x = 20; x <= 280; x += 3)
        s.push_back({float(x), float(70 + ((x / 3 + lift) % 14 - 7) * 3)});
    return signature_svg({s}, 300, 150).value();
}

} // namespace

Result<void> add_demo_field(const DemoHistory& h, int count, DemoCounts& counts)
{
    DemoRng rng{h.seed ^ 0xf1e1d5ull};
    static const char* const kAmounts[] = {"10", "15", "20", "30"};
    for (int i = 0; i < count; ++i) {
        // A street fundraiser signs up people who can be reached: a mobile, an address.
        DemoPerson p = random_person(rng);
        if (p.phones.empty() || p.phones[0].compare(0, 4, "+336") != 0)
            p.phones.insert(p.phones.begin(), "+336" + random_digits(rng, 8));
        FieldSignupForm f;
        f.civility = p.civility;
        f.first_name = p.first_name;
        f.last_name = p.last_name;
        f.email = p.email;
        f.mobile = p.phones[0];
        f.line1 = p.line1;
        f.postcode = p.postcode;
        f.city = p.city;
        f.amount_text = rng.pick(kAmounts);
        f.iban_text = iban_with_check_digits("FR", random_digits(rng, 23));
        f.bic_text = "PSSTFRPPPAR";
        f.holder = person_display_name(p.first_name, p.last_name);
        f.signature_svg = demo_signature(rng);
        for (int c = 0; c < 4; ++c)
            f.consents[c] = {true, rng.chance(60), consent_wording(kConsentChannels[c]), ""};
        // Two a day: today, yesterday, the day before; one in the morning, one in the afternoon.
        demo_clock(h.store, h.today - i / 2, (10 + i % 2 * 4) * 60 + rng.below(60));
        if (Result<FieldSignupDone> done = sign_up_in_the_field(h.store, f, "volunteer"); !done)
            return done.error();
        ++counts.members;
        ++counts.phones;
        counts.emails += f.email.empty() ? 0 : 1;
    }
    return {};
}

} // namespace obole
