#include "core/text/email_address.h"

#include "core/text/text_fold.h"

namespace obole {

namespace {

Error email_error(const char* code, const char* message)
{
    return fail(code, message, "email");
}

bool is_ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

} // namespace

Result<std::string> validate_email(std::string_view text)
{
    text = trim_spaces(text);
    if (text.empty())
        return email_error("email.empty", "Enter an email address.");
    for (unsigned char c : text) {
        if (c <= ' ' || c == 0x7F)
            return email_error("email.has_spaces", "The email address contains spaces.");
    }
    if (text.size() > 254)
        return email_error("email.too_long", "The email address is too long.");

    size_t at = text.rfind('@');
    if (at == std::string_view::npos)
        return email_error("email.missing_at", "The email address has no @.");
    std::string_view local = text.substr(0, at), domain = text.substr(at + 1);

    // Local part: what people really use (letters, digits, . _ % + - and
    // non-ASCII), no leading, trailing or doubled dot, no second @.
    if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.' ||
        local.find("..") != std::string_view::npos)
        return email_error("email.bad_local_part", "The part before @ is not valid.");
    for (unsigned char c : local) {
        if (!(is_ascii_alnum(c) || c >= 0x80 ||
              std::string_view("._%+-'!#$&*/=?^`{|}~").find(char(c)) != std::string_view::npos))
            return email_error("email.bad_local_part", "The part before @ is not valid.");
    }

    // Domain: labels of letters, digits and hyphens (non-ASCII allowed for
    // internationalized names), at least two labels, no empty label.
    std::string lowered;
    lowered.reserve(domain.size());
    size_t label_len = 0, labels = 0;
    bool bad = domain.empty() || domain.front() == '-' || domain.back() == '.';
    for (size_t k = 0; k < domain.size() && !bad; ++k) {
        unsigned char c = (unsigned char)domain[k];
        if (c == '.') {
            if (label_len == 0 || domain[k - 1] == '-')
                bad = true;
            ++labels;
            label_len = 0;
        } else if (is_ascii_alnum(c) || c >= 0x80 || c == '-') {
            if (c == '-' && label_len == 0)
                bad = true;
            ++label_len;
        } else {
            bad = true;
        }
        lowered.push_back(char(c >= 'A' && c <= 'Z' ? c + 32 : c));
    }
    if (bad || labels == 0 || label_len < 2 || domain.back() == '-')
        return email_error("email.bad_domain", "The part after @ must be a domain such as example.org.");

    return std::string(local) + "@" + lowered;
}

} // namespace obole
