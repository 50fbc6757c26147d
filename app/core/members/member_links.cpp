#include "core/members/member_links.h"

#include <mutex>

#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole {

namespace {

// Member references that stay where they are when their member is merged.
struct Kept {
    const char* table;
    const char* column; // nullptr: every column of the table
};
constexpr Kept kKept[] = {
    {"member", "merged_into_ref"},    // the merge pointer itself
    {"member_segment", nullptr},      // derived: the survivor's is computed again
    {"search_doc", nullptr},          // derived: both members are indexed again
    {"duplicate_candidate", nullptr}, // the pair a person settled by merging it
    {"member_erasure", nullptr},      // an erasure names whom it erases, never the survivor
};

bool kept(const std::string& table, const std::string& column)
{
    for (const Kept& k : kKept)
        if (table == k.table && (!k.column || column == k.column))
            return true;
    return false;
}

Result<bool> has_id_column(Store& store, const std::string& table)
{
    Statement s(store.db(), "SELECT 1 FROM pragma_table_info(?1) WHERE name = 'id'");
    s.bind_text(1, table);
    const bool has = s.step() == Statement::Step::row;
    if (Result<void> done = s.finished(); !done)
        return done.error();
    return has;
}

Result<std::vector<MemberLink>> read_links(Store& store)
{
    Statement s(store.db(), "SELECT t.name, k.\"from\" FROM sqlite_master t, pragma_foreign_key_list(t.name) k "
                            "WHERE t.type = 'table' AND k.\"table\" = 'member' ORDER BY t.name, k.\"from\"");
    std::vector<MemberLink> links;
    for (;;) {
        Statement::Step step = s.step();
        if (step == Statement::Step::error)
            return s.error();
        if (step == Statement::Step::done)
            break;
        MemberLink link{s.column_text(0), s.column_text(1)};
        if (kept(link.table, link.column))
            continue;
        // A row is moved back by its UUID on unmerge: a table without one
        // could not be, so it is a schema mistake, said loudly.
        Result<bool> has_id = has_id_column(store, link.table);
        if (!has_id)
            return has_id.error();
        if (!*has_id)
            return fail("merge.no_row_id", "A table that refers to members has no id column.", link.table);
        links.push_back(std::move(link));
    }
    return links;
}

} // namespace

// Sync asks for every change it applies, and the schema does not change
// under a running program but by a migration: read once per version.
Result<std::vector<MemberLink>> member_links(Store& store)
{
    static std::mutex lock;
    static int version = -1;
    static std::vector<MemberLink> links;
    std::lock_guard<std::mutex> hold(lock);
    Result<int> now = store.schema_version();
    if (!now)
        return now.error();
    if (version != *now) {
        Result<std::vector<MemberLink>> read = read_links(store);
        if (!read)
            return read.error();
        links = std::move(*read);
        version = *now;
    }
    return links;
}

bool follows_merges(const std::vector<MemberLink>& links, const std::string& table, const std::string& column)
{
    for (const MemberLink& l : links)
        if (l.table == table && l.column == column)
            return true;
    return false;
}

} // namespace obole
