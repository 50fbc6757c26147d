// A combo to choose how money was paid, as in the gift form.
#pragma once
#include "core/money/gift.h"
#include "ui/accessible.h"
#include "ui/labels.h"

#include <imgui.h>

namespace obole::ui {

inline void payment_method_combo(const char* label, PaymentMethod* method)
{
    static const PaymentMethod kMethods[] = {PaymentMethod::cash,         PaymentMethod::cheque,
                                             PaymentMethod::card,         PaymentMethod::transfer,
                                             PaymentMethod::direct_debit, PaymentMethod::other};
    if (!begin_combo(hidden_label(label).c_str(), payment_method_label(*method)))
        return;
    for (PaymentMethod m : kMethods)
        if (ImGui::Selectable(payment_method_label(m), m == *method))
            *method = m;
    ImGui::EndCombo();
}

// The translated name of a stored method ("cheque"); the text itself when unknown.
inline const char* payment_method_text(const std::string& stored)
{
    PaymentMethod m;
    return parse_payment_method(stored, &m) ? payment_method_label(m) : stored.c_str();
}

} // namespace obole::ui
