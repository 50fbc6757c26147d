#include "protocol/merge.h"

namespace obole::sync {

FieldMerge merge_field(const SyncField& field, const std::string& incoming_hlc, const std::string* base,
                       const std::string& current_hlc)
{
    FieldMerge m;
    // Hlc texts sort as the clocks do (protocol/hlc.h), and "" first.
    m.take = incoming_hlc > current_hlc;
    m.conflict = field.keeps_conflicts && base && *base != current_hlc;
    return m;
}

} // namespace obole::sync
