// Members the association has not heard from for years (GDPR, article
// 5(1)(e): personal data kept no longer than its purpose needs). The CNIL's
// guidance for donors is three years after the last contact that came from
// the person, so that is the default; the association may set another.
//
// "Heard from": a gift, an order, a membership running, a registration to an
// event, a consent given, an email opened or clicked, or the person's entry
// itself. A person with something running (an active mandate, recurring card
// gift or sponsorship, or a bequest in the pipeline) is never proposed,
// however old their last gift: the association still acts for them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace obole {

class Store;

inline constexpr const char* kRetentionYearsSetting = "retention_years";
inline constexpr int kDefaultRetentionYears = 3;
inline constexpr int kMaxRetentionYears = 50;

struct InactiveMember {
    std::string id;
    int64_t member_no = 0;
    std::string name;          // "First Last"
    std::string last_activity; // ISO date
};

// The years in force (setting, or the default).
int retention_years(Store& store);

// `years` (1..kMaxRetentionYears, else retention.years) before `today`.
Result<std::string> retention_cutoff(const std::string& today, int years);

// Members whose last activity is before the cutoff, oldest first; erased
// members are not listed (nothing is left to erase).
Result<std::vector<InactiveMember>> inactive_members(Store& store, const std::string& today, int years);

} // namespace obole
