#include "core/store/statement.h"

#include <sqlite3.h>

#include "core/store/uuid.h"

namespace obole {

Error sqlite_error_of(sqlite3* db)
{
    const bool constraint = (sqlite3_extended_errcode(db) & 0xff) == SQLITE_CONSTRAINT;
    return fail(constraint ? "db.constraint" : "db.error",
                std::string("A database error occurred: ") + sqlite3_errmsg(db));
}

Statement::Statement(sqlite3* db, const char* sql) : db_(db)
{
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) {
        failure_ = sqlite_error_of(db);
        sqlite3_finalize(stmt_);
        stmt_ = nullptr;
    }
}

Statement::~Statement()
{
    sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), failure_(std::move(other.failure_))
{
    other.stmt_ = nullptr;
}

void Statement::bind_text(int index, std::string_view value)
{
    if (stmt_)
        sqlite3_bind_text64(stmt_, index, value.data() ? value.data() : "", value.size(), SQLITE_TRANSIENT,
                            SQLITE_UTF8);
}

void Statement::bind_int64(int index, int64_t value)
{
    if (stmt_)
        sqlite3_bind_int64(stmt_, index, value);
}

void Statement::bind_null(int index)
{
    if (stmt_)
        sqlite3_bind_null(stmt_, index);
}

void Statement::bind_text_or_null(int index, std::string_view value)
{
    if (value.empty())
        bind_null(index);
    else
        bind_text(index, value);
}

void Statement::bind_blob(int index, std::string_view bytes)
{
    if (stmt_)
        sqlite3_bind_blob64(stmt_, index, bytes.data() ? bytes.data() : "", bytes.size(), SQLITE_TRANSIENT);
}

void Statement::bind_uuid(int index, std::string_view uuid)
{
    UuidBytes bytes;
    if (!uuid_to_blob(uuid, &bytes))
        bind_null(index);
    else if (stmt_)
        sqlite3_bind_blob(stmt_, index, bytes.data(), int(bytes.size()), SQLITE_TRANSIENT);
}

Statement::Step Statement::step()
{
    if (!stmt_)
        return Step::error;
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return Step::row;
    if (rc == SQLITE_DONE)
        return Step::done;
    failure_ = sqlite_error_of(db_);
    return Step::error;
}

Result<bool> Statement::next()
{
    switch (step()) {
    case Step::row: return true;
    case Step::done: return false;
    case Step::error: break;
    }
    return error();
}

Result<void> Statement::run()
{
    for (;;) {
        Step s = step();
        if (s == Step::done)
            return {};
        if (s == Step::error)
            return error();
    }
}

Result<void> Statement::finished() const
{
    if (failure_)
        return *failure_;
    return {};
}

Result<int64_t> Statement::single_int64()
{
    if (Step s = step(); s != Step::row)
        return s == Step::error ? error() : fail("db.no_row", "The database gave no answer.");
    return column_int64(0);
}

void Statement::reset()
{
    if (stmt_) { // a failed prepare stays failed
        failure_.reset();
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
}

std::string Statement::column_text(int column) const
{
    return std::string(column_view(column));
}

std::string Statement::column_blob(int column) const
{
    if (!stmt_)
        return {};
    const void* bytes = sqlite3_column_blob(stmt_, column);
    if (!bytes)
        return {};
    return std::string(static_cast<const char*>(bytes), size_t(sqlite3_column_bytes(stmt_, column)));
}

std::string_view Statement::column_view(int column) const
{
    if (!stmt_)
        return {};
    const unsigned char* text = sqlite3_column_text(stmt_, column);
    if (!text)
        return {};
    return std::string_view(reinterpret_cast<const char*>(text), size_t(sqlite3_column_bytes(stmt_, column)));
}

int64_t Statement::column_int64(int column) const
{
    return stmt_ ? sqlite3_column_int64(stmt_, column) : 0;
}

std::string Statement::column_uuid(int column) const
{
    if (!stmt_ || sqlite3_column_type(stmt_, column) != SQLITE_BLOB)
        return {};
    const void* data = sqlite3_column_blob(stmt_, column);
    return uuid_from_blob(data, size_t(sqlite3_column_bytes(stmt_, column)));
}

bool Statement::column_is_null(int column) const
{
    return !stmt_ || sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Error Statement::error() const
{
    return failure_ ? *failure_ : sqlite_error_of(db_);
}

} // namespace obole
