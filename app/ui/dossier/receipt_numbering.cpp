#include "ui/dossier/receipt_numbering.h"

#include "client/outbox.h"

namespace obole::ui {

ReceiptNumbering receipt_numbering(const AppState& app)
{
    if (app.enrolled())
        return ReceiptNumbering::server;
    // Data that came from a server has a cursor. Unreadable, the server
    // numbers: a receipt waits for its number, but none is ever printed with
    // a number the server would give another.
    Result<std::string> cursor = sync::read_meta(*app.store, "pull_cursor");
    return !cursor || !cursor->empty() ? ReceiptNumbering::server : ReceiptNumbering::here;
}

CollectionAuthority collection_authority(const AppState& app)
{
    return receipt_numbering(app) == ReceiptNumbering::server ? CollectionAuthority::server : CollectionAuthority::here;
}

} // namespace obole::ui
