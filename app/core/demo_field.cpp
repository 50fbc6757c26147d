// Street sign-ups for the demo: the demo volunteer ("volunteer", the login
// the demo server prints) signed up a few regular donors today and on the
// two days before, each with a signed mandate, four consents and the lock,
// so Field mode's "My day" and the dossier show them from the first start.
#include <cstdio>

#include "core/calendar/date.h"
#include "core/demo_history.h"
#include "core/members/consent_repository.h"
#include "core/money/iban.h"
#include "core/money/signature.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"

namespace obole {

namespace {

const char kMandateSql[] =
    "INSERT INTO sepa_mandate(id, member_ref, rum, iban, bic, holder, signature_date, frequency, amount_cents, "
    "first_collection_date, status, operator, created_at, signature_svg) "
    "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, 'monthly', ?8, '', 'active', 'volunteer', ?9, ?10)";
const char kConsentSql[] =
    "INSERT INTO consent(id, member_ref, channel, granted, wording, given_at, source, operator, created_at) "
    "VALUES(?1, ?2, ?3, ?4, ?5, ?6, 'field', 'volunteer', ?6)";
const char kSignupSql[] = "INSERT INTO field_signup(id, member_ref, mandate_id, fundraiser, signed_at, created_at) "
                          "VALUES(?1, ?2, ?3, 'volunteer', ?4, ?4)";

constexpr int kSignups = 6;

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

Result<void> add_demo_field(const DemoHistory& h)
{
    Store& store = h.store;
    DemoRng rng{h.seed ^ 0xf1e1d5ull};
    // New donors: members who never gave and have no mandate, newest first.
    // Never a showcase member (they have a history): those must stay
    // editable by the demo volunteer, and a signed-up donor is locked. A
    // small demo (the sync simulation's) gets none.
    Statement count(store.db(), "SELECT count(*) FROM member WHERE ref >= ?1");
    count.bind_int64(1, h.first_member_ref);
    if (count.step() != Statement::Step::row || count.column_int64(0) < 50)
        return {};
    Statement members(store.db(), "SELECT ref, first_name || ' ' || last_name FROM member m "
                                  "WHERE ref >= ?1 AND deleted = 0 AND memo_active = '' "
                                  "AND NOT EXISTS(SELECT 1 FROM gift g WHERE g.member_ref = m.ref) "
                                  "AND NOT EXISTS(SELECT 1 FROM sepa_mandate s WHERE s.member_ref = m.ref) "
                                  "ORDER BY ref DESC LIMIT ?2");
    members.bind_int64(1, h.first_member_ref);
    members.bind_int64(2, kSignups);
    Statement mandate(store.db(), kMandateSql), consent(store.db(), kConsentSql), signup(store.db(), kSignupSql);
    Statement lock(store.db(), "UPDATE member SET field_locked = 1 WHERE ref = ?1");
    static const int kAmounts[] = {10, 15, 20, 30};
    for (int i = 0; members.step() == Statement::Step::row; ++i) {
        const int64_t ref = members.column_int64(0);
        const long long day = h.today - i / 2; // two a day: today, yesterday, the day before
        char at[40];
        std::snprintf(at, sizeof at, "%sT%02d:%02d:00.000Z", iso_from_days(day).c_str(), 10 + i % 2 * 4,
                      rng.below(60));
        const uint64_t ms = uint64_t(day) * 86400000ull;
        const std::string mandate_id = format_uuid_v7(ms, uint16_t(i), rng.next());
        mandate.reset();
        mandate.bind_uuid(1, mandate_id);
        mandate.bind_int64(2, ref);
        mandate.bind_text(3, mandate_rum(mandate_id));
        std::string bban;
        for (int d = 0; d < 23; ++d)
            bban += char('0' + rng.below(10));
        mandate.bind_text(4, iban_with_check_digits("FR", bban));
        mandate.bind_text(5, "PSSTFRPPPAR");
        mandate.bind_text(6, members.column_text(1));
        mandate.bind_text(7, iso_from_days(day));
        mandate.bind_int64(8, int64_t(rng.pick(kAmounts)) * 100);
        mandate.bind_text(9, at);
        mandate.bind_text(10, demo_signature(rng));
        if (Result<void> r = mandate.run(); !r)
            return r;
        for (int c = 0; c < 4; ++c) {
            consent.reset();
            consent.bind_uuid(1, format_uuid_v7(ms, uint16_t(16 + i * 4 + c), rng.next()));
            consent.bind_int64(2, ref);
            consent.bind_text(3, to_string(kConsentChannels[c]));
            consent.bind_int64(4, rng.chance(60) ? 1 : 0);
            consent.bind_text(5, consent_wording(kConsentChannels[c]));
            consent.bind_text(6, at);
            if (Result<void> r = consent.run(); !r)
                return r;
        }
        signup.reset();
        signup.bind_uuid(1, format_uuid_v7(ms, uint16_t(64 + i), rng.next()));
        signup.bind_int64(2, ref);
        signup.bind_uuid(3, mandate_id);
        signup.bind_text(4, at);
        if (Result<void> r = signup.run(); !r)
            return r;
        lock.reset();
        lock.bind_int64(1, ref);
        if (Result<void> r = lock.run(); !r)
            return r;
    }
    return {};
}

} // namespace obole
