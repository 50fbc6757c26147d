// A prepared statement that finalizes itself. Binding after a failed prepare
// is a no-op and step() then reports an error, so callers check once: a
// write with run(), a read with rows() or, after its own step() loop, with
// finished(). A read that failed half-way is an error, never a short list.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace obole {

// The connection's last SQLite error as an Error: "db.constraint" when a
// value did not fit the schema (a CHECK, NOT NULL or UNIQUE constraint: the
// data's fault, not the database's), "db.error" otherwise. The message holds
// SQLite's own words, for logs; never show it as is.
Error sqlite_error_of(sqlite3* db);

class Statement {
public:
    Statement(sqlite3* db, const char* sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool ok() const { return stmt_ != nullptr; }

    // Indexes start at 1, as in SQLite. Text is copied.
    void bind_text(int index, std::string_view value);
    void bind_int64(int index, int64_t value);
    void bind_null(int index);
    void bind_text_or_null(int index, std::string_view value); // NULL when empty
    // A UUID given as canonical text, stored as a 16-byte BLOB (core/store/uuid.h).
    // Empty or malformed text binds NULL: it matches no row, and a NOT NULL
    // column refuses it.
    void bind_uuid(int index, std::string_view uuid);
    // Bytes as a BLOB (a document's content); copied.
    void bind_blob(int index, std::string_view bytes);

    enum class Step { row, done, error };
    Step step();
    // One step, for a read of one row or a check that one exists: whether
    // a row came; a failure is an error, never "no row".
    Result<bool> next();
    // Steps to the end; an error becomes an Error (sqlite_error_of).
    Result<void> run();
    // After a step() loop: the error that ended it, if one did (a failed
    // prepare included). Remembered until reset().
    Result<void> finished() const;
    // Every row, each read by `read(*this)`; an error instead of a short list.
    template <class Read>
    auto rows(Read read) -> Result<std::vector<decltype(read(*this))>>
    {
        std::vector<decltype(read(*this))> out;
        while (step() == Step::row)
            out.push_back(read(*this));
        if (Result<void> done = finished(); !done)
            return done.error();
        return out;
    }
    // The first column of the one row of a query that always has one
    // (count(*), max(...)): an error instead of a zero nobody could tell
    // from a true one.
    Result<int64_t> single_int64();
    // Ready to run again with new bindings.
    void reset();

    // Columns start at 0. NULL reads as "" and 0.
    std::string column_text(int column) const;
    std::string_view column_view(int column) const; // valid until the next step/reset
    int64_t column_int64(int column) const;
    // A 16-byte BLOB column as canonical UUID text; "" for NULL.
    std::string column_uuid(int column) const;
    // A BLOB column's bytes; "" for NULL.
    std::string column_blob(int column) const;
    bool column_is_null(int column) const;

    Error error() const;
    sqlite3_stmt* handle() { return stmt_; }

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
    // Taken when it happens: the connection's own message is overwritten by
    // the next statement that runs.
    std::optional<Error> failure_;
};

} // namespace obole
