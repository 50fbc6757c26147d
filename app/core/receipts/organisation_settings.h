// The association's identity printed on tax receipts, kept in the shared
// settings (core/store/setting_repository.h) so every device prints the same.
#pragma once

#include <string>

#include "core/receipts/tax_receipt.h"
#include "core/result.h"

namespace obole {

class Store;

Organisation load_organisation(Store& store);
// All fields in one transaction; the name is required (organisation.no_name).
Result<void> save_organisation(Store& store, const Organisation& org, const std::string& operator_name);

} // namespace obole
