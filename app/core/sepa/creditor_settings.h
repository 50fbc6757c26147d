// What the association's bank knows it by, for direct debits: its name as a
// creditor, its SEPA creditor identifier (ICS, core/sepa/creditor_id.h), the
// account collections are paid into (IBAN, BIC), the bank's lead time in
// business days, the days of the month it collects on, and how many business
// days after a collection the bank may still return it unpaid (after which
// the collection counts as collected: a gift), and after how many failed
// collections in a row a donor is listed to call (core/sepa/call_list.h).
// Shared settings: every device writes the same file.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace obole {

class Store;

struct CreditorSettings {
    std::string name, ics, iban, bic;
    int lead_days = 2;
    std::vector<int> collection_days{5};
    int return_days = 5;
    int failures_before_call = 2;

    // Everything a file needs is there.
    bool complete() const { return !name.empty() && !ics.empty() && !iban.empty(); }
};

// What a person types in Settings, before it is checked.
struct CreditorSettingsText {
    std::string name, ics, iban, bic, lead_days, collection_days, return_days, failures_before_call = "2";
};

// A failed read is an error, never a creditor left unset.
Result<CreditorSettings> load_creditor_settings(Store& store);

// Checks every field (name: sepa.no_creditor_name, field "creditor_name";
// ics.*; iban.*; bic.*; lead_days, return_days: sepa.bad_days; collection
// days, "5" or "5, 20": sepa.bad_collection_days; failures_before_call, 1 to
// 12: sepa.bad_failures) and saves them all in one
// transaction, or nothing.
Result<CreditorSettings> save_creditor_settings(Store& store, const CreditorSettingsText& text,
                                                const std::string& operator_name);

// "5, 20": how the collection days are typed and shown.
std::string collection_days_text(const std::vector<int>& days);

// The next collection days on or after `from`, each moved to the next TARGET2
// business day when it is not one: what the run offers to pick.
std::vector<std::string> next_collection_dates(const CreditorSettings& settings, const std::string& from, int count);

} // namespace obole
