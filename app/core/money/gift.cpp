#include "core/money/gift.h"

namespace obole {

namespace {
const char* const kPaymentMethodNames[] = {"cash", "cheque", "card", "transfer", "direct_debit", "other"};
}

const char* to_string(PaymentMethod method)
{
    return kPaymentMethodNames[int(method)];
}

bool parse_payment_method(std::string_view text, PaymentMethod* out)
{
    for (int i = 0; i < 6; ++i) {
        if (text == kPaymentMethodNames[i]) {
            *out = PaymentMethod(i);
            return true;
        }
    }
    return false;
}

} // namespace obole
