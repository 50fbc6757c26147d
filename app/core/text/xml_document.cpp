#include "core/text/xml_document.h"

#include <cstdint>

#include "core/text/utf8.h"

namespace obole {

namespace {

constexpr int kMaxDepth = 100;

bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':' ||
           c == '-' || c == '.' || (static_cast<unsigned char>(c) >= 0x80);
}

std::string trim(std::string_view s)
{
    size_t b = 0, e = s.size();
    while (b < e && is_space(s[b]))
        ++b;
    while (e > b && is_space(s[e - 1]))
        --e;
    return std::string(s.substr(b, e - b));
}

class Parser {
public:
    explicit Parser(std::string_view text) : s_(text) {}

    Result<std::unique_ptr<XmlElement>> document()
    {
        if (s_.substr(0, 3) == "\xEF\xBB\xBF")
            pos_ = 3;
        if (!misc())
            return error();
        if (pos_ >= s_.size() || s_[pos_] != '<')
            return error();
        auto root = element(0);
        if (!root)
            return root;
        if (!misc() || pos_ != s_.size())
            return error();
        return root;
    }

private:
    Error error() const
    {
        return too_deep_
                   ? fail("xml.too_deep", "This file nests its elements too deeply to be a bank file.")
                   : fail("xml.malformed", "This file is not well-formed XML: it may be damaged or not a bank file.");
    }
    bool starts(std::string_view token) const { return s_.substr(pos_, token.size()) == token; }
    bool skip_until(std::string_view end)
    {
        const size_t at = s_.find(end, pos_);
        if (at == std::string_view::npos)
            return false;
        pos_ = at + end.size();
        return true;
    }
    // White space, comments and processing instructions between elements.
    bool misc()
    {
        for (;;) {
            while (pos_ < s_.size() && is_space(s_[pos_]))
                ++pos_;
            if (starts("<?")) {
                if (!skip_until("?>"))
                    return false;
            } else if (starts("<!--")) {
                if (!skip_until("-->"))
                    return false;
            } else if (starts("<!")) {
                return false; // a DTD: bank files have none
            } else {
                return true;
            }
        }
    }
    std::string name()
    {
        const size_t start = pos_;
        while (pos_ < s_.size() && is_name_char(s_[pos_]))
            ++pos_;
        return std::string(s_.substr(start, pos_ - start));
    }
    // Text with its references resolved; false on a bad reference.
    bool decode(std::string_view raw, std::string* out)
    {
        for (size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] != '&') {
                *out += raw[i];
                continue;
            }
            const size_t end = raw.find(';', i);
            if (end == std::string_view::npos || end - i > 12)
                return false;
            const std::string_view ref = raw.substr(i + 1, end - i - 1);
            if (ref == "lt")
                *out += '<';
            else if (ref == "gt")
                *out += '>';
            else if (ref == "amp")
                *out += '&';
            else if (ref == "quot")
                *out += '"';
            else if (ref == "apos")
                *out += '\'';
            else if (!char_ref(ref, out))
                return false;
            i = end;
        }
        return true;
    }
    static bool char_ref(std::string_view ref, std::string* out)
    {
        if (ref.size() < 2 || ref[0] != '#')
            return false;
        const bool hex = ref[1] == 'x';
        uint32_t cp = 0;
        for (char c : ref.substr(hex ? 2 : 1)) {
            int d = c >= '0' && c <= '9'          ? c - '0'
                    : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                  : -1;
            if (d < 0 || cp > 0x10FFFF)
                return false;
            cp = cp * (hex ? 16 : 10) + uint32_t(d);
        }
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        utf8_append(*out, char32_t(cp));
        return true;
    }
    bool attributes(XmlElement* e)
    {
        for (;;) {
            while (pos_ < s_.size() && is_space(s_[pos_]))
                ++pos_;
            if (pos_ >= s_.size())
                return false;
            if (s_[pos_] == '>' || s_[pos_] == '/')
                return true;
            std::string key = name();
            if (key.empty() || pos_ >= s_.size() || s_[pos_] != '=')
                return false;
            ++pos_;
            if (pos_ >= s_.size() || (s_[pos_] != '"' && s_[pos_] != '\''))
                return false;
            const char quote = s_[pos_++];
            const size_t end = s_.find(quote, pos_);
            if (end == std::string_view::npos)
                return false;
            std::string value;
            if (!decode(s_.substr(pos_, end - pos_), &value))
                return false;
            pos_ = end + 1;
            e->attributes.emplace_back(std::move(key), std::move(value));
        }
    }
    Result<std::unique_ptr<XmlElement>> element(int depth)
    {
        if (depth > kMaxDepth) {
            too_deep_ = true;
            return error();
        }
        ++pos_; // '<'
        auto e = std::make_unique<XmlElement>();
        const std::string qname = name();
        if (qname.empty() || !attributes(e.get()))
            return error();
        const size_t colon = qname.rfind(':');
        e->name = colon == std::string::npos ? qname : qname.substr(colon + 1);
        if (starts("/>")) {
            pos_ += 2;
            return e;
        }
        ++pos_; // '>'
        std::string text;
        for (;;) {
            const size_t lt = s_.find('<', pos_);
            if (lt == std::string_view::npos)
                return error();
            if (!decode(s_.substr(pos_, lt - pos_), &text))
                return error();
            pos_ = lt;
            if (starts("</")) {
                pos_ += 2;
                if (name() != qname || pos_ >= s_.size() || s_[pos_] != '>')
                    return error();
                ++pos_;
                e->text = trim(text);
                return e;
            }
            if (starts("<!--")) {
                if (!skip_until("-->"))
                    return error();
            } else if (starts("<![CDATA[")) {
                const size_t start = pos_ + 9;
                if (!skip_until("]]>"))
                    return error();
                text.append(s_.substr(start, pos_ - 3 - start));
            } else if (starts("<?")) {
                if (!skip_until("?>"))
                    return error();
            } else if (starts("<!")) {
                return error();
            } else {
                auto child = element(depth + 1);
                if (!child)
                    return child;
                e->children.push_back(std::move(*child));
            }
        }
    }

    std::string_view s_;
    size_t pos_ = 0;
    bool too_deep_ = false;
};

} // namespace

const XmlElement* XmlElement::child(std::string_view n) const
{
    for (const auto& c : children)
        if (c->name == n)
            return c.get();
    return nullptr;
}

std::string XmlElement::text_at(std::string_view path) const
{
    const XmlElement* e = this;
    while (e && !path.empty()) {
        const size_t slash = path.find('/');
        e = e->child(path.substr(0, slash));
        path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
    }
    return e ? e->text : std::string();
}

void XmlElement::find_all(std::string_view n, std::vector<const XmlElement*>* out) const
{
    for (const auto& c : children) {
        if (c->name == n)
            out->push_back(c.get());
        c->find_all(n, out);
    }
}

Result<std::unique_ptr<XmlElement>> parse_xml(std::string_view text)
{
    if (!is_valid_utf8(text))
        return fail("xml.malformed", "This file is not well-formed XML: it may be damaged or not a bank file.");
    return Parser(text).document();
}

} // namespace obole
