// The association's identity printed on tax receipts, kept in the shared
// settings (core/store/setting_repository.h) so every device prints the same.
#pragma once

#include <string>

#include "core/receipts/organisation.h"
#include "core/result.h"

namespace obole {

class Store;

// A failed read is an error, never an association with no name or address.
Result<Organisation> load_organisation(Store& store);
// All fields in one transaction. The name is required (organisation.no_name);
// what is given must be right: a known legal status (organisation.bad_status),
// a SIREN or RNA number that is one (organisation.bad_registration).
Result<void> save_organisation(Store& store, const Organisation& org, const std::string& operator_name);

// Whether a receipt may be issued and printed in its name: Cerfa 11580 asks
// for the name, address, object, legal status, SIREN or RNA number and the
// signatory with their role. The error names the first thing missing
// (organisation.no_*, with its field).
Result<void> check_ready_for_receipts(const Organisation& org);

// A SIREN or an RNA number (core/text/registration_number.h).
bool is_registration_number(const std::string& text);

} // namespace obole
