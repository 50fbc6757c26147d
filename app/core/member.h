// The member dossier as the UI shows it (top part of every entry screen).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace obole {

enum class TaxReceiptPref { annual, per_gift, none, email };

const char* to_string(TaxReceiptPref pref);                        // "annual", "per_gift", ...
bool parse_tax_receipt_pref(std::string_view text, TaxReceiptPref* out); // false when unknown

struct Phone {
    std::string id, kind, number; // kind: "mobile" or "landline"; number: E.164
};

struct Email {
    std::string id, address, origin_campaign_code, origin_date;
    bool usable = true; // false after bounces
};

struct Address {
    std::string line1, line2, postcode, city, country;
};

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
    std::string memo_active, memo_misc, memo_bequest, memo_portal, notepad, created_at, updated_at;
    // Origin: the date and campaign that created the record.
    std::string origin_date, origin_campaign_id;
    // Set when a person merged this record into another (the survivor).
    std::string merged_into_id;
};

struct CampaignReceived {
    std::string campaign_id, code, name, received_date;
};

struct NewMember {
    std::string civility, first_name, last_name, email, phone, line1, postcode, city, country = "FR";
    std::string origin_campaign_id;
};

} // namespace obole
