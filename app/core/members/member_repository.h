// Reads and writes members. Every write runs in one transaction with its
// journal row and the member's search index rows, so they never disagree.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/members/member.h"
#include "core/result.h"

namespace obole {

class Statement;
class Store;

// A new member's fields as they are stored: checked and normalised (one
// line each, the email as validate_email leaves it, the phone in E.164, the
// country in capitals, France when empty).
struct CheckedMember {
    std::string civility, first_name, last_name, email, phone, line1, postcode, city, country;
};

// What create() checks before it writes, for a form that checks first and
// writes later (a street sign-up's steps). Errors name their field:
// member.last_name_required, name.* (first_name, last_name, civility),
// email.*, phone.*, address.bad_postcode (a French postcode is 5 digits),
// address.invalid_text (line1, city).
Result<CheckedMember> check_new_member(const NewMember& fields);

class MemberRepository {
public:
    explicit MemberRepository(Store& store) : store_(store) {}

    // Code member.not_found when there is no such (non-deleted) member.
    Result<Member> get(const std::string& id);

    // Validates everything before writing anything: check_new_member(), and
    // campaign.not_found (origin campaign). Error::field names the field.
    // Assigns member_no = max + 1. Returns the new member's id.
    Result<std::string> create(const NewMember& fields, const std::string& operator_name);

    Result<void> set_notepad(const std::string& id, const std::string& text, const std::string& operator_name);
    Result<void> set_memo_active(const std::string& id, const std::string& text, const std::string& operator_name);
    // suspension_code: up to 20 characters (member.bad_suspension_code).
    Result<void> set_markers(const std::string& id, const std::string& suspension_code, bool stop_promo,
                             TaxReceiptPref tax_receipt, const std::string& operator_name);

    // A person, or an organisation (a company) with its SIREN, which its tax
    // receipts name (member.bad_siren; empty allowed: the receipt then
    // cannot be issued until it is given).
    Result<void> set_donor_kind(const std::string& id, DonorKind kind, const std::string& siren,
                                const std::string& operator_name);

    // Identity: last name required (member.last_name_required), name.* for
    // each part. Updates the search index.
    Result<void> set_identity(const std::string& id, const std::string& civility, const std::string& first_name,
                              const std::string& last_name, const std::string& operator_name);
    // The main address; country upper-cased ("FR" when empty), a French
    // postcode has 5 digits (address.bad_postcode), address.invalid_text.
    Result<void> set_address(const std::string& id, const Address& address, const std::string& operator_name);

    // Phones and emails, each with its origin campaign and date. value is
    // checked with normalize_phone (the member's country) or validate_email;
    // origin_date with parse_date (field "origin_date"); the campaign must
    // exist (campaign.not_found). update/remove take the phone's or email's id
    // (contact.not_found). remove is a tombstone. Returns the new row's id.
    Result<std::string> add_phone(const std::string& member_id, const ContactFields& f,
                                  const std::string& operator_name);
    Result<void> update_phone(const std::string& phone_id, const ContactFields& f, const std::string& operator_name);
    Result<void> remove_phone(const std::string& phone_id, const std::string& operator_name);
    Result<std::string> add_email(const std::string& member_id, const ContactFields& f,
                                  const std::string& operator_name);
    // Also sets or clears the unusable mark (f.usable); clearing it resets the bounces.
    Result<void> update_email(const std::string& email_id, const ContactFields& f, const std::string& operator_name);
    Result<void> remove_email(const std::string& email_id, const std::string& operator_name);

    // Member tab. Dates parsed (entry_date required: member.entry_date_required;
    // birth_date optional, not in the future: member.birth_in_future); codes up
    // to 200 characters (member.bad_codes); scores 0..100 (member.bad_score).
    Result<void> set_profile(const std::string& id, const MemberProfile& p, const std::string& operator_name);

    // Any of the four memos.
    Result<void> set_memo(const std::string& id, MemoKind kind, const std::string& text,
                          const std::string& operator_name);

    // Bequest pipeline: a promise, then its confirmation, each dated (date
    // parsed; "" means today). bequest.already_promised, bequest.not_promised
    // (confirm before promise), bequest.already_confirmed,
    // bequest.before_promise (confirmation dated before the promise).
    // undo removes the last step reached (bequest.nothing_to_undo).
    Result<void> bequest_promise(const std::string& id, const std::string& date, const std::string& operator_name);
    Result<void> bequest_confirm(const std::string& id, const std::string& date, const std::string& operator_name);
    Result<void> bequest_undo(const std::string& id, const std::string& operator_name);

    // Locks a member signed up in the street for the fundraiser, or unlocks
    // it (the office: the server refuses a volunteer's unlock). Journal
    // "member.field_lock" / "member.field_unlock". member.not_found.
    Result<void> set_field_locked(const std::string& id, bool locked, const std::string& operator_name);

    // A tombstone: the member disappears from search and dossiers, and the
    // deletion reaches other devices like any change. Code member.not_found.
    Result<void> remove(const std::string& id, const std::string& operator_name);

    // Newest first; gave tells whether a gift names the campaign.
    Result<std::vector<CampaignReceived>> campaigns_received(const std::string& member_id, int limit = 10);

    Result<int64_t> count(); // members not deleted

private:
    Result<void> update_member(const std::string& id, const char* set_sql, const std::function<void(Statement&)>& bind,
                               const char* action, const std::string& detail, const std::string& operator_name,
                               bool reindex);
    Result<void> set_contact(const char* table, const std::string& row_id, const ContactFields& f, bool is_email,
                             const std::string& operator_name);
    Result<std::string> add_contact(const char* table, const std::string& member_id, const ContactFields& f,
                                    bool is_email, const std::string& operator_name);
    Result<void> remove_contact(const char* table, const std::string& row_id, const std::string& operator_name);
    Result<void> set_text_column(const std::string& id, const char* column, const char* action, const std::string& text,
                                 const std::string& operator_name);
    Store& store_;
};

} // namespace obole
