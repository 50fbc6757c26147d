// Who may talk to obole-server: operators (admin, staff, volunteer) with
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

namespace obole {
class Store;
}

namespace obole::server {

enum class Role { admin, staff, volunteer };
const char* role_name(Role role);
Result<Role> parse_role(const std::string& name); // "admin" | "staff" | "volunteer"

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

// The wall clock as the HTTP routes and the CLI pass it to Auth, and how
// they show such a time: "2026-11-23T14:05:09.123Z" (core/calendar/date.h's format).

// All times are Unix milliseconds passed in by the caller (tests move time).
class Auth {
public:
    explicit Auth(Store& store) : store_(store) {}

    // CREATE TABLE IF NOT EXISTS server.* for operators, codes and devices.
    Result<void> ensure_schema();

    bool has_operators();
    // Logins are trimmed and lowercased; letters, digits, . _ - @, at most
    // 64 (auth.bad_login). An empty name becomes the login. Passwords have at
    // least 10 characters (auth.weak_password).
    Result<void> add_operator(const std::string& login, const std::string& name, Role role,
                              const std::string& password);
    Result<void> set_password(const std::string& login, const std::string& password);
    std::vector<OperatorInfo> operators();
    // The operator of a login, as typed (any case); auth.unknown_operator.
    Result<OperatorInfo> find_operator(const std::string& login);

    // A short one-time code ("K7QX-M2PA") for `login`, valid ttl_minutes
    // (1..kMaxEnrolTtlMinutes, else auth.bad_ttl); it expires at
    // now_ms + ttl_minutes * 60000. Errors: auth.unknown_operator.
    Result<std::string> issue_enrol_code(const std::string& login, int ttl_minutes, int64_t now_ms);

    // Checks the code (exists, unused, not expired, issued for this login)
    // and the password; consumes the code; makes the device and its token.
    // The code is read case-insensitively, with or without its dash.
    // Errors: auth.bad_code (unknown, used, or issued for another login),
    // auth.code_expired, auth.bad_password (the code stays usable).
    Result<Enrolment> enrol(const std::string& code, const std::string& login, const std::string& password,
                            const std::string& device_name, int64_t now_ms);

    // The principal of a bearer token; auth.invalid_token, auth.revoked.
    Result<Principal> authenticate(const std::string& token, int64_t now_ms);

    // auth.unknown_device when no device has this id. Revoking twice is fine.
    Result<void> revoke_device(const std::string& device_id);
    std::vector<DeviceInfo> devices();

private:
    Store& store_;
};

} // namespace obole::server
