// The bank file of a collection run: ISO 20022 pain.008.001.02 (customer
// direct debit initiation), SEPA Core scheme, as the EPC implementation
// guidelines and French banks take it. One payment information block per
// sequence type (all of a run's collections share its date), in the order
// FRST, RCUR, FNAL, OOFF; each transaction carries its collection's id as
// end-to-end id (the bank's returns name it), the mandate's RUM and signature
// date, and its amendment when there is one. Text is written in the SEPA
// Latin set (core/sepa/sepa_text.h). Checked against the schema by
// tests/unit/pain008_schema_test (xmllint, not our code).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace obole {

struct Pain008Transaction {
    std::string end_to_end_id; // at most 35 characters of the SEPA identifier set
    int64_t amount_cents = 0;
    std::string sequence_type; // FRST, RCUR, FNAL, OOFF
    std::string rum, signature_date, holder, iban, bic;
    std::string amended_from_iban, amended_from_bic, amended_from_rum, amended_from_creditor;
    bool moved_to_another_bank = false; // the amendment says SMNDA
    std::string remittance;             // what the donor's statement shows
};

struct Pain008 {
    std::string message_id, created_at; // created_at: "2026-12-06T10:00:00.000Z"
    std::string creditor_name, creditor_id, creditor_iban, creditor_bic;
    std::string collection_date;
    std::vector<Pain008Transaction> transactions;
};

// The file's bytes (UTF-8, SEPA Latin characters only).
std::string write_pain008(const Pain008& file);

// The PmtInfId of a message's payment block of one sequence type ("FRST"):
// what a bank's status report names when it rejects the block.
std::string payment_info_id(const std::string& message_id, const std::string& sequence_type);

// "12.30": an amount as ISO 20022 writes it.
std::string iso_amount(int64_t cents);

} // namespace obole
