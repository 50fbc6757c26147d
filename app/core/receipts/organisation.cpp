#include "core/receipts/organisation.h"

namespace obole {

// The boxes of Cerfa 11580 an association or foundation ticks most often;
// "other" is the form's "Autre organisme", named by the association's object.
const LegalStatus kLegalStatuses[] = {
    {"public_utility", "Association or foundation recognised of public utility",
     "Association ou fondation reconnue d'utilité publique"},
    {"general_interest", "Body of general interest", "Œuvre ou organisme d'intérêt général"},
    {"free_aid", "Association giving free food, care or housing to people in need",
     "Association fournissant gratuitement une aide alimentaire ou des soins médicaux à des personnes en "
     "difficulté ou favorisant leur logement"},
    {"worship", "Worship or charity association of Alsace-Moselle",
     "Association cultuelle ou de bienfaisance et établissement public des cultes reconnus d'Alsace-Moselle"},
    {"company_foundation", "Corporate foundation", "Fondation d'entreprise"},
    {"endowment_fund", "Endowment fund", "Fonds de dotation"},
    {"other", "Other body", "Autre organisme"},
};
const int kLegalStatusCount = int(sizeof kLegalStatuses / sizeof kLegalStatuses[0]);

const LegalStatus* find_legal_status(const std::string& code)
{
    for (const LegalStatus& s : kLegalStatuses)
        if (code == s.code)
            return &s;
    return nullptr;
}

} // namespace obole
