// Who issues tax receipts: printed on each one (Cerfa 11580 asks for all of
// it), kept in the shared settings (core/receipts/organisation_settings.h).
#pragma once

#include <string>

namespace obole {

struct Organisation {
    std::string name, address, object, signatory, place;
    // One of kLegalStatuses' codes: the box ticked under "Bénéficiaire".
    std::string legal_status;
    // The SIREN (9 digits) or, for an association with none, its RNA number
    // ("W" and 9 digits).
    std::string registration;
    std::string signatory_role; // "présidente", "trésorier", ...
    // Gifts to it also reduce the tax on real estate wealth (IFI, article 978).
    bool ifi_eligible = false;
};

// The kinds of body that may issue Cerfa 11580, as its boxes name them.
struct LegalStatus {
    const char* code;
    const char* label; // in English, translated on screen
    const char* cerfa; // the box's words on the French form
};
extern const LegalStatus kLegalStatuses[];
extern const int kLegalStatusCount;
const LegalStatus* find_legal_status(const std::string& code); // null when unknown

} // namespace obole
