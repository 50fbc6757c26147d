// Memberships (adhésions): one row per period. Renewing adds the next period
// in one action; the status shown (active, due for renewal, expired) is
// derived from the dates, so it never needs a write to stay true.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/money/gift.h"
#include "core/result.h"

namespace obole {

class Store;

struct Membership {
    std::string id, member_id, period_start, period_end;
    int64_t fee_cents = 0;
    std::string payment_method, paid_date, renewal_date, status, operator_name, created_at;
};

enum class MembershipState { active, due_for_renewal, expired, cancelled };
const char* to_string(MembershipState s); // "active", "due_for_renewal", "expired", "cancelled"

// cancelled when cancelled; expired once today is after the period; due for
// renewal from its renewal date to the end of the period; active otherwise.
MembershipState membership_state(const Membership& m, const std::string& today);

struct NewMembership {
    std::string member_id, start_text, end_text, fee_text, paid_date_text;
    PaymentMethod method = PaymentMethod::cheque;
};

// Days before the end of a period when renewal is asked for.
constexpr int kRenewalNoticeDays = 30;

class MembershipRepository {
public:
    explicit MembershipRepository(Store& store) : store_(store) {}

    // start_text: a date (date.*, field "start"); end_text empty means one
    // year (the day before the anniversary), else a date after the start
    // (membership.end_before_start, field "end"); fee_text: an amount
    // (amount.*, field "fee"); paid_date_text: empty (not paid yet) or a date
    // not in the future (field "paid_date"). A period overlapping another
    // (not cancelled) of the member is membership.overlaps. member.not_found.
    // One transaction with its journal row; returns the id.
    Result<std::string> add(const NewMembership& m, const std::string& operator_name);

    // The next period of the member's latest membership: it starts the day
    // after that one ends, lasts as long (in months when it was whole months)
    // and costs the same fee, paid today by the same method.
    // membership.none_to_renew when the member has none.
    Result<std::string> renew(const std::string& member_id, const std::string& operator_name);

    // At a stand, in one action: the next period of a membership due for
    // renewal, or else a year from today (no membership, or only expired or
    // cancelled ones); at `fee_text`, paid today by `method`.
    // membership.still_active when the current period is not yet due.
    Result<std::string> join_or_renew(const std::string& member_id, const std::string& fee_text, PaymentMethod method,
                                      const std::string& operator_name);

    // Newest period first.
    Result<std::vector<Membership>> list_for_member(const std::string& member_id);

private:
    Store& store_;
};

// Adds months to an ISO date, keeping the day (clamped to the month's end).
std::string add_months_iso(const std::string& iso, int months);

} // namespace obole
