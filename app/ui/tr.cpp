#include "ui/tr.h"

namespace obole::ui {

static const Catalog* g_catalog = nullptr;

void set_catalog(const Catalog* catalog)
{
    g_catalog = catalog;
}

const char* tr(const char* english)
{
    return g_catalog ? g_catalog->tr(english) : english;
}

const char* current_lang()
{
    return g_catalog && !g_catalog->lang.empty() ? g_catalog->lang.c_str() : "en";
}

} // namespace obole::ui
