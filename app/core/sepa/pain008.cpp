#include "core/sepa/pain008.h"

#include <map>

#include "core/sepa/sepa_text.h"

namespace obole {

namespace {

// The SEPA Latin set has no character XML must escape but the apostrophe;
// '&' and '<' never reach here (sepa_latin drops them).
std::string esc(const std::string& text)
{
    std::string out;
    for (char c : text)
        out += c == '\'' ? std::string("&apos;") : std::string(1, c);
    return out;
}

struct Xml {
    std::string out;
    int depth = 0;
    void open(const char* tag) { out.append(size_t(depth++) * 2, ' ').append("<").append(tag).append(">\n"); }
    void close(const char* tag) { out.append(size_t(--depth) * 2, ' ').append("</").append(tag).append(">\n"); }
    void leaf(const char* tag, const std::string& text)
    {
        out.append(size_t(depth) * 2, ' ').append("<").append(tag).append(">").append(esc(text));
        out.append("</").append(tag).append(">\n");
    }
    void agent(const std::string& bic)
    {
        open("FinInstnId");
        if (bic.empty()) {
            open("Othr");
            leaf("Id", "NOTPROVIDED");
            close("Othr");
        } else {
            leaf("BIC", bic);
        }
        close("FinInstnId");
    }
    void creditor_scheme(const std::string& ics)
    {
        open("Id");
        open("PrvtId");
        open("Othr");
        leaf("Id", ics);
        open("SchmeNm");
        leaf("Prtry", "SEPA");
        close("SchmeNm");
        close("Othr");
        close("PrvtId");
        close("Id");
    }
};

int64_t sum_of(const std::vector<const Pain008Transaction*>& txs)
{
    int64_t sum = 0;
    for (const Pain008Transaction* t : txs)
        sum += t->amount_cents;
    return sum;
}

void write_amendment(Xml& x, const Pain008Transaction& t)
{
    x.leaf("AmdmntInd", "true");
    x.open("AmdmntInfDtls");
    if (!t.amended_from_rum.empty())
        x.leaf("OrgnlMndtId", t.amended_from_rum);
    if (!t.amended_from_creditor.empty()) {
        x.open("OrgnlCdtrSchmeId");
        x.creditor_scheme(t.amended_from_creditor);
        x.close("OrgnlCdtrSchmeId");
    }
    if (!t.amended_from_iban.empty()) {
        x.open("OrgnlDbtrAcct");
        x.open("Id");
        if (t.moved_to_another_bank) {
            x.open("Othr");
            x.leaf("Id", "SMNDA");
            x.close("Othr");
        } else {
            x.leaf("IBAN", t.amended_from_iban);
        }
        x.close("Id");
        x.close("OrgnlDbtrAcct");
    }
    x.close("AmdmntInfDtls");
}

void write_transaction(Xml& x, const Pain008Transaction& t)
{
    x.open("DrctDbtTxInf");
    x.open("PmtId");
    x.leaf("EndToEndId", t.end_to_end_id);
    x.close("PmtId");
    x.out.append(size_t(x.depth) * 2, ' ').append("<InstdAmt Ccy=\"EUR\">").append(iso_amount(t.amount_cents));
    x.out.append("</InstdAmt>\n");
    x.open("DrctDbtTx");
    x.open("MndtRltdInf");
    x.leaf("MndtId", t.rum);
    x.leaf("DtOfSgntr", t.signature_date);
    const bool amended =
        !t.amended_from_iban.empty() || !t.amended_from_rum.empty() || !t.amended_from_creditor.empty();
    if (amended)
        write_amendment(x, t);
    x.close("MndtRltdInf");
    x.close("DrctDbtTx");
    x.open("DbtrAgt");
    x.agent(t.bic);
    x.close("DbtrAgt");
    x.open("Dbtr");
    x.leaf("Nm", sepa_latin(t.holder, 70).empty() ? std::string("Donor") : sepa_latin(t.holder, 70));
    x.close("Dbtr");
    x.open("DbtrAcct");
    x.open("Id");
    x.leaf("IBAN", t.iban);
    x.close("Id");
    x.close("DbtrAcct");
    if (const std::string text = sepa_latin(t.remittance, 140); !text.empty()) {
        x.open("RmtInf");
        x.leaf("Ustrd", text);
        x.close("RmtInf");
    }
    x.close("DrctDbtTxInf");
}

void write_payment_info(Xml& x, const Pain008& f, const std::string& seq,
                        const std::vector<const Pain008Transaction*>& txs)
{
    x.open("PmtInf");
    x.leaf("PmtInfId", payment_info_id(f.message_id, seq));
    x.leaf("PmtMtd", "DD");
    x.leaf("NbOfTxs", std::to_string(txs.size()));
    x.leaf("CtrlSum", iso_amount(sum_of(txs)));
    x.open("PmtTpInf");
    x.open("SvcLvl");
    x.leaf("Cd", "SEPA");
    x.close("SvcLvl");
    x.open("LclInstrm");
    x.leaf("Cd", "CORE");
    x.close("LclInstrm");
    x.leaf("SeqTp", seq);
    x.close("PmtTpInf");
    x.leaf("ReqdColltnDt", f.collection_date);
    x.open("Cdtr");
    x.leaf("Nm", sepa_latin(f.creditor_name, 70));
    x.close("Cdtr");
    x.open("CdtrAcct");
    x.open("Id");
    x.leaf("IBAN", f.creditor_iban);
    x.close("Id");
    x.close("CdtrAcct");
    x.open("CdtrAgt");
    x.agent(f.creditor_bic);
    x.close("CdtrAgt");
    x.leaf("ChrgBr", "SLEV");
    x.open("CdtrSchmeId");
    x.creditor_scheme(f.creditor_id);
    x.close("CdtrSchmeId");
    for (const Pain008Transaction* t : txs)
        write_transaction(x, *t);
    x.close("PmtInf");
}

} // namespace

std::string payment_info_id(const std::string& message_id, const std::string& sequence_type)
{
    return message_id.substr(0, 30) + "-" + sequence_type; // at most 35 characters
}

std::string iso_amount(int64_t cents)
{
    std::string frac = std::to_string(cents % 100);
    return std::to_string(cents / 100) + "." + (frac.size() == 1 ? "0" + frac : frac);
}

std::string write_pain008(const Pain008& f)
{
    static const char* const kOrder[] = {"FRST", "RCUR", "FNAL", "OOFF"};
    std::map<std::string, std::vector<const Pain008Transaction*>> by_sequence;
    int64_t total = 0;
    for (const Pain008Transaction& t : f.transactions) {
        by_sequence[t.sequence_type].push_back(&t);
        total += t.amount_cents;
    }
    Xml x;
    x.out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.008.001.02\">\n";
    x.depth = 1;
    x.open("CstmrDrctDbtInitn");
    x.open("GrpHdr");
    x.leaf("MsgId", f.message_id);
    x.leaf("CreDtTm", f.created_at.substr(0, 19)); // ISO date-time without the zone: banks read it as local
    x.leaf("NbOfTxs", std::to_string(f.transactions.size()));
    x.leaf("CtrlSum", iso_amount(total));
    x.open("InitgPty");
    x.leaf("Nm", sepa_latin(f.creditor_name, 70));
    x.close("InitgPty");
    x.close("GrpHdr");
    for (const char* seq : kOrder)
        if (auto it = by_sequence.find(seq); it != by_sequence.end())
            write_payment_info(x, f, seq, it->second);
    x.close("CstmrDrctDbtInitn");
    x.out += "</Document>\n";
    return x.out;
}

} // namespace obole
