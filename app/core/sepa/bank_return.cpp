#include "core/sepa/bank_return.h"

#include "core/text/xml_document.h"

namespace obole {

namespace {

// "12.30" -> 1230; 0 when it is not an amount.
int64_t cents_of(const std::string& text)
{
    int64_t cents = 0;
    int decimals = -1;
    for (char c : text) {
        if (c == '.' && decimals < 0) {
            decimals = 0;
        } else if (c >= '0' && c <= '9' && decimals < 2 && cents < 100000000000) {
            cents = cents * 10 + (c - '0');
            if (decimals >= 0)
                ++decimals;
        } else {
            return 0;
        }
    }
    for (int d = decimals < 0 ? 0 : decimals; d < 2; ++d)
        cents *= 10;
    return cents;
}

// SEPA creditor identifiers: every Othr whose scheme is "SEPA".
void creditor_ids(const XmlElement& root, std::vector<std::string>* out)
{
    std::vector<const XmlElement*> others;
    root.find_all("Othr", &others);
    for (const XmlElement* o : others)
        if (o->text_at("SchmeNm/Prtry") == "SEPA" && !o->text_at("Id").empty())
            out->push_back(o->text_at("Id"));
}

Result<void> check(const BankReturnLine& line)
{
    if (line.end_to_end_id.empty() || line.reason.empty())
        return fail("sepa.bad_return_line",
                    "A return in this file lacks its collection's reference or its reason code: nothing was imported.");
    return {};
}

// A rejected block's reason; a bank may give none, or only words (AddtlInf):
// MS03 is the EPC's own code for "reason not specified".
std::string block_reason(const XmlElement& status)
{
    const std::string code = status.text_at("StsRsnInf/Rsn/Cd");
    return code.empty() ? "MS03" : code;
}

Result<void> read_status_report(const XmlElement& report, BankReturnFile* f)
{
    f->format = "pain.002";
    f->message_id = report.text_at("GrpHdr/MsgId");
    const std::string day = report.text_at("GrpHdr/CreDtTm").substr(0, 10);
    const std::string original = report.text_at("OrgnlGrpInfAndSts/OrgnlMsgId");
    if (const XmlElement* group = report.child("OrgnlGrpInfAndSts"); group && group->text_at("GrpSts") == "RJCT")
        f->blocks.push_back({original, "", block_reason(*group), day});
    std::vector<const XmlElement*> payments;
    report.find_all("OrgnlPmtInfAndSts", &payments);
    for (const XmlElement* p : payments)
        if (p->text_at("PmtInfSts") == "RJCT")
            f->blocks.push_back({original, p->text_at("OrgnlPmtInfId"), block_reason(*p), day});
    std::vector<const XmlElement*> txs;
    report.find_all("TxInfAndSts", &txs);
    for (const XmlElement* t : txs) {
        if (t->text_at("TxSts") != "RJCT")
            continue;
        BankReturnLine line{t->text_at("OrgnlEndToEndId"), t->text_at("StsRsnInf/Rsn/Cd"), day,
                            cents_of(t->text_at("OrgnlTxRef/Amt/InstdAmt"))};
        if (const std::string due = t->text_at("OrgnlTxRef/ReqdColltnDt"); !due.empty() && day.empty())
            line.date = due;
        if (Result<void> r = check(line); !r)
            return r;
        f->lines.push_back(std::move(line));
    }
    return {};
}

Result<void> read_notification(const XmlElement& n, BankReturnFile* f)
{
    f->format = "camt.054";
    f->message_id = n.text_at("GrpHdr/MsgId");
    std::vector<const XmlElement*> notifications;
    n.find_all("Ntfctn", &notifications);
    for (const XmlElement* ntf : notifications) {
        if (const std::string iban = ntf->text_at("Acct/Id/IBAN"); !iban.empty())
            f->creditor_accounts.push_back(iban);
        std::vector<const XmlElement*> entries;
        ntf->find_all("Ntry", &entries);
        for (const XmlElement* entry : entries) {
            const std::string day = entry->text_at("BookgDt/Dt").empty() ? entry->text_at("ValDt/Dt").substr(0, 10)
                                                                         : entry->text_at("BookgDt/Dt").substr(0, 10);
            std::vector<const XmlElement*> details;
            entry->find_all("TxDtls", &details);
            for (const XmlElement* d : details) {
                if (!d->child("RtrInf"))
                    continue; // a collection paid in, not a return
                const XmlElement* amt = d->child("AmtDtls");
                BankReturnLine line{d->text_at("Refs/EndToEndId"), d->text_at("RtrInf/Rsn/Cd"), day,
                                    cents_of(amt ? amt->text_at("InstdAmt/Amt") : d->text_at("Amt"))};
                if (Result<void> r = check(line); !r)
                    return r;
                f->lines.push_back(std::move(line));
            }
        }
    }
    return {};
}

} // namespace

Result<BankReturnFile> read_bank_return(std::string_view bytes)
{
    Result<std::unique_ptr<XmlElement>> root = parse_xml(bytes);
    if (!root)
        return root.error();
    BankReturnFile f;
    const XmlElement& doc = **root;
    const XmlElement* report = doc.name == "Document" ? doc.child("CstmrPmtStsRpt") : nullptr;
    const XmlElement* notification = doc.name == "Document" ? doc.child("BkToCstmrDbtCdtNtfctn") : nullptr;
    Result<void> read =
        report ? read_status_report(*report, &f)
        : notification
            ? read_notification(*notification, &f)
            : Result<void>(fail("sepa.not_a_return_file", "This is not a bank's status report (pain.002) or debit "
                                                          "notification (camt.054): nothing was imported."));
    if (!read)
        return read.error();
    creditor_ids(doc, &f.creditor_ids);
    return f;
}

} // namespace obole
