#include "server/security_headers.h"

#include "core/receipts/tax_receipt_document.h"

#include <sodium.h>

#include <cstring>

namespace obole::server {

namespace {

// "'sha256-BASE64'": a CSP source that allows an inline element with exactly this text.
std::string sha256_source(const char* text)
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text), std::strlen(text));
    char b64[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)];
    sodium_bin2base64(b64, sizeof b64, digest, sizeof digest, sodium_base64_VARIANT_ORIGINAL);
    return "'sha256-" + std::string(b64) + "'";
}

std::string make_policy()
{
    return "default-src 'none'; "
           "script-src 'self' 'wasm-unsafe-eval'; "
           "style-src 'self' " +
           sha256_source(tax_receipt_stylesheet()) +
           "; "
           "img-src 'self' blob:; "
           "font-src 'self'; "
           "connect-src 'self'; "
           "worker-src 'self'; "
           "manifest-src 'self'; "
           "frame-src 'self'; "
           "object-src 'none'; "
           "base-uri 'none'; "
           "form-action 'none'; "
           "frame-ancestors 'none'";
}

} // namespace

std::string content_security_policy()
{
    // Made once (a hash); the same for every answer.
    static const std::string policy = make_policy();
    return policy;
}

std::vector<std::pair<std::string, std::string>> security_headers()
{
    return {
        {"Content-Security-Policy", content_security_policy()},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        // What the app never uses, for it and anything it frames.
        {"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), "
                               "bluetooth=(), hid=(), midi=(), display-capture=(), browsing-topics=()"},
        // Older browsers that know no frame-ancestors.
        {"X-Frame-Options", "DENY"},
        // A window the app opens, or that opens the app, from another origin gets no handle on it.
        {"Cross-Origin-Opener-Policy", "same-origin"},
        // The server's answers are for its own page only.
        {"Cross-Origin-Resource-Policy", "same-origin"},
    };
}

} // namespace obole::server
