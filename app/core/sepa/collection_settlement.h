// Collections the bank did not return in time are collected: once the
// return deadline (the creditor's return days, in TARGET2 business days after
// the collection date) has passed, each submitted collection of a run that
// was not cancelled becomes a gift (direct debit, the collection date, the
// mandate's campaign, the RUM as payment reference) whose UUID is the
// collection's own. So two office devices settling the same collection
// offline write the same gift, which the server takes once; money-in
// totals, segments and receipts count it from then on.
#pragma once

#include <string>

#include "core/result.h"

namespace obole {

class Store;
struct CreditorSettings;

// How many collections became gifts.
Result<int> settle_collections(Store& store, const CreditorSettings& creditor, const std::string& operator_name);
// The same with the creditor Settings hold: what an office device does when
// it starts and after each sync, whether or not anyone opens the SEPA
// screen (a device without a complete creditor has run no collection).
Result<int> settle_collections(Store& store, const std::string& operator_name);

} // namespace obole
