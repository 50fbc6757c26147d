#include "core/members/duplicate_repository.h"

#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole {

namespace {

const char kOpenPairs[] = "FROM duplicate_candidate d "
                          "JOIN member a ON a.ref = d.member_ref AND a.deleted = 0 AND a.merged_into_ref IS NULL "
                          "JOIN member b ON b.ref = d.other_ref AND b.deleted = 0 AND b.merged_into_ref IS NULL "
                          "WHERE d.status = 'open'";

} // namespace

Result<std::vector<DuplicateCandidate>> DuplicateRepository::open(int limit)
{
    std::vector<DuplicateCandidate> out;
    const std::string sql =
        std::string("SELECT d.id, a.id, b.id, trim(a.first_name || ' ' || a.last_name), "
                    "trim(b.first_name || ' ' || b.last_name), a.member_no, b.member_no, d.reason ") +
        kOpenPairs + " ORDER BY d.created_at, d.id LIMIT ?1";
    Statement s(store_.db(), sql.c_str());
    s.bind_int64(1, limit);
    while (s.step() == Statement::Step::row) {
        DuplicateCandidate c;
        c.id = s.column_uuid(0);
        c.member_id = s.column_uuid(1);
        c.other_member_id = s.column_uuid(2);
        c.member_name = s.column_text(3);
        c.other_name = s.column_text(4);
        c.member_no = s.column_int64(5);
        c.other_no = s.column_int64(6);
        c.reason = s.column_text(7);
        out.push_back(std::move(c));
    }
    if (Result<void> done = s.finished(); !done)
        return done.error();
    return out;
}

Result<int64_t> DuplicateRepository::open_count()
{
    Statement s(store_.db(), (std::string("SELECT count(*) ") + kOpenPairs).c_str());
    return s.single_int64();
}

Result<void> DuplicateRepository::dismiss(const std::string& candidate_id, const std::string& operator_name)
{
    Statement find(store_.db(), "SELECT m.id FROM duplicate_candidate d JOIN member m ON m.ref = d.member_ref "
                                "WHERE d.id = ?1 AND d.status = 'open'");
    find.bind_uuid(1, candidate_id);
    if (find.step() != Statement::Step::row) {
        if (Result<void> done = find.finished(); !done)
            return done.error();
        return fail("duplicate.not_found", "This pair was already dealt with.");
    }
    const std::string member = find.column_uuid(0);
    return store_.transaction([&]() -> Result<void> {
        Statement close(store_.db(), "UPDATE duplicate_candidate SET status = 'dismissed' WHERE id = ?1");
        close.bind_uuid(1, candidate_id);
        if (Result<void> r = close.run(); !r)
            return r;
        return Journal(store_).append(member, "duplicate.dismiss", "", operator_name);
    });
}

} // namespace obole
