#include "core/import_export/email_activity_import.h"

#include <cctype>
#include <map>
#include <unordered_map>

#include "core/calendar/date.h"
#include "core/campaigns/email_activity_repository.h"
#include "core/members/consent_repository.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/text/one_line_text.h"
#include "core/text/text_fold.h"
#include "core/text/utf8.h"

namespace obole {

namespace {

constexpr size_t kProblemsKept = 20;

std::string lower_ascii(std::string_view s)
{
    std::string out(trim_spaces(s));
    for (char& c : out)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Splits one line on `sep`, honouring "quoted ""fields""".
std::vector<std::string> split_fields(std::string_view line, char sep)
{
    std::vector<std::string> out(1);
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                out.back().push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                out.back().push_back(c);
            }
        } else if (c == '"' && trim_spaces(out.back()).empty()) {
            out.back().clear();
            quoted = true;
        } else if (c == sep) {
            out.emplace_back();
        } else {
            out.back().push_back(c);
        }
    }
    return out;
}

// "2026-03-01", "2026-03-01 10:15", "2026-03-01T10:15:00Z" -> "2026-03-01T10:15:00".
std::optional<std::string> activity_time(std::string_view text)
{
    text = trim_spaces(text);
    if (text.size() < 10)
        return std::nullopt;
    Result<std::string> day = parse_date(text.substr(0, 10));
    if (!day)
        return std::nullopt;
    std::string_view rest = text.substr(10);
    if (rest.empty())
        return *day + "T00:00:00";
    if (rest[0] != 'T' && rest[0] != ' ')
        return std::nullopt;
    rest.remove_prefix(1);
    if (!rest.empty() && rest.back() == 'Z')
        rest.remove_suffix(1);
    if (rest.size() > 8 && rest[8] == '.') // milliseconds are dropped
        rest = rest.substr(0, 8);
    auto two = [](std::string_view s, size_t at, int max) {
        if (s.size() < at + 2 || !std::isdigit(static_cast<unsigned char>(s[at])) ||
            !std::isdigit(static_cast<unsigned char>(s[at + 1])))
            return false;
        return (s[at] - '0') * 10 + (s[at + 1] - '0') <= max;
    };
    if (rest.size() == 5 && two(rest, 0, 23) && rest[2] == ':' && two(rest, 3, 59))
        return *day + "T" + std::string(rest) + ":00";
    if (rest.size() == 8 && two(rest, 0, 23) && rest[2] == ':' && two(rest, 3, 59) && rest[5] == ':' &&
        two(rest, 6, 59))
        return *day + "T" + std::string(rest);
    return std::nullopt;
}

std::string kind_of(std::string_view text)
{
    std::string k = lower_ascii(text);
    if (k == "opened")
        return "open";
    if (k == "clicked")
        return "click";
    if (k == "bounced")
        return "bounce";
    if (k == "unsubscribed")
        return "unsubscribe";
    return k;
}

// Each address of a live member, normalised, to that member's ref and id.
// An address shared by two members goes to the one created first. A failed
// read is an error: every line would be reported as nobody's.
struct MemberByEmail {
    int64_t ref;
    std::string id, email_id;
};

Result<std::unordered_map<std::string, MemberByEmail>> members_by_email(Store& store)
{
    std::unordered_map<std::string, MemberByEmail> out;
    Statement s(store.db(), "SELECT e.address, m.ref, m.id, e.id FROM email e JOIN member m ON m.ref = e.member_ref "
                            "WHERE m.deleted = 0 AND e.deleted = 0 ORDER BY m.ref DESC");
    while (s.step() == Statement::Step::row)
        out[lower_ascii(s.column_view(0))] = {s.column_int64(1), s.column_uuid(2), s.column_uuid(3)};
    if (Result<void> done = s.finished(); !done)
        return done.error();
    return out;
}

// What the mailing tool learnt counts here too (GDPR): an unsubscribe
// withdraws the member's email consent, a bounce marks the address
// unusable. Once per activity: an import seen before adds nothing.
Result<void> follow_activity(Store& store, const MemberByEmail& member, const EmailActivity& row,
                             const std::string& operator_name)
{
    if (row.kind == "unsubscribe") {
        NewConsent withdrawn;
        withdrawn.channel = ConsentChannel::email;
        withdrawn.granted = false;
        withdrawn.wording = "Unsubscribed from \"" + row.mailing + "\" in the mailing tool";
        // The tool's time, "2026-03-01T10:15:00", read as UTC, in the form consents keep.
        withdrawn.given_at = row.at + ".000Z";
        withdrawn.source = "mailing_tool";
        Result<std::string> r = ConsentRepository(store).record(member.id, withdrawn, operator_name);
        return r ? Result<void>() : Result<void>(r.error());
    }
    if (row.kind == "bounce") {
        Statement mark(store.db(), "UPDATE email SET usable = 0, bounces = bounces + 1 WHERE id = ?1");
        mark.bind_uuid(1, member.email_id);
        return mark.run();
    }
    return {};
}

} // namespace

Result<EmailImportReport> import_email_activity_csv(Store& store, std::string_view csv, const std::string& file_name,
                                                    const std::string& operator_name)
{
    if (csv.size() >= 3 && csv.substr(0, 3) == "\xEF\xBB\xBF") // a BOM, as spreadsheets write
        csv.remove_prefix(3);
    if (!is_valid_utf8(csv))
        return fail("email_import.not_utf8", "This file is not UTF-8 text: export it again as CSV in UTF-8.");
    if (trim_spaces(csv).empty())
        return fail("email_import.empty", "This file is empty.");

    EmailImportReport report;
    const Result<std::unordered_map<std::string, MemberByEmail>> read = members_by_email(store);
    if (!read)
        return read.error();
    const std::unordered_map<std::string, MemberByEmail>& members = *read;
    std::map<std::string, int> per_member; // member id -> rows added
    auto bad = [&](int line_no, const std::string& why) {
        ++report.bad_lines;
        if (report.problems.size() < kProblemsKept)
            report.problems.push_back("line " + std::to_string(line_no) + ": " + why);
    };

    Result<void> written = store.transaction([&]() -> Result<void> {
        EmailActivityRepository repo(store);
        int line_no = 0;
        size_t pos = 0;
        while (pos < csv.size()) {
            size_t end = csv.find('\n', pos);
            if (end == std::string_view::npos)
                end = csv.size();
            std::string_view line = csv.substr(pos, end - pos);
            pos = end + 1;
            ++line_no;
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            if (trim_spaces(line).empty())
                continue;
            const char sep = line.find(';') != std::string_view::npos ? ';' : ',';
            std::vector<std::string> f = split_fields(line, sep);
            if (line_no == 1 && lower_ascii(f[0]) == "email")
                continue; // the header
            if (f.size() < 3 || f.size() > 5) {
                bad(line_no, "expected email;date;kind;mailing;link");
                continue;
            }
            f.resize(5);
            const std::string email = lower_ascii(f[0]);
            std::optional<std::string> at = activity_time(f[1]);
            EmailActivity row;
            row.kind = kind_of(f[2]);
            std::optional<std::string> mailing = one_line_text(f[3], 200);
            std::optional<std::string> link = one_line_text(f[4], 2000);
            if (email.find('@') == std::string::npos) {
                bad(line_no, "not an email address");
                continue;
            }
            if (!at) {
                bad(line_no, "bad date \"" + std::string(trim_spaces(f[1])) + "\"");
                continue;
            }
            if (!is_email_activity_kind(row.kind)) {
                bad(line_no, "unknown kind \"" + std::string(trim_spaces(f[2])) + "\"");
                continue;
            }
            if (!mailing || !link) {
                bad(line_no, "mailing or link too long or not one line");
                continue;
            }
            auto member = members.find(email);
            if (member == members.end()) {
                ++report.unmatched;
                continue;
            }
            row.at = *at;
            row.mailing = *mailing;
            row.link = *link;
            Result<bool> added = repo.insert_checked(member->second.ref, row);
            if (!added)
                return added.error();
            if (*added) {
                ++report.imported;
                ++per_member[member->second.id];
                if (Result<void> r = follow_activity(store, member->second, row, operator_name); !r)
                    return r;
            } else {
                ++report.already_there;
            }
        }
        Journal journal(store);
        for (const auto& [member_id, rows] : per_member)
            if (Result<void> r = journal.append(member_id, "email.import",
                                                std::to_string(rows) + " (" + file_name + ")", operator_name);
                !r)
                return r;
        return journal.append("", "email.import",
                              file_name + ": " + std::to_string(report.imported) + " imported, " +
                                  std::to_string(report.unmatched) + " unmatched, " + std::to_string(report.bad_lines) +
                                  " bad lines",
                              operator_name);
    });
    if (!written)
        return written.error();
    report.members = int(per_member.size());
    return report;
}

} // namespace obole
