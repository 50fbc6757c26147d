#include "core/money/gift_correction.h"

namespace obole {

namespace {
// "void" is the word in the data (and in every accounting tool); `void`
// cannot be a C++ name, hence CorrectionKind::cancel.
const char* const kKindNames[] = {"amend", "void", "refund", "move"};
} // namespace

const char* to_string(CorrectionKind kind)
{
    return kKindNames[int(kind)];
}

bool parse_correction_kind(std::string_view text, CorrectionKind* out)
{
    for (int i = 0; i < 4; ++i) {
        if (text == kKindNames[i]) {
            *out = CorrectionKind(i);
            return true;
        }
    }
    return false;
}

} // namespace obole
