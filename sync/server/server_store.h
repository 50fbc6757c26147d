// The server's data folder: obole.db, the replica every device holds a copy
// of (same schema, same code), with server.db attached to the same
// connection as schema `server`: what only the server has (operators,
// devices, the numbered change log, each device's last sequence number).
//
// Two files so that a device's first snapshot is obole.db as it stands, with
// no secrets or server history to strip out. One connection so that a push
// commits its changes and its log entries together: the database runs in
// rollback-journal mode, where SQLite commits attached databases atomically
// (WAL mode would not).
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "core/store/store.h"

namespace obole::server {

Result<std::unique_ptr<Store>> open_server_store(const std::string& data_dir);

// The same layout in memory (tests).
Result<std::unique_ptr<Store>> open_memory_server_store();

} // namespace obole::server
