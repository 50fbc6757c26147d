// A regular donor signed up in the street by a face-to-face fundraiser, in
// one flow on a phone with no network: who they are, how much and how often,
// the SEPA mandate with the signature drawn on the device, and a yes or no
// for each consent channel. Nothing is written until the donor confirms the
// summary; then everything is written in ONE transaction (so the device
// journal makes it durable as a whole, and the outbox sends it as a whole),
// and the new member is locked for the fundraiser: only the office changes
// it (member.field_locked; the server refuses a volunteer's change).
#pragma once

#include <string>
#include <string_view>

#include "core/calendar/frequency.h"
#include "core/members/consent_repository.h"
#include "core/result.h"

namespace obole {

class Store;

// The flow's steps, in order. An error's field says which step shows it.
enum class FieldStep { donor, gift, bank, signature, consents, summary };
inline constexpr int kFieldStepCount = 6;

struct FieldConsentAnswer {
    bool answered = false, granted = false;
    std::string wording;  // as the donor was shown it
    std::string given_at; // when they answered (now_iso() form); "" = at confirmation
};

struct FieldSignupForm {
    // The donor. Unused when existing_member_id is set: a member the
    // fundraiser recognised among the likely duplicates gives again, and
    // the sign-up is theirs (their record is neither changed nor locked).
    std::string civility, first_name, last_name, email, mobile, line1, postcode, city;
    std::string existing_member_id;
    std::string amount_text;
    Frequency frequency = Frequency::monthly;
    // The mandate's UUID, chosen when the flow starts so that its reference
    // (RUM, mandate_rum()) can be shown on the summary; "" = a new one.
    std::string mandate_id;
    std::string iban_text, bic_text, holder;
    std::string signature_svg;      // core/money/signature.h
    FieldConsentAnswer consents[4]; // in kConsentChannels order
    std::string campaign_id;        // optional: the campaign the fundraiser works for
};

// The step whose screen holds `field` ("last_name" -> donor, "iban" -> bank,
// "consent_sms" -> consents, ...); summary for anything else.
FieldStep field_step_of(std::string_view field);

// Checks one step's answers without writing anything (the flow's Next).
// donor: member.last_name_required, name.*, email.*, phone.*, field.no_address
// (line1, postcode and city: the mandate needs the debtor's address),
// address.bad_postcode; gift: amount.*; bank: iban.*, bic.*,
// mandate.no_holder; signature: signature.empty; consents:
// consent.unanswered (field "consent_<channel>", the first one unanswered).
Result<void> check_field_step(const FieldSignupForm& form, FieldStep step);

struct FieldSignupDone {
    std::string signup_id, member_id, mandate_id, rum;
    bool new_member = true;
};

// Checks every step, then writes in one transaction: the member with their
// address, email and mobile (MemberRepository::create), the mandate signed
// today with its signature (SepaMandateRepository::add), the four consents
// (source "field"), the field_signup row naming the fundraiser, and the new
// member's lock; each with its journal entry. Any error writes nothing.
Result<FieldSignupDone> sign_up_in_the_field(Store& store, const FieldSignupForm& form, const std::string& fundraiser);

} // namespace obole
