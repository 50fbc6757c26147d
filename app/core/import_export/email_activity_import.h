// Brings in a mailing tool's export of what people did with its emails: a
// CSV of lines "email;date;kind;mailing;link" (a first line naming the
// columns is skipped; "," also separates when the line has no ";"; fields may
// be quoted with "). Each line is matched to a member by the email address,
// compared trimmed and in lower case, among the addresses of live members.
// An unsubscribe withdraws the member's email consent; a bounce marks the
// address unusable (GDPR: the mailing tool's word holds here too).
//
// A bad line does not stop the good ones: an export holds thousands of lines
// and one damaged line should not make the office fix the file by hand before
// anything can be seen. Bad lines are counted and the first few are named
// (line number and reason) so the file can be checked. The good lines are
// written in ONE transaction: a failure of the store keeps nothing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace obole {

class Store;

struct EmailImportReport {
    int imported = 0;      // rows added
    int already_there = 0; // the same activity was imported before
    int unmatched = 0;     // good lines whose address is no member's
    int bad_lines = 0;     // lines that could not be read
    int members = 0;       // members who got rows
    // "line 12: unknown kind "opened"" for the first 20 bad lines.
    std::vector<std::string> problems;
};

// Errors: email_import.empty (no line at all), email_import.not_utf8, db.*.
// One journal entry per member given rows ("email.import"), and one for the
// import itself.
Result<EmailImportReport> import_email_activity_csv(Store& store, std::string_view csv, const std::string& file_name,
                                                    const std::string& operator_name);

} // namespace obole
