// A tax receipt (reçu fiscal, Cerfa 11580): the proof a donor attaches to
// their tax return. Annual (every gift of a year) or per gift.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace obole {

struct TaxReceipt {
    std::string id, member_id;
    int year = 0;
    // 0 until the numbering authority gives it (the server at sync, or the
    // device itself when it was never enrolled): it cannot be printed before.
    int64_t number = 0;
    std::string kind;   // "annual" or "per_gift"
    std::string status; // "issued", or "void" when its gifts were receipted elsewhere first
    int64_t amount_cents = 0;
    std::vector<std::string> gift_ids;
    std::string first_date, last_date, donor_name, donor_address, issued_at;
    // As the donor was when it was issued: "person" (Cerfa 11580, article
    // 200) or "organisation" (a company: Cerfa 16216, article 238 bis), and
    // the company's SIREN.
    std::string donor_kind = "person", donor_registration;
    int copies = 0; // how many times it was printed; from the second, a duplicate
    std::string operator_name, created_at;
    // What it certifies, gift by gift, as issued (core/receipts/receipt_lines.h).
    std::string lines;
    // A corrective receipt: the cancelled receipt it replaces, and that one's
    // number (0 while it has none).
    std::string replaces_id;
    int64_t replaces_number = 0;
    // Cancelled when what it certifies stopped being true (a gift corrected,
    // voided, refunded or moved): the first cancellation's day and reason.
    std::string cancelled_on, cancel_reason;

    bool awaiting_number() const { return status == "issued" && number == 0; }
    bool is_void() const { return status == "void"; }
    bool is_cancelled() const { return !cancelled_on.empty(); }
};

} // namespace obole
