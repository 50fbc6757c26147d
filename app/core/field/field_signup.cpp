#include "core/field/field_signup.h"

#include "core/calendar/date.h"
#include "core/members/member.h"
#include "core/members/member_ref.h"
#include "core/members/member_repository.h"
#include "core/money/iban.h"
#include "core/money/money.h"
#include "core/money/sepa_mandate_repository.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"
#include "core/text/text_fold.h"

namespace obole {

namespace {

const char kInsertSql[] = "INSERT INTO field_signup(id, member_ref, mandate_id, fundraiser, signed_at, created_at) "
                          "VALUES(?1, ?2, ?3, ?4, ?5, ?5)";

Error with_field(Error e, const char* field)
{
    e.field = field;
    return e;
}

bool blank(const std::string& s)
{
    return trim_spaces(s).empty();
}

// The donor as MemberRepository::create takes them.
NewMember new_member_of(const FieldSignupForm& f)
{
    NewMember m;
    m.civility = f.civility, m.first_name = f.first_name, m.last_name = f.last_name;
    m.email = f.email, m.phone = f.mobile;
    m.line1 = f.line1, m.postcode = f.postcode, m.city = f.city;
    m.origin_campaign_id = f.campaign_id;
    return m;
}

Result<void> check_donor(const FieldSignupForm& f)
{
    if (!f.existing_member_id.empty())
        return {};
    if (Result<CheckedMember> checked = check_new_member(new_member_of(f)); !checked) {
        // The street form calls its phone field "mobile".
        const Error& e = checked.error();
        return e.field == "phone" ? with_field(e, "mobile") : e;
    }
    const char* missing = blank(f.line1) ? "line1" : blank(f.postcode) ? "postcode" : blank(f.city) ? "city" : nullptr;
    if (missing)
        return fail("field.no_address", "Enter the donor's address: the mandate needs it.", missing);
    return {};
}

Result<void> check_consents(const FieldSignupForm& f)
{
    for (int i = 0; i < 4; ++i)
        if (!f.consents[i].answered || blank(f.consents[i].wording))
            return fail("consent.unanswered", "Ask the donor about every channel and record yes or no.",
                        std::string("consent_") + to_string(kConsentChannels[i]));
    return {};
}

Result<void> insert_signup(Store& store, const std::string& id, const std::string& member_id,
                           const std::string& mandate_id, const std::string& fundraiser)
{
    Result<int64_t> member_ref = live_member_ref(store, member_id);
    if (!member_ref)
        return member_ref.error();
    Statement insert(store.db(), kInsertSql);
    insert.bind_uuid(1, id);
    insert.bind_int64(2, *member_ref);
    insert.bind_uuid(3, mandate_id);
    insert.bind_text(4, fundraiser);
    insert.bind_text(5, store.now_iso());
    return insert.run();
}

} // namespace

FieldStep field_step_of(std::string_view f)
{
    if (f == "civility" || f == "first_name" || f == "last_name" || f == "email" || f == "mobile" || f == "phone" ||
        f == "line1" || f == "postcode" || f == "city" || f == "origin_campaign")
        return FieldStep::donor;
    if (f == "amount" || f == "frequency")
        return FieldStep::gift;
    if (f == "iban" || f == "bic" || f == "holder")
        return FieldStep::bank;
    if (f == "signature")
        return FieldStep::signature;
    if (f.substr(0, 8) == "consent_")
        return FieldStep::consents;
    return FieldStep::summary;
}

Result<void> check_field_step(const FieldSignupForm& f, FieldStep step)
{
    switch (step) {
    case FieldStep::donor: return check_donor(f);
    case FieldStep::gift:
        if (Result<int64_t> cents = parse_amount_cents(f.amount_text); !cents)
            return with_field(cents.error(), "amount");
        return {};
    case FieldStep::bank:
        if (Result<MandateAccount> account = check_mandate_account(f.iban_text, f.bic_text, f.holder); !account)
            return account.error();
        return {};
    case FieldStep::signature:
        if (blank(f.signature_svg))
            return fail("signature.empty", "The donor has not signed yet: ask them to sign in the box.", "signature");
        return {};
    case FieldStep::consents: return check_consents(f);
    case FieldStep::summary: return {};
    }
    return {};
}

Result<FieldSignupDone> sign_up_in_the_field(Store& store, const FieldSignupForm& f, const std::string& fundraiser)
{
    for (int s = 0; s < kFieldStepCount; ++s)
        if (Result<void> r = check_field_step(f, FieldStep(s)); !r)
            return r.error();

    FieldSignupDone done;
    done.signup_id = new_uuid_v7();
    done.mandate_id = f.mandate_id.empty() ? new_uuid_v7() : f.mandate_id;
    done.rum = mandate_rum(done.mandate_id);
    done.new_member = f.existing_member_id.empty();
    // The time the donor confirmed: every consent without its own time gets it.
    const std::string now = store.now_iso();
    Result<void> written = store.transaction([&]() -> Result<void> {
        MemberRepository members(store);
        if (done.new_member) {
            Result<std::string> id = members.create(new_member_of(f), fundraiser);
            if (!id)
                return id.error();
            done.member_id = *id;
        } else {
            if (Result<int64_t> ref = live_member_ref(store, f.existing_member_id); !ref)
                return ref.error();
            done.member_id = f.existing_member_id;
        }

        NewSepaMandate mandate;
        mandate.id = done.mandate_id;
        mandate.member_id = done.member_id;
        mandate.iban_text = f.iban_text;
        mandate.bic_text = f.bic_text;
        mandate.holder = f.holder;
        mandate.signature_date_text = store.today();
        mandate.amount_text = f.amount_text;
        mandate.frequency = f.frequency;
        mandate.signature_svg = f.signature_svg;
        if (Result<std::string> r = SepaMandateRepository(store).add(mandate, fundraiser); !r)
            return r.error();

        ConsentRepository consents(store);
        for (int i = 0; i < 4; ++i) {
            NewConsent c;
            c.channel = kConsentChannels[i];
            c.granted = f.consents[i].granted;
            c.wording = f.consents[i].wording;
            c.given_at = f.consents[i].given_at.empty() ? now : f.consents[i].given_at;
            c.source = "field";
            if (Result<std::string> r = consents.record(done.member_id, c, fundraiser); !r)
                return r.error();
        }

        if (Result<void> r = insert_signup(store, done.signup_id, done.member_id, done.mandate_id, fundraiser); !r)
            return r;
        Result<int64_t> cents = parse_amount_cents(f.amount_text);
        const std::string detail = done.rum + " " + std::to_string(*cents) + " EUR " + to_string(f.frequency);
        if (Result<void> r = Journal(store).append(done.member_id, "field.signup", detail, fundraiser); !r)
            return r;
        // A member who was already ours keeps their record as the office holds it.
        return done.new_member ? members.set_field_locked(done.member_id, true, fundraiser) : Result<void>();
    });
    if (!written)
        return written.error();
    return done;
}

} // namespace obole
