// UI text goes through tr(): the English text is the key into the current
// language's catalog (assets/i18n/<lang>.json), as gettext does.
#pragma once
#include "core/text/catalog.h"

namespace obole::ui {

void set_catalog(const Catalog* catalog);
const char* tr(const char* english);
inline const char* tr(const std::string& english)
{
    return tr(english.c_str());
}
// The language of the current catalog ("en" when none is loaded).
const char* current_lang();

} // namespace obole::ui
