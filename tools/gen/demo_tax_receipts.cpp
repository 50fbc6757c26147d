// Annual tax receipts already issued and printed: each January, the office
// issued the past year's receipts on a device that was never enrolled, so it
// numbered them itself (ReceiptNumbering::here), in order, per year. For one
// member in eight among those who want receipts, and always for Hélène Dupont
// and the parish; the older years stay unreceipted, so the tab still offers
// to issue one.
#include <string>

#include "core/calendar/date.h"
#include "core/receipts/tax_receipt_repository.h"
#include "core/store/store.h"
#include "gen/demo_history.h"
#include "gen/demo_rng.h"

namespace obole {

namespace {

constexpr int kReceiptedYears = 5;

// Not errors of the demo: members who opted out, and years they gave nothing.
bool nothing_to_issue(const Error& e)
{
    return e.code == "tax_receipt.opted_out" || e.code == "tax_receipt.nothing_to_receipt" ||
           e.code == "tax_receipt.zero_amount";
}

} // namespace

Result<void> add_demo_tax_receipts(const DemoHistory& h)
{
    const int this_year = std::stoi(iso_from_days(h.today).substr(0, 4));
    DemoRng rng{h.seed ^ 0x7a4ull};
    TaxReceiptRepository repo(h.store);
    for (int year = this_year - kReceiptedYears; year < this_year; ++year) {
        const long long issued = days_from_iso(std::to_string(year + 1) + "-01-" + (rng.chance(50) ? "15" : "22"));
        if (issued > h.today)
            continue;
        for (size_t i = 0; i < h.members.size(); ++i) {
            const DemoMember& m = h.members[i];
            if (!m.showcase && i % 8 != 0)
                continue;
            demo_clock(h.store, issued, 9 * 60);
            Result<std::string> id = repo.issue_annual(m.id, year, ReceiptNumbering::here, "demo");
            if (!id) {
                if (nothing_to_issue(id.error()))
                    continue;
                return id.error();
            }
            // Printed when issued; now and then a duplicate was asked for later.
            for (int copies = rng.chance(10) ? 2 : 1; copies > 0; --copies)
                if (Result<TaxReceipt> printed = repo.record_print(*id, "demo"); !printed)
                    return printed.error();
        }
    }
    return {};
}

} // namespace obole
