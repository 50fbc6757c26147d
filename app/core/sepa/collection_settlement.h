// Collections the bank did not return in time are collected: once the
// return deadline (the creditor's return days, in TARGET2 business days after
// the collection date) has passed, each submitted collection of a run that
// was not cancelled becomes a gift (direct debit, the collection date, the
// mandate's campaign, the RUM as payment reference) whose UUID is the
// collection's own. So two office devices settling the same collection
// offline write the same gift, which the server takes once; money-in
// totals, segments and receipts count it from then on. A collection whose
// member was removed or erased since gets no gift: it stays submitted, in
// its run, for a person to decide (one such never holds back the others).
#pragma once

#include <string>

#include "core/result.h"

namespace obole {

class Store;
struct CreditorSettings;

// Who has the last word on a collection this device submitted.
enum class CollectionAuthority {
    // The device syncs (core/receipts' ReceiptNumbering::server): the server
    // refuses a collection of a period another run took first, and the
    // device then takes it off. One whose sending still waits is not settled
    // yet: its gift would count the donor twice.
    server,
    here, // the device was never enrolled: what it submitted stands
};

// How many collections became gifts.
Result<int> settle_collections(Store& store, const CreditorSettings& creditor, CollectionAuthority authority,
                               const std::string& operator_name);
// The same with the creditor Settings hold: what an office device does when
// it starts and after each sync, whether or not anyone opens the SEPA
// screen (a device without a complete creditor has run no collection).
Result<int> settle_collections(Store& store, CollectionAuthority authority, const std::string& operator_name);

} // namespace obole
