#include "ui/dossier/receipt_numbering.h"

#include "client/outbox.h"

namespace obole::ui {

ReceiptNumbering receipt_numbering(const AppState& app)
{
    return app.enrolled() || !sync::read_meta(*app.store, "pull_cursor").empty() ? ReceiptNumbering::server
                                                                                 : ReceiptNumbering::here;
}

} // namespace obole::ui
