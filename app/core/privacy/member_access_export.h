// The right of access (GDPR, article 15): everything this copy holds about
// one person, every row that names them in every table (their identity,
// contacts, gifts and their corrections, memberships, mandates, receipts,
// consents, events, documents with their content, the journal, the
// segments Obole computed about them), as a JSON file a program can read
// and an HTML page a person can read or print to PDF. Derived search data
// and the device's own sync bookkeeping are not about the person and stay
// out.
#pragma once

#include <string>

#include "core/result.h"

namespace obole {

class Store;

struct MemberAccessExport {
    std::string file_name; // "member-1234-data.json"
    std::string json;      // {"member": {...}, "tables": {"gift": [...], ...}, "exported_at": ...}
    std::string html;      // the same, table by table; a document's content is in the JSON only
};

// member.unknown when there is no such member.
Result<MemberAccessExport> export_member_data(Store& store, const std::string& member_id);

} // namespace obole
