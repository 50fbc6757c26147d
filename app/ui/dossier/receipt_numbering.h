// Who numbers this device's tax receipts (core/receipts/tax_receipt_repository.h),
// and has the last word on its collections (core/sepa/collection_settlement.h).
#pragma once
#include "core/receipts/tax_receipt_repository.h"
#include "core/sepa/collection_settlement.h"
#include "ui/app_state.h"

namespace obole::ui {

// A device that has never been enrolled, on data that never came from a
// server, is its own numbering authority; otherwise the server numbers (a
// pull cursor in the meta: the data came from a server, or was synced), so
// that no number is given twice.
ReceiptNumbering receipt_numbering(const AppState& app);
// The same authority, for collections.
CollectionAuthority collection_authority(const AppState& app);

} // namespace obole::ui
