#include "core/migrations.h"

#include <string>

#include <sqlite3.h>

#include "core/store.h"

namespace obole {

namespace {

// Schema 1. Ids are UUIDv7 text made on the device; dates are ISO-8601 text;
// money is integer cents. Empty text means "not given" (NOT NULL DEFAULT ''),
// except references, which are NULL when absent so foreign keys hold.
const char kSchema1[] = R"SQL(
CREATE TABLE meta(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE campaign(
  id         TEXT PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  channel    TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL DEFAULT ''
);

CREATE TABLE member(
  id                 TEXT PRIMARY KEY,
  member_no          INTEGER NOT NULL UNIQUE,
  civility           TEXT NOT NULL DEFAULT '',
  first_name         TEXT NOT NULL DEFAULT '',
  last_name          TEXT NOT NULL,
  birth_date         TEXT NOT NULL DEFAULT '',
  entry_date         TEXT NOT NULL DEFAULT '',
  origin_date        TEXT NOT NULL DEFAULT '',
  origin_campaign_id TEXT REFERENCES campaign(id),
  suspension_code    TEXT NOT NULL DEFAULT '',
  stop_promo         INTEGER NOT NULL DEFAULT 0,
  tax_receipt_pref   TEXT NOT NULL DEFAULT 'annual'
                     CHECK(tax_receipt_pref IN ('annual','per_gift','none','email')),
  memo_active        TEXT NOT NULL DEFAULT '',
  memo_misc          TEXT NOT NULL DEFAULT '',
  notepad            TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  deleted            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX member_origin_campaign ON member(origin_campaign_id);

CREATE TABLE address(
  id        TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES member(id),
  line1     TEXT NOT NULL DEFAULT '',
  line2     TEXT NOT NULL DEFAULT '',
  postcode  TEXT NOT NULL DEFAULT '',
  city      TEXT NOT NULL DEFAULT '',
  country   TEXT NOT NULL DEFAULT '',
  is_main   INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX address_member ON address(member_id, is_main);

CREATE TABLE phone(
  id         TEXT PRIMARY KEY,
  member_id  TEXT NOT NULL REFERENCES member(id),
  kind       TEXT NOT NULL DEFAULT '',
  number     TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX phone_member ON phone(member_id);
CREATE INDEX phone_number ON phone(number);

CREATE TABLE email(
  id                 TEXT PRIMARY KEY,
  member_id          TEXT NOT NULL REFERENCES member(id),
  address            TEXT NOT NULL,
  origin_campaign_id TEXT REFERENCES campaign(id),
  origin_date        TEXT NOT NULL DEFAULT '',
  usable             INTEGER NOT NULL DEFAULT 1,
  bounces            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX email_member ON email(member_id);
CREATE INDEX email_address ON email(address COLLATE NOCASE);
CREATE INDEX email_origin_campaign ON email(origin_campaign_id);

CREATE TABLE campaign_received(
  id            TEXT PRIMARY KEY,
  member_id     TEXT NOT NULL REFERENCES member(id),
  campaign_id   TEXT NOT NULL REFERENCES campaign(id),
  received_date TEXT NOT NULL
);
CREATE INDEX campaign_received_member ON campaign_received(member_id, received_date);
CREATE INDEX campaign_received_campaign ON campaign_received(campaign_id);

CREATE TABLE gift(
  id             TEXT PRIMARY KEY,
  member_id      TEXT NOT NULL REFERENCES member(id),
  amount_cents   INTEGER NOT NULL CHECK(amount_cents > 0),
  currency       TEXT NOT NULL DEFAULT 'EUR',
  gift_date      TEXT NOT NULL,
  payment_method TEXT NOT NULL
                 CHECK(payment_method IN ('cash','cheque','card','transfer','direct_debit','other')),
  cheque_number  TEXT NOT NULL DEFAULT '',
  campaign_id    TEXT REFERENCES campaign(id),
  operator       TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL
);
CREATE INDEX gift_member ON gift(member_id, gift_date);
CREATE INDEX gift_campaign ON gift(campaign_id);
CREATE INDEX gift_date ON gift(gift_date);

-- No foreign key on member_id: the journal outlives what it describes.
CREATE TABLE journal(
  id        TEXT PRIMARY KEY,
  at        TEXT NOT NULL,
  operator  TEXT NOT NULL DEFAULT '',
  member_id TEXT NOT NULL DEFAULT '',
  action    TEXT NOT NULL,
  detail    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX journal_member ON journal(member_id, at);

-- Search index: derived data, see core/search_index.h.
CREATE TABLE search_doc(
  doc       INTEGER PRIMARY KEY,
  member_id TEXT NOT NULL UNIQUE REFERENCES member(id),
  sort_key  TEXT NOT NULL UNIQUE,
  names     TEXT NOT NULL,
  text      TEXT NOT NULL,
  extra     TEXT NOT NULL
);
CREATE TABLE search_token(
  field INTEGER NOT NULL,
  token TEXT NOT NULL,
  doc   INTEGER NOT NULL,
  PRIMARY KEY(field, token, doc)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE search_fts USING fts5(
  text, content='search_doc', content_rowid='doc', tokenize='trigram');
)SQL";

} // namespace

const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> list = {
        {1, kSchema1},
    };
    return list;
}

int current_schema_version()
{
    return migrations().back().version;
}

Result<void> apply_migrations(sqlite3* db)
{
    auto sql_error = [db](const char* what) {
        return fail("db.migration_failed", std::string(what) + sqlite3_errmsg(db));
    };
    sqlite3_stmt* stmt = nullptr;
    int version = 0;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        version = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);

    for (const Migration& m : migrations()) {
        if (m.version <= version)
            continue;
        if (sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
            return sql_error("Could not start the schema upgrade: ");
        std::string tail = "PRAGMA user_version = " + std::to_string(m.version) + ";";
        if (version == 0)
            tail += "PRAGMA application_id = " + std::to_string(kObolApplicationId) + ";";
        if (sqlite3_exec(db, m.sql, nullptr, nullptr, nullptr) != SQLITE_OK ||
            sqlite3_exec(db, tail.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
            Error e = sql_error("The schema upgrade failed: ");
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            return e;
        }
        if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
            Error e = sql_error("The schema upgrade could not be saved: ");
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            return e;
        }
        version = m.version;
    }
    return {};
}

} // namespace obole
