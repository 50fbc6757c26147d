// libFuzzer target: a backup file read back (core/import_export/backup.h),
// which anyone may have made: SQLite's defensive mode and integrity check
// (Store::open_untrusted_bytes) stand between its bytes and the app. The
// seed is a real backup the build writes (backup_seed.cpp). Beyond not
// crashing: a backup accepted opens as this device's database and holds
// the members it announced.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/import_export/backup.h"
#include "core/members/member_repository.h"
#include "core/store/store.h"

#include "checks.h"

using obole::fuzz::require_property;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const obole::Result<obole::Backup> backup = obole::read_backup(std::vector<uint8_t>(data, data + size));
    if (!backup)
        return 0;
    auto copy = obole::Store::open_bytes(backup->image);
    require_property(copy.ok(), "a backup accepted opens as the device's database");
    require_property(obole::MemberRepository(**copy).count().value() == backup->members,
                     "a backup accepted holds the members it announced");
    return 0;
}
