#include "server/password.h"

#include <sodium.h>

namespace obole::server {

bool sodium_ready()
{
    // sodium_init() is safe to call again, but a function-local static makes
    // the first call the only one, even when HTTP worker threads race.
    static const bool ready = sodium_init() >= 0;
    return ready;
}

Result<std::string> hash_password(const std::string& password)
{
    if (!sodium_ready())
        return fail("auth.crypto_unavailable", "The cryptography library could not start.");
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return fail("auth.hash_failed", "The password could not be hashed (out of memory).");
    return std::string(hash);
}

bool verify_password(const std::string& password, const std::string& hash)
{
    if (!sodium_ready())
        return false;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

} // namespace obole::server
