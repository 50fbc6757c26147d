#include "core/import_export/member_export.h"

#include <cstdio>

#include "core/search/segmentation.h"
#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole {

namespace {

void append_row(std::string& out, const std::vector<std::string>& cells)
{
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i)
            out += ';';
        out += csv_cell(cells[i]);
    }
    out += "\r\n";
}

} // namespace

const ExportHeaders& default_export_headers()
{
    static const ExportHeaders headers = {"Member no.", "Last name", "First name",     "Address",
                                          "Postcode",   "City",      "Email",          "Phone",
                                          "Segments",   "Last gift", "Total 12 months"};
    return headers;
}

std::string csv_amount(int64_t cents, bool decimal_comma)
{
    char buf[32];
    const int64_t a = cents < 0 ? -cents : cents;
    std::snprintf(buf, sizeof buf, "%s%lld%c%02lld", cents < 0 ? "-" : "", static_cast<long long>(a / 100),
                  decimal_comma ? ',' : '.', static_cast<long long>(a % 100));
    return buf;
}

std::string csv_cell(const std::string& value)
{
    std::string out = "\"";
    // A spreadsheet runs a cell starting with these as a formula
    // (CSV injection): the apostrophe makes it plain text.
    if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                           value[0] == '\t' || value[0] == '\r'))
        out += '\'';
    for (char c : value) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

Result<std::string> members_csv(Store& store, const std::vector<std::string>& member_ids, const ExportHeaders& headers)
{
    std::string out = "\xEF\xBB\xBF"; // byte order mark: Excel then reads UTF-8
    std::vector<std::string> header(headers.begin(), headers.end());
    append_row(out, header);
    Statement s(store.db(),
                "SELECT m.member_no, m.last_name, m.first_name, "
                "ifnull(trim(a.line1 || ' ' || a.line2), ''), ifnull(a.postcode, ''), ifnull(a.city, ''), "
                "ifnull((SELECT address FROM email e WHERE e.member_ref = m.ref AND e.deleted = 0 "
                "        ORDER BY e.usable DESC LIMIT 1), ''), "
                "ifnull((SELECT number FROM phone p WHERE p.member_ref = m.ref AND p.deleted = 0 LIMIT 1), ''), "
                "ifnull(g.segments, 0), ifnull(g.last_gift, ''), ifnull(g.total_12m, 0) "
                "FROM member m "
                "LEFT JOIN address a ON a.member_ref = m.ref AND a.is_main = 1 AND a.deleted = 0 "
                "LEFT JOIN member_segment g ON g.member_ref = m.ref WHERE m.id = ?1 LIMIT 1");
    for (const std::string& id : member_ids) {
        s.reset();
        s.bind_uuid(1, id);
        if (s.step() != Statement::Step::row) {
            if (Result<void> done = s.finished(); !done)
                return done.error();
            continue;
        }
        append_row(out, {std::to_string(s.column_int64(0)), s.column_text(1), s.column_text(2), s.column_text(3),
                         s.column_text(4), s.column_text(5), s.column_text(6), s.column_text(7),
                         segment_names(int(s.column_int64(8))), s.column_text(9), csv_amount(s.column_int64(10))});
    }
    return out;
}

} // namespace obole
