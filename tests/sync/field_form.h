// A complete street sign-up as the field flow hands it to core: the sync
// and server tests send what it writes.
#pragma once

#include <string>

#include "core/field/field_signup.h"
#include "core/money/signature.h"
#include "core/store/uuid.h"

namespace obole::testing_support {

inline FieldSignupForm field_form(const std::string& last_name, const std::string& amount = "15",
                                  Frequency frequency = Frequency::monthly)
{
    FieldSignupForm f;
    f.first_name = "Léa";
    f.last_name = last_name;
    f.email = "lea." + std::to_string(last_name.size()) + "@example.org";
    f.mobile = "06 12 34 56 78";
    f.line1 = "3 rue des Lilas";
    f.postcode = "69003";
    f.city = "Lyon";
    f.amount_text = amount;
    f.frequency = frequency;
    f.mandate_id = new_uuid_v7();
    f.iban_text = "FR14 2004 1010 0505 0001 3M02 606";
    f.bic_text = "PSSTFRPPPAR";
    f.holder = "Léa " + last_name;
    SignatureStroke s;
    for (int x = 10; x < 250; x += 4)
        s.push_back({float(x), float(50 + x % 17)});
    f.signature_svg = signature_svg({s}, 300, 120).value();
    for (int i = 0; i < 4; ++i) {
        f.consents[i].answered = true;
        f.consents[i].granted = i == 0;
        f.consents[i].wording = consent_wording(kConsentChannels[i]);
    }
    return f;
}

} // namespace obole::testing_support
