// The journal: every operation, by which operator, when. Rows are appended
// inside the transaction of the change they describe.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace obole {

class Store;

struct JournalEntry {
    std::string id, at, operator_name, member_id, action, detail;
};

class Journal {
public:
    explicit Journal(Store& store) : store_(store) {}

    // action: a stable id such as "member.create" or "gift.add". Nothing
    // is written about a member erased at their request.
    Result<void> append(const std::string& member_id, const std::string& action, const std::string& detail,
                        const std::string& operator_name);

    // Newest first, with the entries of the records merged into the member.
    Result<std::vector<JournalEntry>> list_for_member(const std::string& member_id, int limit = 100);

    Result<int64_t> count();

private:
    Store& store_;
};

} // namespace obole
