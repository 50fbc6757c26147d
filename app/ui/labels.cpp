#include "ui/labels.h"

#include "ui/tr.h"

namespace obole::ui {

const char* payment_method_label(PaymentMethod m)
{
    switch (m) {
    case PaymentMethod::cash: return tr("Cash");
    case PaymentMethod::cheque: return tr("Cheque");
    case PaymentMethod::card: return tr("Card");
    case PaymentMethod::transfer: return tr("Bank transfer");
    case PaymentMethod::direct_debit: return tr("Direct debit");
    case PaymentMethod::other: return tr("Other");
    }
    return "";
}

const char* tax_receipt_label(TaxReceiptPref p)
{
    switch (p) {
    case TaxReceiptPref::annual: return tr("Annual receipt");
    case TaxReceiptPref::per_gift: return tr("Receipt per gift");
    case TaxReceiptPref::none: return tr("No receipt");
    case TaxReceiptPref::email: return tr("Receipt by email");
    }
    return "";
}

const char* consent_channel_label(ConsentChannel c)
{
    switch (c) {
    case ConsentChannel::post: return tr("Post");
    case ConsentChannel::email: return tr("Email");
    case ConsentChannel::phone: return tr("Phone");
    case ConsentChannel::sms: return tr("SMS");
    }
    return "";
}

} // namespace obole::ui
