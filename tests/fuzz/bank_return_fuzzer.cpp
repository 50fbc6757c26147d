// libFuzzer target: a bank's return file as the SEPA screen imports it
// (core/sepa/bank_return.h: pain.002 and camt.054, through the XML reader,
// core/text/xml_document.h). Beyond not crashing: a file accepted is one of
// the two formats, each of its returns names a collection and a reason
// (what the import matches and acts on), and only a status report rejects
// whole blocks.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/sepa/bank_return.h"

#include "checks.h"

using obole::fuzz::require_property;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const obole::Result<obole::BankReturnFile> file =
        obole::read_bank_return(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!file)
        return 0;
    require_property(file->format == "pain.002" || file->format == "camt.054", "a return file has a known format");
    for (const obole::BankReturnLine& line : file->lines)
        require_property(!line.end_to_end_id.empty() && !line.reason.empty(),
                         "each return names its collection and reason");
    require_property(file->blocks.empty() || file->format == "pain.002", "only a status report rejects blocks");
    return 0;
}
