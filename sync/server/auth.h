// Who may talk to obole-server: operators (admin, office, volunteer,
// fundraiser: protocol/access.h) with
// Argon2id-hashed passwords, devices enrolled with a one-time code an admin
// issued, and the revocable bearer token each enrolled device then holds.
// Codes and tokens are stored hashed: the server database never holds a
// secret that would let its reader act as an operator.
//
// The tables live in the server-only database, attached to the store's
// connection as schema `server` (server/server_store.h): never in obole.db,
// which devices receive as their first snapshot.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "protocol/access.h"

namespace obole {
class Store;
}

namespace obole::server {

using sync::Role;
using sync::role_name;
// sync::parse_role as the routes and the CLI take it: auth.bad_role.
Result<Role> parse_role(const std::string& name);

// The operator and device behind an authenticated request.
struct Principal {
    std::string operator_login;
    std::string operator_name;
    Role role = Role::volunteer;
    std::string device_id; // UUIDv7 the server gave the device at enrolment
    std::string device_name;
};

struct Enrolment {
    std::string token; // shown once, kept by the device
    std::string device_id;
    Principal principal;
};

struct DeviceInfo {
    std::string device_id, device_name, operator_login;
    int64_t enrolled_at_ms = 0, last_seen_ms = 0;
    bool revoked = false;
};

struct OperatorInfo {
    std::string login, name;
    Role role = Role::volunteer;
};

// Enrol codes live 24 hours unless the admin says otherwise, 30 days at most.
constexpr int kDefaultEnrolTtlMinutes = 24 * 60;
constexpr int kMaxEnrolTtlMinutes = 30 * 24 * 60;
// Wrong passwords an enrol code takes before it is blocked for good: a code
// guessed or overheard gives an attacker 5 tries at the password, not more.
constexpr int kEnrolPasswordTries = 5;
// A device unused this long must enrol again (obole-server --token-idle-days).
constexpr int kDefaultTokenIdleDays = 90;

// An enrolment between its two checks: what the store said about the code
// and its operator, kept while the password is checked without the store
// (Argon2id takes a quarter of a second: the store stays free meanwhile).
struct EnrolAttempt {
    std::string code_hash, login, operator_name, password_hash, device_name;
    Role role = Role::volunteer;
};

// An operator about to be added: checked and its password hashed, without the store.
struct NewOperator {
    std::string login, name, password_hash;
    Role role = Role::volunteer;
};

// The wall clock as the HTTP routes and the CLI pass it to Auth, and how
// they show such a time: "2026-11-23T14:05:09.123Z" (core/calendar/date.h's format).

// All times are Unix milliseconds passed in by the caller (tests move time).
class Auth {
public:
    explicit Auth(Store& store) : store_(store) {}
    Store& store() { return store_; } // where the admin journal goes too (admin_journal.h)

    // Tokens of devices unused for longer than this are refused
    // (auth.token_expired); at least one day.
    void set_token_idle_days(int days) { token_idle_days_ = days < 1 ? 1 : days; }
    int token_idle_days() const { return token_idle_days_; }

    // CREATE TABLE IF NOT EXISTS server.* for operators, codes and devices.
    Result<void> ensure_schema();

    Result<bool> has_operators();
    // Logins are trimmed and lowercased; letters, digits, . _ - @, at most
    // 64 (auth.bad_login). An empty name becomes the login. Passwords have at
    // least 10 characters (auth.weak_password).
    Result<void> add_operator(const std::string& login, const std::string& name, Role role,
                              const std::string& password);
    // add_operator in two steps, for a caller that must not hold the store
    // while the password is hashed: prepare_operator touches no store;
    // insert_operator only writes (auth.operator_exists).
    static Result<NewOperator> prepare_operator(const std::string& login, const std::string& name, Role role,
                                                const std::string& password);
    Result<void> insert_operator(const NewOperator& op);
    Result<void> set_password(const std::string& login, const std::string& password);
    // Takes effect at each of the operator's devices' next contact: the
    // server sends it what the new role reads from then on, and the device
    // replaces its copy (protocol/access.h). auth.unknown_operator.
    Result<void> set_role(const std::string& login, Role role);
    Result<std::vector<OperatorInfo>> operators();
    // The operator of a login, as typed (any case); auth.unknown_operator.
    Result<OperatorInfo> find_operator(const std::string& login);

    // A short one-time code ("K7QX-M2PA") for `login`, valid ttl_minutes
    // (1..kMaxEnrolTtlMinutes, else auth.bad_ttl); it expires at
    // now_ms + ttl_minutes * 60000. Errors: auth.unknown_operator.
    Result<std::string> issue_enrol_code(const std::string& login, int ttl_minutes, int64_t now_ms);

    // Checks the code (exists, unused, not expired, not blocked, issued for
    // this login) and the password; consumes the code; makes the device and
    // its token. The code is read case-insensitively, with or without its dash.
    // Errors: auth.bad_code (unknown, used, or issued for another login),
    // auth.code_expired, auth.code_blocked (kEnrolPasswordTries wrong
    // passwords were tried with it), auth.bad_password (the code stays
    // usable until its last try), name.* for the device name.
    Result<Enrolment> enrol(const std::string& code, const std::string& login, const std::string& password,
                            const std::string& device_name, int64_t now_ms);
    // enrol in three steps, for a caller that must not hold the store while
    // the password is checked: begin_enrol reads the store (the errors
    // above but auth.bad_password); password_matches touches no store;
    // finish_enrol writes: the code consumed and the device made, or one
    // more wrong password counted against the code.
    Result<EnrolAttempt> begin_enrol(const std::string& code, const std::string& login, const std::string& device_name,
                                     int64_t now_ms);
    bool password_matches(const EnrolAttempt& attempt, const std::string& password) const;
    Result<Enrolment> finish_enrol(const EnrolAttempt& attempt, bool password_ok, int64_t now_ms);

    // The principal of a bearer token; auth.invalid_token, auth.revoked,
    // auth.token_expired (unused for token_idle_days). The new token of a
    // rotation is accepted too, and from its first use the old one is not.
    Result<Principal> authenticate(const std::string& token, int64_t now_ms);

    // A new token for the device behind `who`, returned once. Until the
    // device first uses it the old token still works, so an answer lost on
    // the way costs nothing: the device rotates again later.
    Result<std::string> rotate_token(const Principal& who);

    // Tests: the password check enrolment uses (Argon2id by default). A
    // test gives one that waits, to see the store is free meanwhile.
    void set_password_check(bool (*check)(const std::string& password, const std::string& hash))
    {
        password_check_ = check;
    }

    // auth.unknown_device when no device has this id. Revoking twice is fine.
    Result<void> revoke_device(const std::string& device_id);
    Result<std::vector<DeviceInfo>> devices();

private:
    Store& store_;
    int token_idle_days_ = kDefaultTokenIdleDays;
    bool (*password_check_)(const std::string& password, const std::string& hash) = nullptr;
};

} // namespace obole::server
