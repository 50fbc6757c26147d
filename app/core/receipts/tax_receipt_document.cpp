#include "core/receipts/tax_receipt_document.h"

#include "core/money/money.h"
#include "core/receipts/amount_in_words.h"
#include "core/receipts/organisation_settings.h"
#include "core/receipts/receipt_lines.h"
#include "core/text/html_text.h"

namespace obole {

namespace {

std::string french_date(const std::string& iso)
{
    return iso.size() == 10 ? iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4) : iso;
}

// The Cerfa's "mode de versement" boxes.
const char* form_of(PaymentMethod m)
{
    switch (m) {
    case PaymentMethod::cash: return "Remise d'espèces";
    case PaymentMethod::cheque: return "Chèque";
    case PaymentMethod::card: return "Carte bancaire";
    case PaymentMethod::transfer: return "Virement";
    case PaymentMethod::direct_debit: return "Prélèvement";
    case PaymentMethod::other: return "Autre";
    }
    return "Autre";
}

// The page's only style. Printed in a frame of the app's page, it is
// allowed by the hash of its text in the server's Content-Security-Policy
// (sync/server/security_headers.cpp): change it freely, the hash follows.
const char kStyle[] =
    "body{font-family:sans-serif;font-size:11pt;margin:2cm;color:#000}"
    "h1{font-size:15pt;margin:0}h2{font-size:12pt;border-bottom:1px solid #000;margin-top:1.2em}"
    "table{border-collapse:collapse;width:100%}td,th{border:1px solid #888;padding:3px 6px;text-align:left}"
    ".amount{font-size:13pt;font-weight:bold}.dup{color:#b00;font-size:20pt;font-weight:bold;"
    "border:3px solid #b00;padding:4px 12px;display:inline-block;transform:rotate(-4deg)}"
    ".sign{margin-top:2em}@media print{body{margin:1cm}}";

} // namespace

const char* tax_receipt_stylesheet()
{
    return kStyle;
}

namespace {

// The Cerfa's "nature du don": money in whatever way it was paid, or
// something else (a payment marked "other": goods, securities).
std::string nature_of(const std::vector<ReceiptLine>& lines)
{
    bool money = false, other = false;
    for (const ReceiptLine& l : lines)
        (l.method == PaymentMethod::other ? other : money) = true;
    return money && other ? "numéraire et autres" : other ? "autres" : "numéraire";
}

// What the donor deducts, as the form certifies it.
std::string certification(const TaxReceipt& r, const Organisation& org)
{
    if (r.donor_kind == "organisation")
        return "Le bénéficiaire certifie sur l'honneur que les dons et versements qu'il reçoit ouvrent droit à la "
               "réduction d'impôt prévue à l'article 238 bis du CGI : 60 % des sommes versées, dans la limite de "
               "20 000 € ou de 5 ‰ du chiffre d'affaires hors taxes lorsque ce dernier montant est plus élevé.";
    std::string text = "Le bénéficiaire certifie sur l'honneur que les dons et versements qu'il reçoit ouvrent droit à "
                       "la réduction d'impôt prévue à l'article 200 du CGI";
    text += org.legal_status == "free_aid"
                ? " : 75 % des sommes versées dans la limite du plafond fixé chaque année par la loi, 66 % au-delà, "
                  "dans la limite de 20 % du revenu imposable"
                : " : 66 % des sommes versées, dans la limite de 20 % du revenu imposable";
    if (org.ifi_eligible)
        text += ", et à la réduction d'impôt sur la fortune immobilière prévue à l'article 978 du CGI : 75 % des "
                "sommes versées, dans la limite de 50 000 €";
    return text + ".";
}

} // namespace

// Cerfa 11580 for a person's gifts, Cerfa 16216 for a company's; gifts
// entered in Obole are manual gifts ("déclaration de don manuel"): a gift by
// notarial or private deed is not entered as a gift.
std::string tax_receipt_document(const TaxReceipt& r, const Organisation& org)
{
    const bool company = r.donor_kind == "organisation";
    const bool duplicate = r.copies > 1;
    const std::string number = std::to_string(r.year) + "-" + std::to_string(r.number);
    const std::vector<ReceiptLine> lines = parse_receipt_lines(r.lines);
    std::string h;
    h += "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Reçu fiscal " + number +
         (r.is_cancelled() ? " (annulé)" : "") + (duplicate ? " (duplicata)" : "") + "</title><style>" + kStyle +
         "</style></head><body>";
    if (r.is_cancelled())
        h += "<p class=\"dup\">ANNULÉ</p><p><strong>Reçu annulé le " + french_date(r.cancelled_on) +
             "</strong> : il ne peut plus être joint à une déclaration. Motif : " + html_escaped(r.cancel_reason) +
             "</p>";
    if (duplicate)
        h += "<p class=\"dup\">DUPLICATA</p>";
    if (company) {
        h += "<h1>Reçu des dons et versements effectués par les entreprises</h1>";
        h += "<p>Article 238 bis du code général des impôts (CGI) — modèle Cerfa n° 16216</p>";
    } else {
        h += "<h1>Reçu au titre des dons à certains organismes d'intérêt général</h1>";
        h += std::string("<p>") + (org.ifi_eligible ? "Articles 200 et 978" : "Article 200") +
             " du code général des impôts (CGI) — modèle Cerfa n° 11580</p>";
    }
    h += "<p><strong>Reçu n° " + html_escaped(number) + "</strong> — année " + std::to_string(r.year) + "</p>";
    if (!r.replaces_id.empty())
        h += "<p>Reçu rectificatif : il annule et remplace le reçu n° " + std::to_string(r.year) + "-" +
             std::to_string(r.replaces_number) + ".</p>";

    h += "<h2>Bénéficiaire des versements</h2><p><strong>" + html_escaped(org.name) + "</strong><br>" +
         html_escaped(org.address) + "</p>";
    h += "<p>N° SIREN ou RNA : " + html_escaped(org.registration) + "</p>";
    h += "<p>Objet : " + html_escaped(org.object) + "</p>";
    if (const LegalStatus* status = find_legal_status(org.legal_status))
        h += std::string("<p>Qualité : &#9746; ") + status->cerfa + "</p>";

    h += company ? "<h2>Entreprise donatrice</h2>" : "<h2>Donateur</h2>";
    h += "<p><strong>" + html_escaped(r.donor_name) + "</strong><br>" + html_escaped(r.donor_address) + "</p>";
    if (company)
        h += "<p>N° SIREN : " + html_escaped(r.donor_registration) + "</p>";

    h += "<h2>Versements</h2>";
    h += "<p>Le bénéficiaire reconnaît avoir reçu au titre des dons et versements ouvrant droit à réduction "
         "d'impôt la somme de :</p>";
    h += "<p class=\"amount\">" + format_money(r.amount_cents, "EUR", "fr") + "</p>";
    h += "<p>Somme en toutes lettres : <strong>" + amount_in_words(r.amount_cents, "fr") + "</strong></p>";
    if (r.first_date == r.last_date)
        h += "<p>Date du versement ou du don : " + french_date(r.first_date) + "</p>";
    else
        h += "<p>Dates des versements : du " + french_date(r.first_date) + " au " + french_date(r.last_date) +
             " (reçu récapitulatif annuel)</p>";
    h += "<p>Forme du don : déclaration de don manuel. Nature du don : " + nature_of(lines) + ".</p>";
    h += "<table><tr><th>Date</th><th>Mode de versement</th><th>Montant</th></tr>";
    for (const ReceiptLine& g : lines)
        h += "<tr><td>" + french_date(g.date) + "</td><td>" + form_of(g.method) + "</td><td>" +
             format_money(g.cents, "EUR", "fr") + "</td></tr>";
    h += "</table>";

    h += "<p>" + certification(r, org) + "</p>";
    std::string signatory = html_escaped(org.signatory);
    if (!org.signatory_role.empty())
        signatory += ", " + html_escaped(org.signatory_role);
    h += "<p class=\"sign\">Fait à " + html_escaped(org.place.empty() ? std::string("……") : org.place) + ", le " +
         french_date(r.issued_at) + "<br>" + signatory + "<br><br>Signature :</p>";
    h += "</body></html>";
    return h;
}

} // namespace obole
