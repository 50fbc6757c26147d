// Reads and writes members. Every write runs in one transaction with its
// journal row and the member's search index rows, so they never disagree.
#pragma once

#include <string>
#include <vector>

#include "core/member.h"
#include "core/result.h"

namespace obole {

class Store;

class MemberRepository {
public:
    explicit MemberRepository(Store& store) : store_(store) {}

    // Code member.not_found when there is no such (non-deleted) member.
    Result<Member> get(const std::string& id);

    // Validates everything before writing anything. Codes:
    // member.last_name_required, name.* (validate_person_name) for first and
    // last names, email.* and phone.* when those are given,
    // address.bad_postcode (a French postcode is 5 digits),
    // campaign.not_found (origin campaign). Error::field names the field.
    // Assigns member_no = max + 1. Returns the new member's id.
    Result<std::string> create(const NewMember& fields, const std::string& operator_name);

    Result<void> set_notepad(const std::string& id, const std::string& text, const std::string& operator_name);
    Result<void> set_memo_active(const std::string& id, const std::string& text, const std::string& operator_name);
    // suspension_code: up to 20 characters (member.bad_suspension_code).
    Result<void> set_markers(const std::string& id, const std::string& suspension_code, bool stop_promo,
                             TaxReceiptPref tax_receipt, const std::string& operator_name);

    // A tombstone: the member disappears from search and dossiers, and the
    // deletion reaches other devices like any change. Code member.not_found.
    Result<void> remove(const std::string& id, const std::string& operator_name);

    // Newest first.
    std::vector<CampaignReceived> campaigns_received(const std::string& member_id, int limit = 10);

    int64_t count(); // members not deleted

private:
    Result<void> set_text_column(const std::string& id, const char* column, const char* action,
                                 const std::string& text, const std::string& operator_name);
    Store& store_;
};

} // namespace obole
