// Backups a small association keeps itself: the whole local database as one
// file. Reading one back checks that it is an Obole database this version can
// open (older schemas are migrated in the copy, newer ones refused).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace obole {

struct Backup {
    std::vector<uint8_t> image; // ready to become this device's database
    int64_t members = 0;
    int64_t gifts = 0;
};

// Codes: backup.empty, and those of Store::open_untrusted_bytes (db.corrupt,
// db.not_obole, db.newer_version, db.damaged). The bytes given are never modified; the
// image returned has forgotten its enrolment with a server (see backup.cpp).
Result<Backup> read_backup(const std::vector<uint8_t>& bytes);

// "obole-backup-2026-11-23.sqlite" for the given ISO date.
std::string backup_file_name(const std::string& iso_date);

} // namespace obole
