// A small XML reader for the bank files Obole reads (ISO 20022 pain.002 and
// camt.054): elements, attributes, text, character and the five predefined
// entity references, comments, processing instructions and CDATA. No DTD
// (a bank file has none; refusing one also refuses entity expansion
// attacks), no namespaces beyond dropping an element's prefix. Anything
// malformed is refused (xml.malformed), so a damaged file
// changes nothing.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace obole {

struct XmlElement {
    std::string name; // without its namespace prefix
    std::vector<std::pair<std::string, std::string>> attributes;
    std::string text; // its own text, trimmed of surrounding white space
    std::vector<std::unique_ptr<XmlElement>> children;

    // The first child named `name`, or null.
    const XmlElement* child(std::string_view name) const;
    // The text at a path of child names ("Rsn/Cd"); "" when absent.
    std::string text_at(std::string_view path) const;
    // Every descendant named `name`, in document order.
    void find_all(std::string_view name, std::vector<const XmlElement*>* out) const;
};

// The document's root element. xml.malformed; xml.too_deep past 100 levels.
Result<std::unique_ptr<XmlElement>> parse_xml(std::string_view text);

} // namespace obole
