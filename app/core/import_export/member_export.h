// The search result list as a CSV file for a spreadsheet (Excel in French
// locale first): UTF-8 with a byte order mark, ';' between cells, every cell
// quoted, and cells that a spreadsheet would run as a formula (starting with
// = + - @, tab or carriage return) prefixed with an apostrophe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace obole {

class Store;

constexpr size_t kExportColumns = 11;
// The header row, in column order; the UI passes its translation.
using ExportHeaders = std::array<std::string, kExportColumns>;
const ExportHeaders& default_export_headers();

// One cell, quoted and escaped.
std::string csv_cell(const std::string& value);

// An amount as a spreadsheet reads it as a number: "1234,50" with the
// decimal comma French spreadsheets want, or "1234.50"; "-12,00" below zero.
std::string csv_amount(int64_t cents, bool decimal_comma = true);

// Member number, last name, first name, address, postcode, city, email,
// phone, segments, last gift, total of the 12 months to the last gift (euros
// with a decimal comma) -- one row per member, in the order given (an id
// naming no member is left out). A failed read is an error, never a file
// short of members.
Result<std::string> members_csv(Store& store, const std::vector<std::string>& member_ids,
                                const ExportHeaders& headers = default_export_headers());

} // namespace obole
