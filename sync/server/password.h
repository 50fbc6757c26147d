// Operator passwords, hashed with Argon2id (libsodium's crypto_pwhash_str at
// the "interactive" cost: about 64 MiB and a few tens of milliseconds per
// hash). The stored string carries its own salt and parameters
// ("$argon2id$v=19$m=65536,t=2,p=1$..."), so a later cost change still
// verifies older hashes.
#pragma once

#include <string>

#include "core/result.h"

namespace obole::server {

// Initialises libsodium once per process; every use of libsodium (passwords,
// random tokens, hashes) calls it first. False when the library cannot start
// (no usable random source), which the caller reports as an error.
bool sodium_ready();

// Errors: auth.crypto_unavailable, auth.hash_failed (out of memory).
Result<std::string> hash_password(const std::string& password);

// False for a wrong password and for a hash that is not one of ours.
bool verify_password(const std::string& password, const std::string& hash);

} // namespace obole::server
