#include "core/import_export/backup.h"

#include "core/members/member_repository.h"
#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole {

Result<Backup> read_backup(const std::vector<uint8_t>& bytes)
{
    // An empty image would open as a new database: a backup file with
    // nothing in it is a mistake, not a fresh start.
    if (bytes.empty())
        return fail("backup.empty", "This file is empty: it is not an Obole backup.");
    // Anyone may have made the file: it is checked whole before use.
    Result<std::unique_ptr<Store>> store = Store::open_untrusted_bytes(bytes);
    if (!store)
        return store.error();
    // A restored copy is a new device to the server: one that kept the old
    // enrolment would number its next changes as the server has already
    // seen them, and they would be skipped. It forgets the token and device
    // id (sync/client writes them) and is enrolled again; its waiting changes
    // then go out under the new identity, and what the server already holds
    // is recognised by the rows' ids.
    if (Result<void> r = (*store)->exec("DELETE FROM meta WHERE key IN ('sync_token', 'sync_device_id', "
                                        "'sync_operator', 'sync_operator_name', 'sync_operator_role', "
                                        "'sync_last_success_ms')");
        !r)
        return r.error();
    // The counts the person confirms the import with: wrong, they would
    // replace this device's data with a backup they did not mean.
    Result<int64_t> members = MemberRepository(**store).count();
    if (!members)
        return members.error();
    Statement gifts((*store)->db(), "SELECT count(*) FROM gift");
    Result<int64_t> gift_count = gifts.single_int64();
    if (!gift_count)
        return gift_count.error();
    Backup b;
    b.members = *members;
    b.gifts = *gift_count;
    b.image = (*store)->serialize();
    if (b.image.empty())
        return fail("backup.unreadable", "This backup could not be read into memory.");
    return b;
}

std::string backup_file_name(const std::string& iso_date)
{
    return "obole-backup-" + iso_date + ".sqlite";
}

} // namespace obole
