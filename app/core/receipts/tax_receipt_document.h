// The printable tax receipt: one HTML page with the content of Cerfa 11580
// (reçu au titre des dons à certains organismes d'intérêt général), in
// French as the form is. The browser prints it or saves it as PDF.
#pragma once

#include <string>

#include "core/receipts/organisation.h"
#include "core/receipts/tax_receipt.h"

namespace obole {

// The receipt as it was issued (its certified lines, never the gifts as they
// now stand). `receipt.copies` is the print this page is (1: the original);
// from the second, the page is marked "DUPLICATA". A cancelled receipt is
// marked "ANNULÉ" with the day and the reason; a corrective receipt says
// which receipt it cancels and replaces.
std::string tax_receipt_document(const TaxReceipt& receipt, const Organisation& org);

// The text of the page's one <style> element: the server allows exactly
// this inline style in its Content-Security-Policy (by its SHA-256 hash).
const char* tax_receipt_stylesheet();

} // namespace obole
