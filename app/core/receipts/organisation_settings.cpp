#include "core/receipts/organisation_settings.h"

#include "core/store/setting_repository.h"
#include "core/store/store.h"
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
                         {"organisation.place", &Organisation::place}};

} // namespace

Organisation load_organisation(Store& store)
{
    SettingRepository settings(store);
    Organisation org;
    for (const Field& f : kFields)
        org.*f.member = settings.get(f.key);
    return org;
}

Result<void> save_organisation(Store& store, const Organisation& org, const std::string& operator_name)
{
    if (trim_spaces(org.name).empty())
        return fail("organisation.no_name", "Enter the association's name.", "name");
    SettingRepository settings(store);
    return store.transaction([&]() -> Result<void> {
        for (const Field& f : kFields)
            if (Result<void> r = settings.set(f.key, org.*f.member, operator_name); !r)
                return r;
        return {};
    });
}

} // namespace obole
