#include "core/receipts/organisation_settings.h"

#include "core/store/setting_repository.h"
#include "core/store/store.h"
#include "core/text/registration_number.h"
#include "core/text/text_fold.h"

namespace obole {

namespace {

struct Field {
    const char* key;
    std::string Organisation::*member;
};
const Field kFields[] = {{"organisation.name", &Organisation::name},
                         {"organisation.address", &Organisation::address},
                         {"organisation.object", &Organisation::object},
                         {"organisation.signatory", &Organisation::signatory},
                         {"organisation.signatory_role", &Organisation::signatory_role},
                         {"organisation.place", &Organisation::place},
                         {"organisation.legal_status", &Organisation::legal_status},
                         {"organisation.registration", &Organisation::registration}};
const char kIfiKey[] = "organisation.ifi_eligible";

} // namespace

bool is_registration_number(const std::string& text)
{
    return is_siren(text) || is_rna(text);
}

Result<Organisation> load_organisation(Store& store)
{
    SettingRepository settings(store);
    Organisation org;
    for (const Field& f : kFields) {
        Result<std::string> value = settings.get(f.key);
        if (!value)
            return value.error();
        org.*f.member = *value;
    }
    Result<std::string> ifi = settings.get(kIfiKey);
    if (!ifi)
        return ifi.error();
    org.ifi_eligible = *ifi == "1";
    return org;
}

Result<void> save_organisation(Store& store, const Organisation& org, const std::string& operator_name)
{
    if (trim_spaces(org.name).empty())
        return fail("organisation.no_name", "Enter the association's name.", "name");
    if (!org.legal_status.empty() && !find_legal_status(org.legal_status))
        return fail("organisation.bad_status", "Choose the association's legal status from the list.", "legal_status");
    if (!trim_spaces(org.registration).empty() && !is_registration_number(org.registration))
        return fail("organisation.bad_registration",
                    "This is not a SIREN (9 digits) or an RNA number (W and 9 digits): check it on the "
                    "association's registration papers.",
                    "registration");
    SettingRepository settings(store);
    return store.transaction([&]() -> Result<void> {
        for (const Field& f : kFields)
            if (Result<void> r = settings.set(f.key, org.*f.member, operator_name); !r)
                return r;
        return settings.set(kIfiKey, org.ifi_eligible ? "1" : "", operator_name);
    });
}

Result<void> check_ready_for_receipts(const Organisation& org)
{
    auto missing = [](const std::string& value) { return trim_spaces(value).empty(); };
    if (missing(org.name))
        return fail("organisation.no_name", "Enter the association's name in Settings before issuing receipts.",
                    "name");
    if (missing(org.address))
        return fail("organisation.no_address", "Enter the association's address in Settings before issuing receipts.",
                    "address");
    if (missing(org.object))
        return fail("organisation.no_object", "Enter the association's object in Settings before issuing receipts.",
                    "object");
    if (!find_legal_status(org.legal_status))
        return fail("organisation.no_status",
                    "Choose the association's legal status in Settings before issuing receipts.", "legal_status");
    if (!is_registration_number(org.registration))
        return fail("organisation.no_registration",
                    "Enter the association's SIREN or RNA number in Settings before issuing receipts.", "registration");
    if (missing(org.signatory) || missing(org.signatory_role))
        return fail("organisation.no_signatory",
                    "Enter who signs the receipts and their role in Settings before issuing receipts.", "signatory");
    return {};
}

} // namespace obole
