#include "server/server_store.h"

#include <filesystem>

namespace obole::server {

namespace {

Result<std::unique_ptr<Store>> attach(Result<std::unique_ptr<Store>> opened, const std::string& server_db)
{
    if (!opened)
        return opened;
    Store& store = *opened.value();
    // Rollback journal: atomic commits across the two files (see header).
    if (Result<void> r = store.exec("PRAGMA journal_mode = DELETE"); !r)
        return r.error();
    std::string sql = "ATTACH DATABASE '" + server_db + "' AS server";
    if (server_db.find('\'') != std::string::npos)
        return fail("server.data_path", "The data folder's path may not contain a quote.");
    if (Result<void> r = store.exec(sql.c_str()); !r)
        return r.error();
    // What is deleted or overwritten is zeroed on disk at once: a person
    // erased at their request (core/privacy/member_erasure.h) stays in no
    // free page of either file, nor in the snapshots served from them.
    if (Result<void> r = store.exec("PRAGMA main.secure_delete = ON; PRAGMA server.secure_delete = ON"); !r)
        return r.error();
    return opened;
}

} // namespace

Result<std::unique_ptr<Store>> open_server_store(const std::string& data_dir)
{
    const std::filesystem::path dir(data_dir);
    return attach(Store::open_file((dir / "obole.db").string()), (dir / "server.db").string());
}

Result<std::unique_ptr<Store>> open_memory_server_store()
{
    return attach(Store::open_memory(), ":memory:");
}

} // namespace obole::server
