// The pre-notification of a collection run: before the file goes to the
// bank, the list of donors, amounts and dates to be collected (SEPA asks the
// creditor to tell each debtor at least 14 days ahead, unless agreed
// otherwise), as a CSV for a mail merge (UTF-8 with BOM, `;`, decimal comma:
// what LibreOffice and Excel open as is) and as a printable page. Column
// headings come from the caller, in the operator's language.
#pragma once

#include <string>

#include "core/sepa/collection_plan.h"

namespace obole {

struct CreditorSettings;

struct PrenotificationHeadings {
    std::string title, member_no, name, holder, reference, account, amount, date, sequence, total;
};

std::string prenotification_csv(const CollectionPlan& plan, const PrenotificationHeadings& h);
// A complete HTML page, styled by the receipts' one stylesheet (the only one
// the server's Content-Security-Policy lets a printed page use); `money`
// formats cents in the operator's language.
std::string prenotification_html(const CollectionPlan& plan, const CreditorSettings& creditor,
                                 const PrenotificationHeadings& h, std::string (*money)(int64_t));

} // namespace obole
