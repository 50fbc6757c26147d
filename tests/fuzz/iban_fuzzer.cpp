// libFuzzer target: bank details as a person types them (core/money/iban.h):
// IBANs, with the message that points at a mistyped character, and BICs.
// Beyond not crashing: check_iban and validate_iban agree; an IBAN accepted
// is compact, reads back from its printed form (groups of four) as itself,
// and its masked forms hide it; a refused one has a message; a BIC accepted
// reads back as itself.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/money/iban.h"

#include "checks.h"

using obole::fuzz::require_property;

namespace {

void check_iban_text(std::string_view text)
{
    const obole::IbanCheck check = obole::check_iban(text);
    const obole::Result<std::string> valid = obole::validate_iban(text);
    require_property(check.ok == valid.ok(), "check_iban and validate_iban agree");
    if (!check.ok) {
        require_property(!obole::describe_iban_problem(check.problem).empty(), "a refused IBAN has a message");
        return;
    }
    require_property(*valid == check.iban, "check_iban and validate_iban give the same IBAN");
    const obole::IbanCheck printed = obole::check_iban(obole::format_iban(check.iban));
    require_property(printed.ok && printed.iban == check.iban, "an IBAN's printed form reads back as itself");
    const std::string masked = obole::masked_compact_iban(check.iban);
    require_property(obole::is_masked_iban(masked) && masked.size() == check.iban.size(), "a masked IBAN hides it");
    require_property(!obole::check_iban(masked).ok, "a masked IBAN is no IBAN to collect from");
    require_property(!obole::mask_iban(check.iban).empty(), "a masked IBAN shows");
}

void check_bic_text(std::string_view text)
{
    const obole::Result<std::string> bic = obole::validate_bic(text);
    require_property(bic.ok() == obole::is_valid_bic(text), "validate_bic and is_valid_bic agree");
    if (bic) {
        const obole::Result<std::string> again = obole::validate_bic(*bic);
        require_property(again && *again == *bic, "a BIC accepted reads back as itself");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    check_iban_text(text);
    check_bic_text(text);
    return 0;
}
