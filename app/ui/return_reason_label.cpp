#include "ui/return_reason_label.h"

#include "ui/tr.h"

#include <cctype>

namespace obole::ui {

namespace {

struct Label {
    const char* id; // "return_reason." and the code in small letters
    const char* english;
};

// The EPC's SDD Core reason codes for rejects, returns and refunds.
const Label kReasons[] = {
    {"return_reason.ac01", "Account identifier incorrect (wrong IBAN)"},
    {"return_reason.ac04", "Account closed"},
    {"return_reason.ac06", "Account blocked"},
    {"return_reason.ac13", "The debtor's account is a consumer account (B2B refused)"},
    {"return_reason.ag01", "Direct debits forbidden on this account"},
    {"return_reason.ag02", "Wrong operation code or file format"},
    {"return_reason.am04", "Insufficient funds"},
    {"return_reason.am05", "Duplicate collection"},
    {"return_reason.be05", "Creditor not recognised by the bank"},
    {"return_reason.cnor", "The creditor's bank is not reachable"},
    {"return_reason.dnor", "The debtor's bank is not reachable"},
    {"return_reason.ff01", "Invalid file format"},
    {"return_reason.ff05", "Wrong direct debit type"},
    {"return_reason.md01", "No mandate"},
    {"return_reason.md02", "Mandate data missing or wrong"},
    {"return_reason.md06", "Refund requested by the donor"},
    {"return_reason.md07", "Donor deceased"},
    {"return_reason.ms02", "Refused by the donor"},
    {"return_reason.ms03", "Reason not given by the bank"},
    {"return_reason.rc01", "Bank identifier (BIC) incorrect"},
    {"return_reason.rr01", "Debtor's account or identification missing"},
    {"return_reason.rr02", "Debtor's name or address missing"},
    {"return_reason.rr03", "Creditor's name or address missing"},
    {"return_reason.rr04", "Regulatory reason"},
    {"return_reason.sl01", "A service of the debtor's bank refused it"},
    {"return_reason.focr", "Returned after a cancellation request"},
    {"return_reason.dupl", "Duplicate payment"},
    {"return_reason.tech", "Technical problem"},
    {"return_reason.frad", "Suspected fraud"},
};

} // namespace

std::string return_reason_label(const std::string& code)
{
    std::string id = "return_reason.";
    for (char c : code)
        id += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const Label& l : kReasons)
        if (id == l.id)
            return code + " — " + tr(l.english);
    return code;
}

} // namespace obole::ui
