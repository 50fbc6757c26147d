// The server numbers tax receipts. A device saves a receipt without a
// number; inside the push that brings it, the server gives it the next
// number of its year (so numbers run 1, 2, 3… per year with no gap and no
// reuse, whichever device issued the receipt and however long it was
// offline), and the numbered row goes back to every device on pull.
// A receipt for gifts another receipt already covers is recorded void
// and takes no number: no gift is receipted twice.
#pragma once

#include "core/result.h"
#include "protocol/change.h"

namespace obole {
class Store;
}

namespace obole::server {

// Sets fields "number" and "status" of a tax_receipt insert, replacing what
// the device sent (a device that was never enrolled numbered its receipts
// itself; the server's sequence wins). Call inside the push transaction.
// A failed read is an error: never a number taken twice, nor a receipt
// numbered when its gifts may be on another.
Result<void> number_tax_receipt(Store& store, sync::json& fields);

} // namespace obole::server
