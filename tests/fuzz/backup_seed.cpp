// Writes the backup target's seed: a backup of a two-member demo
// association, as the app would export it, in 512-byte pages (SQLite's
// smallest) so that the fuzzer's input is some 100 KB rather than 440.
//   obole_backup_seed FILE
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <sqlite3.h>

#include "core/import_export/backup.h"
#include "core/store/store.h"
#include "gen/demo_data.h"

#include "checks.h"

using obole::fuzz::require_setup;

namespace {

// In the file, where SQLite can change the page size (not in memory).
void use_small_pages(const char* path)
{
    sqlite3* db = nullptr;
    require_setup(sqlite3_open(path, &db) == SQLITE_OK, "the seed file");
    require_setup(sqlite3_exec(db, "PRAGMA page_size = 512; VACUUM;", nullptr, nullptr, nullptr) == SQLITE_OK,
                  "VACUUM to small pages");
    sqlite3_close(db);
}

std::vector<uint8_t> file_bytes(const char* path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: obole_backup_seed FILE\n");
        return 2;
    }
    auto store = obole::Store::open_memory();
    require_setup(store.ok(), "memory store");
    obole::DemoOptions demo;
    demo.members = 2;
    demo.today = "2026-06-01";
    demo.long_history = false;
    require_setup(obole::generate_demo(**store, demo).ok(), "demo association");
    const std::vector<uint8_t> image = (*store)->serialize();
    std::ofstream(argv[1], std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(image.data()), std::streamsize(image.size()));
    use_small_pages(argv[1]);
    require_setup(obole::read_backup(file_bytes(argv[1])).ok(), "the seed reads back as a backup");
    return 0;
}
