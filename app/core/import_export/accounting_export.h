// The accountant's journal: for a date range, one line per money movement —
// a gift as entered (a direct debit collected is a gift paid by direct
// debit), each correction on its own date (an amendment's difference, a void
// or a bank's return as the amount taken back, a refund), a membership fee
// paid, an order — with its account codes: the account of how it was paid
// (cash, cheque, ...) and the account of what it was for (the campaign, or
// memberships and orders). The mapping is a shared setting
// ("accounting.accounts"), one "key=code" a line: cash=530, cheque=5112,
// campaign:AP2026-03=7541, gifts=754, membership=756, order=707.
// The CSV opens as is in LibreOffice and Excel (UTF-8 with BOM, `;`), with a
// decimal comma or point, and ends with the total the screen shows.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"

namespace obole {

class Store;

struct AccountingLine {
    std::string date, kind; // gift, direct_debit, amendment, void, return, refund, membership, order
    std::string method, debit_account, credit_account;
    int64_t amount_cents = 0; // negative when money goes back
    int64_t member_no = 0;
    std::string reference, campaign;
};

struct AccountingExport {
    std::vector<AccountingLine> lines; // by date
    std::map<std::string, int64_t> by_kind;
    int64_t total_cents = 0;
};

// "cash=530\ncheque=5112\n..." -> key to code. Lines that are not key=code
// are refused (accounting.bad_mapping).
Result<std::map<std::string, std::string>> parse_account_mapping(const std::string& text);
Result<std::string> account_mapping_text(Store& store);
Result<void> save_account_mapping(Store& store, const std::string& text, const std::string& operator_name);

// from and to: ISO dates, both included (accounting.bad_range when to < from).
Result<AccountingExport> accounting_export(Store& store, const std::string& from, const std::string& to);
std::string accounting_csv(const AccountingExport& e, bool decimal_comma);

} // namespace obole
