#include "server/auth.h"

#include <chrono>
#include <cstdio>
#include <string_view>

#include <sodium.h>

#include "core/calendar/date.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"
#include "core/text/person_name.h"
#include "core/text/text_fold.h"
#include "server/admin_journal.h"
#include "server/password.h"

namespace obole::server {

namespace {

// Secrets are kept as their BLAKE2b hash (hex): tokens carry 256 random bits
// and codes are single-use and short-lived, so a fast unsalted hash is
// enough; operator passwords, chosen by people, get Argon2id instead.
// Foreign keys stay inside the `server` schema, as SQLite requires.
const char kSchema[] = R"SQL(
CREATE TABLE IF NOT EXISTS server.operator(
  login         TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'office', 'volunteer', 'fundraiser')),
  password_hash TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS server.enrol_code(
  code_hash      TEXT PRIMARY KEY,
  operator_login TEXT NOT NULL REFERENCES operator(login),
  issued_at      INTEGER NOT NULL,
  expires_at     INTEGER NOT NULL,
  used_at        INTEGER,
  failed_tries   INTEGER NOT NULL DEFAULT 0,
  blocked_at     INTEGER
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS server.device(
  device_id      BLOB PRIMARY KEY,
  name           TEXT NOT NULL,
  operator_login TEXT NOT NULL REFERENCES operator(login),
  token_hash     TEXT NOT NULL UNIQUE,
  enrolled_at    INTEGER NOT NULL,
  last_seen      INTEGER NOT NULL,
  revoked        INTEGER NOT NULL DEFAULT 0,
  pending_token_hash TEXT
) WITHOUT ROWID;
)SQL";

// Columns added since the tables were first made: a server database of an
// earlier version gets them on its next start.
const char* const kAddedColumns[][3] = {
    {"enrol_code", "failed_tries", "INTEGER NOT NULL DEFAULT 0"},
    {"enrol_code", "blocked_at", "INTEGER"},
    {"device", "pending_token_hash", "TEXT"},
};

const char kAddedIndexes[] = "CREATE INDEX IF NOT EXISTS server.device_pending_token ON device(pending_token_hash);";

// No 0/O, 1/I/L: a code read aloud or copied from a screen survives.
constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
constexpr size_t kCodeLength = 8; // 31^8: about 40 bits, and the password is needed too
constexpr size_t kTokenBytes = 32;
constexpr size_t kMinPasswordLength = 10;
constexpr size_t kMaxLoginLength = 64;
// last_seen feeds the admin's device list, not an audit trail: writing it at
// most once a minute per device keeps most authenticated requests read-only.
constexpr int64_t kLastSeenStepMs = 60'000;
// Expired codes are kept a week so that a late attempt hears "expired"
// rather than "unknown"; then issuing a new code clears them away.
constexpr int64_t kExpiredCodeKeptMs = 7LL * 24 * 3600 * 1000;

Error crypto_unavailable()
{
    return fail("auth.crypto_unavailable", "The cryptography library could not start.");
}

Error unknown_operator()
{
    return fail("auth.unknown_operator", "No operator has this login.", "login");
}

Error code_blocked()
{
    return fail("auth.code_blocked",
                "This enrol code is blocked after 5 wrong passwords; ask an administrator for a new one.", "code");
}

Error bad_code()
{
    return fail("auth.bad_code", "This enrol code is unknown, already used, or issued for another login.", "code");
}

std::string secret_hash(std::string_view secret)
{
    unsigned char digest[crypto_generichash_BYTES];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(secret.data()), secret.size(),
                       nullptr, 0);
    char hex[2 * sizeof digest + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

// Two hashes of secrets compared in constant time (sodium_memcmp): how long
// the comparison takes tells nothing of where they differ.
bool same_secret_hash(const std::string& a, const std::string& b)
{
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string new_token()
{
    unsigned char bytes[kTokenBytes];
    randombytes_buf(bytes, sizeof bytes);
    // URL-safe, unpadded: 43 characters that fit a header, a URL or a file as they are.
    char text[sodium_base64_ENCODED_LEN(kTokenBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(text, sizeof text, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return text;
}

// The 8 characters of a code, without its dash.
std::string new_code()
{
    std::string code;
    for (size_t i = 0; i < kCodeLength; ++i)
        code += kCodeAlphabet[randombytes_uniform(uint32_t(kCodeAlphabet.size()))];
    return code;
}

// "k7qx-m2pa", " K7QXM2PA " -> "K7QXM2PA"; "" when it cannot be a code.
std::string canonical_code(std::string_view typed)
{
    std::string code;
    for (char c : trim_spaces(typed)) {
        if (c == '-' || c == ' ')
            continue;
        if (c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
        if (kCodeAlphabet.find(c) == std::string_view::npos)
            return {};
        code += c;
    }
    return code.size() == kCodeLength ? code : std::string();
}

Result<std::string> canonical_login(std::string_view typed)
{
    std::string login(trim_spaces(typed));
    bool ok = !login.empty() && login.size() <= kMaxLoginLength;
    for (char& c : login) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' || c == '@'))
            ok = false;
    }
    if (!ok)
        return fail("auth.bad_login", "A login has 1 to 64 characters: letters, digits, '.', '_', '-' or '@'.",
                    "login");
    return login;
}

Result<void> check_password_strength(const std::string& password)
{
    if (utf8_length(password) < kMinPasswordLength)
        return fail("auth.weak_password", "A password has at least 10 characters.", "password");
    return {};
}

Result<bool> operator_exists(Store& store, const std::string& login)
{
    Statement select(store.db(), "SELECT 1 FROM server.operator WHERE login = ?1");
    select.bind_text(1, login);
    return select.next();
}

// An operator to change or to give a code to is one that exists.
Result<void> check_known(Store& store, const std::string& login)
{
    Result<bool> found = operator_exists(store, login);
    if (!found)
        return found.error();
    if (!*found)
        return unknown_operator();
    return {};
}

// A new operator's login is one nobody has.
Result<void> check_free(Store& store, const std::string& login)
{
    Result<bool> found = operator_exists(store, login);
    if (!found)
        return found.error();
    if (*found)
        return fail("auth.operator_exists", "An operator with this login already exists.", "login");
    return {};
}

Role role_or_volunteer(const std::string& name)
{
    // The table's CHECK allows only the four names; volunteer is the least
    // privilege should that ever be bypassed.
    return sync::parse_role(name).value_or(Role::volunteer);
}

} // namespace

Result<Role> parse_role(const std::string& name)
{
    if (std::optional<Role> role = sync::parse_role(name); role && name != "staff")
        return *role;
    return fail("auth.bad_role", "A role is admin, office, volunteer or fundraiser.", "role");
}

namespace {

// A server database from before the four roles knew three, and called the
// office "staff": its operator table is made again with the new list
// (SQLite cannot change a CHECK), foreign keys off meanwhile as SQLite's
// ALTER TABLE page prescribes, the store's transaction around it all.
Result<void> four_roles(Store& store)
{
    Statement sql(store.db(), "SELECT sql FROM server.sqlite_master WHERE name = 'operator'");
    Result<bool> found = sql.next();
    if (!found)
        return found.error();
    if (!*found || sql.column_text(0).find("'staff'") == std::string::npos)
        return {};
    sql.reset();
    if (Result<void> r = store.exec("PRAGMA foreign_keys = OFF"); !r)
        return r;
    Result<void> made = store.transaction([&]() -> Result<void> {
        const std::string create = kSchema;
        const std::string table = create.substr(0, create.find(";") + 1);
        std::string renamed = table;
        renamed.replace(renamed.find("server.operator("), 16, "server.operator_4(");
        if (Result<void> r = store.exec(renamed.c_str()); !r)
            return r;
        return store.exec("INSERT INTO server.operator_4(login, name, role, password_hash) "
                          "SELECT login, name, CASE role WHEN 'staff' THEN 'office' ELSE role END, password_hash "
                          "FROM server.operator;"
                          "DROP TABLE server.operator;"
                          "ALTER TABLE server.operator_4 RENAME TO operator;");
    });
    Result<void> on = store.exec("PRAGMA foreign_keys = ON");
    return made ? on : made;
}

} // namespace

Result<void> Auth::ensure_schema()
{
    if (!sodium_ready())
        return crypto_unavailable();
    if (Result<void> r = store_.exec(kSchema); !r)
        return r;
    if (Result<void> r = four_roles(store_); !r)
        return r;
    for (const auto& [table, column, declaration] : kAddedColumns) {
        Statement has(store_.db(), "SELECT 1 FROM pragma_table_info(?1, 'server') WHERE name = ?2");
        has.bind_text(1, table);
        has.bind_text(2, column);
        Result<bool> added = has.next();
        if (!added)
            return added.error();
        if (*added)
            continue;
        has.reset();
        const std::string alter =
            std::string("ALTER TABLE server.") + table + " ADD COLUMN " + column + " " + declaration;
        if (Result<void> r = store_.exec(alter.c_str()); !r)
            return r;
    }
    if (Result<void> r = store_.exec(kAddedIndexes); !r)
        return r;
    // Beside the accounts, what admins did with them (admin_journal.h).
    return ensure_admin_journal(store_);
}

Result<bool> Auth::has_operators()
{
    Statement select(store_.db(), "SELECT 1 FROM server.operator LIMIT 1");
    return select.next();
}

Result<void> Auth::add_operator(const std::string& login, const std::string& name, Role role,
                                const std::string& password)
{
    // Said before the slow hash, as it always was.
    if (Result<std::string> key = canonical_login(login); key)
        if (Result<void> free = check_free(store_, *key); !free)
            return free;
    Result<NewOperator> op = prepare_operator(login, name, role, password);
    if (!op)
        return op.error();
    return insert_operator(*op);
}

Result<NewOperator> Auth::prepare_operator(const std::string& login, const std::string& name, Role role,
                                           const std::string& password)
{
    Result<std::string> key = canonical_login(login);
    if (!key)
        return key.error();
    Result<std::string> full_name = validate_person_name(name);
    if (!full_name)
        return fail(full_name.error().code, full_name.error().message, "name");
    if (Result<void> r = check_password_strength(password); !r)
        return r.error();
    Result<std::string> hash = hash_password(password);
    if (!hash)
        return hash.error();
    return NewOperator{*key, full_name->empty() ? *key : *full_name, *hash, role};
}

Result<void> Auth::insert_operator(const NewOperator& op)
{
    if (Result<void> free = check_free(store_, op.login); !free)
        return free;
    Statement insert(store_.db(), "INSERT INTO server.operator(login, name, role, password_hash) "
                                  "VALUES(?1, ?2, ?3, ?4)");
    insert.bind_text(1, op.login);
    insert.bind_text(2, op.name);
    insert.bind_text(3, role_name(op.role));
    insert.bind_text(4, op.password_hash);
    return insert.run();
}

Result<void> Auth::set_password(const std::string& login, const std::string& password)
{
    Result<std::string> key = canonical_login(login);
    if (!key)
        return key.error();
    if (Result<void> r = check_password_strength(password); !r)
        return r;
    if (Result<void> known = check_known(store_, *key); !known)
        return known;
    Result<std::string> hash = hash_password(password);
    if (!hash)
        return hash.error();
    Statement update(store_.db(), "UPDATE server.operator SET password_hash = ?2 WHERE login = ?1");
    update.bind_text(1, *key);
    update.bind_text(2, *hash);
    return update.run();
}

Result<void> Auth::set_role(const std::string& login, Role role)
{
    Result<std::string> key = canonical_login(login);
    if (!key)
        return key.error();
    if (Result<void> known = check_known(store_, *key); !known)
        return known;
    Statement update(store_.db(), "UPDATE server.operator SET role = ?2 WHERE login = ?1");
    update.bind_text(1, *key);
    update.bind_text(2, role_name(role));
    return update.run();
}

Result<std::vector<OperatorInfo>> Auth::operators()
{
    std::vector<OperatorInfo> out;
    Statement select(store_.db(), "SELECT login, name, role FROM server.operator ORDER BY login");
    while (select.step() == Statement::Step::row)
        out.push_back({select.column_text(0), select.column_text(1), role_or_volunteer(select.column_text(2))});
    if (Result<void> done = select.finished(); !done)
        return done.error();
    return out;
}

Result<OperatorInfo> Auth::find_operator(const std::string& login)
{
    Result<std::string> key = canonical_login(login);
    if (!key)
        return key.error();
    Statement select(store_.db(), "SELECT login, name, role FROM server.operator WHERE login = ?1");
    select.bind_text(1, *key);
    Result<bool> found = select.next();
    if (!found)
        return found.error();
    if (!*found)
        return unknown_operator();
    return OperatorInfo{select.column_text(0), select.column_text(1), role_or_volunteer(select.column_text(2))};
}

Result<std::string> Auth::issue_enrol_code(const std::string& login, int ttl_minutes, int64_t now_ms)
{
    if (!sodium_ready())
        return crypto_unavailable();
    Result<std::string> key = canonical_login(login);
    if (!key)
        return key.error();
    if (Result<void> known = check_known(store_, *key); !known)
        return known.error();
    if (ttl_minutes < 1 || ttl_minutes > kMaxEnrolTtlMinutes)
        return fail("auth.bad_ttl", "An enrol code is valid from 1 minute to 30 days.", "ttl_minutes");

    Statement prune(store_.db(), "DELETE FROM server.enrol_code WHERE expires_at < ?1");
    prune.bind_int64(1, now_ms - kExpiredCodeKeptMs);
    if (Result<void> r = prune.run(); !r)
        return r.error();

    // Two live codes with the same hash would make one of them ambiguous;
    // the primary key refuses the second, and a fresh draw is all but certain
    // to differ.
    Result<void> inserted = fail("auth.code_collision", "No free enrol code could be drawn.");
    std::string code;
    for (int attempt = 0; attempt < 3 && !inserted; ++attempt) {
        code = new_code();
        Statement insert(store_.db(), "INSERT INTO server.enrol_code(code_hash, operator_login, issued_at, expires_at) "
                                      "VALUES(?1, ?2, ?3, ?4)");
        insert.bind_text(1, secret_hash(code));
        insert.bind_text(2, *key);
        insert.bind_int64(3, now_ms);
        insert.bind_int64(4, now_ms + int64_t(ttl_minutes) * 60'000);
        inserted = insert.run();
    }
    if (!inserted)
        return inserted.error();
    return code.substr(0, 4) + "-" + code.substr(4);
}

Result<Enrolment> Auth::enrol(const std::string& code, const std::string& login, const std::string& password,
                              const std::string& device_name, int64_t now_ms)
{
    Result<EnrolAttempt> attempt = begin_enrol(code, login, device_name, now_ms);
    if (!attempt)
        return attempt.error();
    return finish_enrol(*attempt, password_matches(*attempt, password), now_ms);
}

Result<EnrolAttempt> Auth::begin_enrol(const std::string& code, const std::string& login,
                                       const std::string& device_name, int64_t now_ms)
{
    if (!sodium_ready())
        return crypto_unavailable();
    const std::string typed_code = canonical_code(code);
    Result<std::string> key = canonical_login(login);
    if (typed_code.empty() || !key)
        return bad_code();
    EnrolAttempt attempt;
    attempt.code_hash = secret_hash(typed_code);
    attempt.login = *key;

    Statement code_row(store_.db(), "SELECT operator_login, expires_at, used_at IS NOT NULL, blocked_at IS NOT NULL "
                                    "FROM server.enrol_code WHERE code_hash = ?1");
    code_row.bind_text(1, attempt.code_hash);
    Statement::Step found = code_row.step();
    if (found == Statement::Step::error)
        return code_row.error();
    if (found != Statement::Step::row || code_row.column_int64(2) != 0)
        return bad_code();
    // The login is compared before saying anything more of the code.
    if (code_row.column_text(0) != *key)
        return bad_code();
    if (code_row.column_int64(3) != 0)
        return code_blocked();
    if (code_row.column_int64(1) <= now_ms)
        return fail("auth.code_expired", "This enrol code has expired; ask an administrator for a new one.", "code");
    code_row.reset(); // no read left open across a write

    // Bad input changes nothing: a device name refused costs no password try.
    Result<std::string> name = validate_person_name(device_name);
    if (!name)
        return fail(name.error().code, name.error().message, "device_name");
    attempt.device_name = name->empty() ? "Unnamed device" : *name;

    Statement op(store_.db(), "SELECT name, role, password_hash FROM server.operator WHERE login = ?1");
    op.bind_text(1, *key);
    Result<bool> found_operator = op.next();
    if (!found_operator)
        return found_operator.error();
    if (!*found_operator)
        return bad_code();
    attempt.operator_name = op.column_text(0);
    attempt.role = role_or_volunteer(op.column_text(1));
    attempt.password_hash = op.column_text(2);
    return attempt;
}

bool Auth::password_matches(const EnrolAttempt& attempt, const std::string& password) const
{
    return password_check_ ? password_check_(password, attempt.password_hash)
                           : verify_password(password, attempt.password_hash);
}

Result<Enrolment> Auth::finish_enrol(const EnrolAttempt& attempt, bool password_ok, int64_t now_ms)
{
    if (!password_ok) {
        // One more wrong password against the code; the last one blocks it.
        // In one statement, so that tries made at once all count.
        Statement count(store_.db(), "UPDATE server.enrol_code SET failed_tries = failed_tries + 1, "
                                     "blocked_at = CASE WHEN failed_tries + 1 >= ?2 THEN ?3 END "
                                     "WHERE code_hash = ?1 AND used_at IS NULL AND blocked_at IS NULL "
                                     "RETURNING failed_tries");
        count.bind_text(1, attempt.code_hash);
        count.bind_int64(2, kEnrolPasswordTries);
        count.bind_int64(3, now_ms);
        Statement::Step counted = count.step();
        if (counted == Statement::Step::error)
            return count.error();
        if (counted != Statement::Step::row)
            return code_blocked(); // blocked or used meanwhile, by another try
        const int64_t left = kEnrolPasswordTries - count.column_int64(0);
        if (Result<void> r = count.run(); !r)
            return r.error();
        if (left <= 0)
            return code_blocked();
        return fail("auth.bad_password",
                    left == 1 ? "The password is wrong; one more wrong password blocks this enrol code."
                              : "The password is wrong.",
                    "password");
    }

    Enrolment made;
    made.token = new_token();
    made.device_id = new_uuid_v7();
    made.principal = {attempt.login, attempt.operator_name, attempt.role, made.device_id, attempt.device_name};

    Result<void> written = store_.transaction([&]() -> Result<void> {
        // Unused and unblocked again, inside the write lock: of two
        // enrolments racing with one code, one wins, and a code blocked
        // while this password was checked stays blocked.
        Statement use(store_.db(), "UPDATE server.enrol_code SET used_at = ?2 "
                                   "WHERE code_hash = ?1 AND used_at IS NULL AND blocked_at IS NULL RETURNING 1");
        use.bind_text(1, attempt.code_hash);
        use.bind_int64(2, now_ms);
        Statement::Step used = use.step();
        if (used == Statement::Step::error)
            return use.error();
        if (used != Statement::Step::row)
            return bad_code();
        if (Result<void> r = use.run(); !r)
            return r;
        Statement insert(store_.db(), "INSERT INTO server.device(device_id, name, operator_login, token_hash, "
                                      "enrolled_at, last_seen) VALUES(?1, ?2, ?3, ?4, ?5, ?5)");
        insert.bind_uuid(1, made.device_id);
        insert.bind_text(2, made.principal.device_name);
        insert.bind_text(3, attempt.login);
        insert.bind_text(4, secret_hash(made.token));
        insert.bind_int64(5, now_ms);
        return insert.run();
    });
    if (!written)
        return written.error();
    return made;
}

Result<Principal> Auth::authenticate(const std::string& token, int64_t now_ms)
{
    if (!sodium_ready())
        return crypto_unavailable();
    const std::string hash = secret_hash(token);
    Statement select(store_.db(),
                     "SELECT d.device_id, d.name, d.last_seen, d.revoked, o.login, o.name, o.role, d.token_hash "
                     "FROM server.device d JOIN server.operator o ON o.login = d.operator_login "
                     "WHERE d.token_hash = ?1 OR d.pending_token_hash = ?1");
    select.bind_text(1, hash);
    Statement::Step found = select.step();
    if (found == Statement::Step::error)
        return select.error();
    if (found != Statement::Step::row)
        return fail("auth.invalid_token", "This token is not known to the server; enrol the device.");
    // The row was found by the token's hash; this says, in constant time,
    // whether by its current token or by the new one of a rotation.
    const std::string current = select.column_text(7);
    const bool rotated = !same_secret_hash(current, hash);
    if (select.column_int64(3) != 0)
        return fail("auth.revoked", "This device was revoked; enrol it again with a new code.");
    const int64_t last_seen = select.column_int64(2);
    if (now_ms - last_seen > int64_t(token_idle_days_) * 24 * 3600 * 1000)
        return fail("auth.token_expired",
                    "This device was not used for a long time, so its token expired; enrol it again with a new code.");

    Principal who{select.column_text(4), select.column_text(5), role_or_volunteer(select.column_text(6)),
                  select.column_uuid(0), select.column_text(1)};
    select.reset();
    if (rotated) {
        // The device has its new token: the old one stops working now.
        Statement promote(store_.db(), "UPDATE server.device SET token_hash = pending_token_hash, "
                                       "pending_token_hash = NULL, last_seen = ?2 WHERE device_id = ?1");
        promote.bind_uuid(1, who.device_id);
        promote.bind_int64(2, now_ms);
        if (Result<void> r = promote.run(); !r)
            return r.error();
    } else if (now_ms - last_seen >= kLastSeenStepMs) {
        Statement touch(store_.db(), "UPDATE server.device SET last_seen = ?2 WHERE device_id = ?1");
        touch.bind_uuid(1, who.device_id);
        touch.bind_int64(2, now_ms);
        // A busy database (the CLI writing) must not refuse a valid token:
        // last_seen is simply written on a later request.
        (void)touch.run();
    }
    return who;
}

Result<std::string> Auth::rotate_token(const Principal& who)
{
    if (!sodium_ready())
        return crypto_unavailable();
    const std::string token = new_token();
    Statement update(store_.db(), "UPDATE server.device SET pending_token_hash = ?2 "
                                  "WHERE device_id = ?1 AND revoked = 0 RETURNING 1");
    update.bind_uuid(1, who.device_id);
    update.bind_text(2, secret_hash(token));
    Statement::Step step = update.step();
    if (step == Statement::Step::error)
        return update.error();
    if (step != Statement::Step::row)
        return fail("auth.revoked", "This device was revoked; enrol it again with a new code.");
    if (Result<void> r = update.run(); !r)
        return r.error();
    return token;
}

Result<void> Auth::revoke_device(const std::string& device_id)
{
    Statement update(store_.db(), "UPDATE server.device SET revoked = 1 WHERE device_id = ?1 RETURNING 1");
    update.bind_uuid(1, device_id);
    Statement::Step step = update.step();
    if (step == Statement::Step::error)
        return update.error();
    if (step != Statement::Step::row)
        return fail("auth.unknown_device", "No device has this id.", "device_id");
    return update.run();
}

Result<std::vector<DeviceInfo>> Auth::devices()
{
    std::vector<DeviceInfo> out;
    Statement select(store_.db(), "SELECT device_id, name, operator_login, enrolled_at, last_seen, revoked "
                                  "FROM server.device ORDER BY enrolled_at, device_id");
    while (select.step() == Statement::Step::row)
        out.push_back({select.column_uuid(0), select.column_text(1), select.column_text(2), select.column_int64(3),
                       select.column_int64(4), select.column_int64(5) != 0});
    if (Result<void> done = select.finished(); !done)
        return done.error();
    return out;
}

} // namespace obole::server
