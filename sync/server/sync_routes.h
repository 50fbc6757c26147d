// HTTP routes of sync: push, pull, and the snapshot a device starts from.
// A push's body is read with read_text_body (request_body.h), never by httplib.
#pragma once

#include <mutex>

namespace httplib {
class Server;
}

namespace obole {
class Store;
}

namespace obole::server {

class RequestGate;
class RoleCopies;
class SyncService;

struct SyncRoutesOptions {
    // A demo server's data is generated, not personal: its snapshot may be
    // read without a token, so a browser can try the app before enrolling.
    bool open_snapshot = false;
};

// Every route passes `gate` first (rate limits, the token: request_gate.h);
// pulls and snapshots are cut for the device's role (role_copy.h), `copies`
// keeping the last snapshot of each reduced view.
void add_sync_routes(httplib::Server& http, Store& store, SyncService& sync, RequestGate& gate, std::mutex& store_mutex,
                     RoleCopies& copies, SyncRoutesOptions options);

} // namespace obole::server
