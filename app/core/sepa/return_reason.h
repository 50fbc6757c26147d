// The reason codes of SEPA R-transactions (ISO 20022 external status reason
// codes, as the EPC's SDD Core rulebook lists them for rejects, returns and
// refunds), and what each does to the mandate:
//   end      the mandate can never be collected again: the account is
//            closed (AC04), there is no mandate (MD01), the donor died (MD07)
//   suspend  it cannot be collected until someone acts: the account is
//            blocked (AC06) or not accepting direct debits (AG01), its
//            identifier is wrong (AC01), the donor refused (MS02)
//   keep     this collection failed, the mandate stays (insufficient funds
//            AM04, a refund the donor asked for MD06, the bank's reasons...)
// The labels people read are the UI's (ui/return_reason_label), in every
// language it has.
#pragma once

#include <string_view>

namespace obole {

enum class MandateAction { keep, suspend, end };

// An unknown code keeps the mandate: the collection still failed.
MandateAction mandate_action_for(std::string_view code);

} // namespace obole
