// The translated name of a recurring gift's frequency.
#pragma once
#include "core/calendar/frequency.h"
#include "ui/tr.h"

namespace obole::ui {

inline const char* frequency_label(Frequency f)
{
    switch (f) {
    case Frequency::monthly: return tr("Monthly");
    case Frequency::quarterly: return tr("Quarterly");
    case Frequency::half_yearly: return tr("Half-yearly");
    case Frequency::yearly: return tr("Yearly");
    }
    return "";
}

inline constexpr Frequency kFrequencies[] = {Frequency::monthly, Frequency::quarterly, Frequency::half_yearly,
                                             Frequency::yearly};

} // namespace obole::ui
