// libFuzzer target: amounts as a person types them (core/money/money.h's
// parse_amount_cents, the one parser of every money field). Beyond not
// crashing: an amount accepted lies in 1 cent .. kMaxAmountCents, reads back
// from its typed form (typed_amount) as the same cents, and shows in French
// and English.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/money/money.h"

#include "checks.h"

using obole::fuzz::require_property;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const obole::Result<int64_t> cents = obole::parse_amount_cents(text);
    if (!cents)
        return 0;
    require_property(*cents > 0 && *cents <= obole::kMaxAmountCents, "an amount accepted is within the limits");
    const obole::Result<int64_t> again = obole::parse_amount_cents(obole::typed_amount(*cents));
    require_property(again && *again == *cents, "an amount's typed form reads back as the same cents");
    require_property(!obole::format_money(*cents, "EUR", "fr").empty() &&
                         !obole::format_money(*cents, "CHF", "en").empty(),
                     "an amount accepted shows");
    return 0;
}
