// Which mandates a collection run takes on a day, with which sequence type
// and amendment: what the operator checks before the file is written.
//
// A mandate is due on a day when it is active, its first collection date (or
// signature date) has come, the day's month is one of its months (every
// month, every 3rd, 6th or 12th from its first), it has not ended, and no
// collection of it for that month's period is live (submitted, collected or
// failed: a failed one is not retried by the next run; the donor is called).
// A one-off mandate is due once.
//
// Sequence type (EPC SDD Core rulebook): OOFF for a one-off mandate; FRST for
// the first collection that reaches the bank, and again after the donor moved
// to another bank; FNAL when the mandate's end date comes before its next
// period; RCUR otherwise. An amendment (the account or the RUM changed since
// the last collection, or the association's ICS did) travels once, with the
// next collection.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/calendar/frequency.h"
#include "core/result.h"

namespace obole {

class Store;
struct CreditorSettings;

// What the plan needs to know of a mandate and of its collections so far.
struct MandateForPlan {
    Frequency frequency = Frequency::monthly;
    bool one_off = false;
    std::string first_date;    // the first collection date, or the signature date
    std::string end_date;      // "" when it has no end
    std::string latest_period; // of its newest live collection, "" when none
    int64_t reached_bank = 0;  // collections submitted or collected so far
    std::string iban, bic, amended_from_iban, amended_from_bic;
};

// The period ("2026-12", "once") the mandate would be collected for on
// `date`, or "" when it is not due.
std::string due_period(const MandateForPlan& mandate, const std::string& date);
// FRST, RCUR, FNAL or OOFF for a due collection on `date`.
std::string sequence_type(const MandateForPlan& mandate, const std::string& date);
// The donor's new account is at another bank than the old one: the
// amendment says SMNDA instead of the old IBAN.
bool moved_to_another_bank(const MandateForPlan& mandate);

struct PlannedCollection {
    std::string mandate_id, member_id, member_name;
    int64_t member_no = 0;
    std::string rum, signature_date, iban, bic, holder;
    int64_t amount_cents = 0;
    std::string period, sequence_type;
    // What changed since the last collection ("" when it did not).
    std::string amended_from_iban, amended_from_bic, amended_from_rum, amended_from_creditor;
    bool amended() const
    {
        return !amended_from_iban.empty() || !amended_from_rum.empty() || !amended_from_creditor.empty();
    }
};

struct SequenceTotal {
    int count = 0;
    int64_t amount_cents = 0;
};

struct CollectionPlan {
    std::string collection_date;
    std::vector<PlannedCollection> lines; // by member number
    std::map<std::string, SequenceTotal> by_sequence;
    SequenceTotal total;
};

// Every mandate due on `date` (a date already checked: core/sepa/business_days.h).
// A failed read is an error, never a run short of mandates.
Result<CollectionPlan> plan_collections(Store& store, const CreditorSettings& creditor, const std::string& date);

} // namespace obole
