// Members that may be one person (signed up twice, at two events, while
// offline). The server finds them after upload (sync/server/duplicate_finder.h);
// every device lists them, and a person merges the pair (core/members/member_merge.h)
// or says they are two people.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace obole {

class Store;

struct DuplicateCandidate {
    std::string id;
    std::string member_id, other_member_id;
    std::string member_name, other_name;
    int64_t member_no = 0, other_no = 0;
    std::string reason; // "email", "phone", "name_postcode"
};

class DuplicateRepository {
public:
    explicit DuplicateRepository(Store& store) : store_(store) {}

    // Open pairs whose members are both still there, oldest first.
    Result<std::vector<DuplicateCandidate>> open(int limit = 200);
    Result<int64_t> open_count();

    // "Two different people": the pair is not offered again.
    // Code duplicate.not_found.
    Result<void> dismiss(const std::string& candidate_id, const std::string& operator_name);

private:
    Store& store_;
};

} // namespace obole
