#include "server/receipt_numbering.h"

#include <string>

#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole::server {

namespace {

// Is one of these gifts (comma-separated UUIDs) on a standing receipt already
// (issued, not cancelled)? The receipt a corrective one replaces does not
// count: its cancellation comes in the same push, but after it (a device
// sends its changes table by table, tax_receipt first).
// Only the member's receipts are read (a gift and its receipts follow the
// member, merges included), through the index on member_ref.
Result<bool> already_receipted(Store& store, const std::string& member_id, const std::string& gift_ids,
                               const std::string& replaces_id)
{
    Statement issued(store.db(), "SELECT 1 FROM tax_receipt r WHERE r.member_ref = (SELECT ref FROM member WHERE id = "
                                 "?2) AND r.status = 'issued' AND instr(r.gift_ids, ?1) > 0 AND r.id IS NOT ?3 AND NOT "
                                 "EXISTS (SELECT 1 FROM tax_receipt_cancellation x WHERE x.receipt_id = r.id)");
    size_t start = 0;
    while (start < gift_ids.size()) {
        size_t end = gift_ids.find(',', start);
        if (end == std::string::npos)
            end = gift_ids.size();
        if (end > start) {
            issued.reset();
            issued.bind_text(1, std::string_view(gift_ids).substr(start, end - start));
            issued.bind_uuid(2, member_id);
            if (replaces_id.empty())
                issued.bind_null(3);
            else
                issued.bind_uuid(3, replaces_id);
            Result<bool> found = issued.next();
            if (!found || *found)
                return found;
        }
        start = end + 1;
    }
    return false;
}

} // namespace

Result<void> number_tax_receipt(Store& store, sync::json& fields)
{
    auto gifts = fields.find("gift_ids");
    const std::string gift_ids = gifts != fields.end() && gifts->is_string() ? gifts->get<std::string>() : "";
    auto member = fields.find("member_id");
    const std::string member_id = member != fields.end() && member->is_string() ? member->get<std::string>() : "";
    auto replaces = fields.find("replaces_id");
    const std::string replaces_id =
        replaces != fields.end() && replaces->is_string() ? replaces->get<std::string>() : "";
    Result<bool> covered = already_receipted(store, member_id, gift_ids, replaces_id);
    if (!covered)
        return covered.error();
    if (*covered) {
        fields["number"] = nullptr;
        fields["status"] = "void";
        return {};
    }
    auto year = fields.find("year");
    Statement next(store.db(),
                   "SELECT ifnull(max(number), 0) + 1 FROM tax_receipt WHERE year = ?1 AND number IS NOT NULL");
    next.bind_int64(1, year != fields.end() && year->is_number_integer() ? year->get<int64_t>() : 0);
    if (next.step() != Statement::Step::row)
        return next.error();
    fields["number"] = next.column_int64(0);
    fields["status"] = "issued";
    return {};
}

} // namespace obole::server
