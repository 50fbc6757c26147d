// SEPA direct debit mandates and the collections made under them. A mandate
// is created signed (its signature date is required: the bank refuses a
// collection without it), with a reference (RUM) made from its UUID. Its
// status moves between active and suspended; revoked is final. Collections
// come from the bank's files: the dossier only reads them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/calendar/frequency.h"
#include "core/result.h"

namespace obole {

class Store;

struct SepaMandate {
    std::string id, member_id, rum, iban, bic, holder, signature_date;
    Frequency frequency = Frequency::monthly;
    int64_t amount_cents = 0;
    std::string first_collection_date, status, operator_name, created_at;
    // The donor's signature drawn on the device (core/money/signature.h), "" when
    // the mandate was signed on paper.
    std::string signature_svg;
    // A one-off mandate is collected once (OOFF); end_date: its last
    // collection (FNAL) is the last due on or before it ("" = no end).
    bool one_off = false;
    std::string end_date;
    // What the account or reference was before an amendment the bank has not
    // been told of yet (core/sepa/collection_plan.h); "" otherwise.
    std::string amended_from_iban, amended_from_rum;
};

// status: submitted (in a run's file), collected (past the bank's return
// deadline: gift_id is the gift it became), failed (returned by the bank:
// reject_reason is its ISO reason code), cancelled (its run was), or
// rejected (recorded before collection runs existed).
struct SepaCollection {
    std::string id, mandate_id, collection_date;
    int64_t amount_cents = 0;
    std::string status, reject_reason, gift_id, sequence_type, returned_on;
};

// What changes on a mandate after it was signed: the account (a new IBAN,
// perhaps at another bank), the reference (RUM) and its end. Empty text
// keeps what the mandate has.
struct MandateAmendment {
    std::string iban_text, bic_text, rum, end_date_text;
};

struct NewSepaMandate {
    std::string member_id, iban_text, bic_text, holder, signature_date_text, amount_text;
    std::string first_collection_date_text; // optional
    Frequency frequency = Frequency::monthly;
    // Optional: the UUID chosen beforehand, when its reference (RUM) was
    // already shown to the donor (a street sign-up's summary). "" = a new one.
    std::string id;
    // Optional: the signature drawn on the device (signature_svg() of
    // core/money/signature.h); mandate.bad_signature when it is not one.
    std::string signature_svg;
    // One-off (a single collection, OOFF) and the date it ends, if any.
    bool one_off = false;
    std::string end_date_text;
};

// The account a mandate debits, checked and normalised: the IBAN (iban.*,
// field "iban"), the BIC (bic.*, field "bic") and the holder's name
// (mandate.no_holder, name.*, field "holder"). What add() checks first, for
// a form that checks a step before it writes (a street sign-up).
struct MandateAccount {
    std::string iban, bic, holder;
};
Result<MandateAccount> check_mandate_account(const std::string& iban_text, const std::string& bic_text,
                                             const std::string& holder);

class SepaMandateRepository {
public:
    explicit SepaMandateRepository(Store& store) : store_(store) {}

    // iban_text: iban.* (field "iban"; the form shows check_iban()'s precise
    // message as it is typed); bic_text: bic.* (field "bic"); holder: the
    // account holder's name (mandate.no_holder, name.*, field "holder");
    // signature_date_text: REQUIRED, not in the future
    // (mandate.no_signature_date, date.*, field "signature_date");
    // amount_text: amount.* (field "amount"); first collection date: empty or
    // a date (field "first_collection_date"). member.not_found.
    // One transaction with its journal row; returns the id.
    Result<std::string> add(const NewSepaMandate& mandate, const std::string& operator_name);

    // status: "active", "suspended" or "revoked" (mandate.bad_status); a
    // revoked mandate stays revoked (mandate.revoked); mandate.not_found.
    Result<void> set_status(const std::string& mandate_id, const std::string& status, const std::string& operator_name);

    // Changes the account, the RUM or the end date (iban.*, bic.*;
    // mandate.bad_rum: 1 to 35 letters, digits and + ? / - : ( ) . , ';
    // mandate.rum_taken; date.*; mandate.nothing_changed). A new account or
    // RUM is flagged as an amendment the next collection carries to the
    // bank; the first one since the last collection is the one the bank
    // knows, so it is kept over later ones. mandate.not_found, mandate.revoked.
    Result<void> amend(const std::string& mandate_id, const MandateAmendment& amendment,
                       const std::string& operator_name);

    // Newest signature first.
    Result<std::vector<SepaMandate>> list_for_member(const std::string& member_id);
    // Newest collection first.
    Result<std::vector<SepaCollection>> collections_for_mandate(const std::string& mandate_id);

private:
    Store& store_;
};

} // namespace obole
