#include "core/import_export/prenotification.h"

#include "core/import_export/member_export.h"
#include "core/money/iban.h"
#include "core/receipts/tax_receipt_document.h"
#include "core/sepa/creditor_settings.h"
#include "core/text/html_text.h"

namespace obole {

std::string prenotification_csv(const CollectionPlan& plan, const PrenotificationHeadings& h)
{
    std::string out = "\xEF\xBB\xBF";
    auto row = [&](std::initializer_list<std::string> cells) {
        bool first = true;
        for (const std::string& c : cells) {
            out += first ? "" : ";";
            out += csv_cell(c);
            first = false;
        }
        out += "\r\n";
    };
    row({h.member_no, h.name, h.holder, h.reference, h.account, h.amount, h.date, h.sequence});
    for (const PlannedCollection& c : plan.lines)
        row({std::to_string(c.member_no), c.member_name, c.holder, c.rum, mask_iban(c.iban), csv_amount(c.amount_cents),
             plan.collection_date, c.sequence_type});
    row({"", h.total, "", "", "", csv_amount(plan.total.amount_cents), plan.collection_date,
         std::to_string(plan.total.count)});
    return out;
}

std::string prenotification_html(const CollectionPlan& plan, const CreditorSettings& creditor,
                                 const PrenotificationHeadings& h, std::string (*money)(int64_t))
{
    std::string out = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + html_escaped(h.title) +
                      "</title><style>" + tax_receipt_stylesheet() + "</style></head><body><h1>" +
                      html_escaped(h.title) + "</h1><p>" + html_escaped(creditor.name) + " — " +
                      html_escaped(creditor.ics) + " — " + html_escaped(h.date) + " " +
                      html_escaped(plan.collection_date) + "</p><table><tr>";
    for (const std::string* t : {&h.member_no, &h.name, &h.holder, &h.reference, &h.account, &h.amount, &h.sequence})
        out += "<th>" + html_escaped(*t) + "</th>";
    out += "</tr>";
    for (const PlannedCollection& c : plan.lines)
        out += "<tr><td>" + std::to_string(c.member_no) + "</td><td>" + html_escaped(c.member_name) + "</td><td>" +
               html_escaped(c.holder) + "</td><td>" + html_escaped(c.rum) + "</td><td>" +
               html_escaped(mask_iban(c.iban)) + "</td><td>" + html_escaped(money(c.amount_cents)) + "</td><td>" +
               c.sequence_type + "</td></tr>";
    out += "<tr><th colspan=\"5\">" + html_escaped(h.total) + " (" + std::to_string(plan.total.count) + ")</th><th>" +
           html_escaped(money(plan.total.amount_cents)) + "</th><th></th></tr></table></body></html>";
    return out;
}

} // namespace obole
