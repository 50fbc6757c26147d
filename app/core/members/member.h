// The member dossier as the UI shows it (top part of every entry screen).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace obole {

enum class TaxReceiptPref { annual, per_gift, none, email };

const char* to_string(TaxReceiptPref pref);                              // "annual", "per_gift", ...
bool parse_tax_receipt_pref(std::string_view text, TaxReceiptPref* out); // false when unknown

struct Phone {
    std::string id, kind, number; // kind: "mobile" or "landline"; number: E.164
    // The campaign that brought the number, and when (both may be empty).
    std::string origin_campaign_code, origin_date, origin_campaign_id;
};

struct Email {
    std::string id, address, origin_campaign_code, origin_date;
    bool usable = true; // false after bounces
    std::string origin_campaign_id;
};

// What a person types to add or change a phone or an email. The number or
// address is checked and normalised; origin_date is parsed when given.
struct ContactFields {
    std::string value, origin_campaign_id, origin_date;
    bool usable = true; // emails only
};

// The Member tab's fields: dates, and marketing codes and scores (0..100).
struct MemberProfile {
    std::string entry_date, birth_date, internal_codes, external_codes;
    int internal_score = 0, external_score = 0;
};

// The four memos of the Infos tab.
enum class MemoKind { misc, active, bequest, portal };

struct Address {
    std::string line1, line2, postcode, city, country;
};

enum class DonorKind { person, organisation };

struct Member {
    std::string id;
    int64_t member_no = 0;
    std::string civility, first_name, last_name, birth_date, entry_date;
    Address address;
    std::vector<Phone> phones;
    std::vector<Email> emails;
    std::string suspension_code;
    bool stop_promo = false;
    TaxReceiptPref tax_receipt = TaxReceiptPref::annual;
    // Who gives: a person, or an organisation (a company: its receipts are
    // Cerfa 16216 and name its SIREN).
    DonorKind donor_kind = DonorKind::person;
    std::string siren;
    std::string memo_active, memo_misc, memo_bequest, memo_portal, notepad, created_at, updated_at;
    // Origin: the date and campaign that created the record.
    std::string origin_date, origin_campaign_id;
    // Marketing codes and scores (internal, and bought from data-mining firms).
    std::string internal_codes, external_codes;
    int internal_score = 0, external_score = 0;
    // The bequest pipeline's two dated steps ("" until reached).
    std::string bequest_promise_date, bequest_confirmed_date;
    // Set when a person merged this record into another (the survivor).
    std::string merged_into_id;
    // Signed up in the street and confirmed by the donor: only the office
    // (staff, admins) changes it (core/field/field_signup.h).
    bool field_locked = false;
};

struct CampaignReceived {
    std::string campaign_id, code, name, received_date;
    bool gave = false; // the member made a gift with this campaign
};

struct NewMember {
    std::string civility, first_name, last_name, email, phone, line1, postcode, city, country = "FR";
    std::string origin_campaign_id;
};

} // namespace obole
