// How the UI names things: translated words for core values, and hidden labels.
#pragma once
#include "core/members/consent_repository.h"
#include "core/members/member.h"
#include "core/money/gift.h"

#include <string>

namespace obole::ui {

const char* payment_method_label(PaymentMethod m);
const char* tax_receipt_label(TaxReceiptPref p);
const char* consent_channel_label(ConsentChannel c);

// ImGui hides what follows "##" in a label. Obole puts the item's accessible
// name there when the visible label is drawn separately (a column of labels),
// so the accessibility mirror and the browser tests still find the item by name.
inline std::string hidden_label(const char* name)
{
    return std::string("##") + name;
}
inline std::string hidden_label(const std::string& name)
{
    return "##" + name;
}

} // namespace obole::ui
