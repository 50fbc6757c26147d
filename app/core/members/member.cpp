#include "core/members/member.h"

namespace obole {

namespace {
const char* const kTaxReceiptNames[] = {"annual", "per_gift", "none", "email"};
}

const char* to_string(TaxReceiptPref pref)
{
    return kTaxReceiptNames[int(pref)];
}

bool parse_tax_receipt_pref(std::string_view text, TaxReceiptPref* out)
{
    for (int i = 0; i < 4; ++i) {
        if (text == kTaxReceiptNames[i]) {
            *out = TaxReceiptPref(i);
            return true;
        }
    }
    return false;
}

} // namespace obole
