#include "core/money/signature.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace obole {

namespace {

struct Pixel {
    int x, y;
};
using PixelStroke = std::vector<Pixel>;

// Whole pixels inside the pad, without repeats: a finger resting in place
// adds nothing.
std::vector<PixelStroke> to_pixels(const std::vector<SignatureStroke>& strokes, int w, int h)
{
    std::vector<PixelStroke> out;
    for (const SignatureStroke& s : strokes) {
        PixelStroke p;
        for (const SignaturePoint& pt : s) {
            if (!std::isfinite(pt.x) || !std::isfinite(pt.y))
                continue;
            Pixel px{std::clamp(int(std::lround(pt.x)), 0, w), std::clamp(int(std::lround(pt.y)), 0, h)};
            if (!p.empty() && p.back().x == px.x && p.back().y == px.y)
                continue;
            p.push_back(px);
        }
        if (!p.empty())
            out.push_back(std::move(p));
    }
    return out;
}

// Total length drawn, in pixels.
double ink_length(const std::vector<PixelStroke>& strokes)
{
    double len = 0;
    for (const PixelStroke& s : strokes)
        for (size_t i = 1; i < s.size(); ++i)
            len += std::hypot(double(s[i].x - s[i - 1].x), double(s[i].y - s[i - 1].y));
    return len;
}

std::string render(const std::vector<PixelStroke>& strokes, int w, int h, size_t step)
{
    std::string d;
    char buf[40];
    for (const PixelStroke& s : strokes) {
        std::snprintf(buf, sizeof buf, "M%d %d", s.front().x, s.front().y);
        d += buf;
        for (size_t i = 1; i < s.size(); ++i) {
            // Thinning keeps each stroke's last point, so its end stays put.
            if (i % step != 0 && i + 1 != s.size())
                continue;
            std::snprintf(buf, sizeof buf, "L%d %d", s[i].x, s[i].y);
            d += buf;
        }
        if (s.size() == 1) { // a dot still shows
            std::snprintf(buf, sizeof buf, "L%d %d", s.front().x, s.front().y);
            d += buf;
        }
    }
    std::snprintf(buf, sizeof buf, "%d %d", w, h);
    return std::string("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ") + buf + "\"><path d=\"" + d +
           "\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\" stroke-linecap=\"round\" "
           "stroke-linejoin=\"round\"/></svg>";
}

} // namespace

Result<std::string> signature_svg(const std::vector<SignatureStroke>& strokes, float width, float height)
{
    const int w = std::max(1, int(std::lround(width))), h = std::max(1, int(std::lround(height)));
    std::vector<PixelStroke> pixels = to_pixels(strokes, w, h);
    if (pixels.empty())
        return fail("signature.empty", "The donor has not signed yet: ask them to sign in the box.", "signature");
    // A tap or a tick is no signature: ask for at least a fifth of the pad's
    // width (and 40 px) of ink.
    if (ink_length(pixels) < std::max(40.0, w / 5.0))
        return fail("signature.too_short",
                    "This signature is too short: ask the donor to sign with their usual signature.", "signature");
    for (size_t step = 1;; step *= 2) {
        std::string svg = render(pixels, w, h, step);
        if (svg.size() <= kMaxSignatureBytes || step > 4096)
            return svg;
    }
}

SignatureDrawing parse_signature_svg(std::string_view svg)
{
    SignatureDrawing out;
    const size_t vb = svg.find("viewBox=\"0 0 ");
    const size_t d = svg.find(" d=\"");
    if (vb == std::string_view::npos || d == std::string_view::npos)
        return out;
    std::string box(svg.substr(vb + 13, 24));
    out.width = std::strtof(box.c_str(), nullptr);
    const char* after = std::strchr(box.c_str(), ' ');
    out.height = after ? std::strtof(after, nullptr) : 0;
    const size_t end = svg.find('"', d + 4);
    if (end == std::string_view::npos)
        return {};
    std::string path(svg.substr(d + 4, end - d - 4));
    const char* p = path.c_str();
    while (*p) {
        const char command = *p++;
        if (command != 'M' && command != 'L')
            return {};
        char* next = nullptr;
        const float x = std::strtof(p, &next);
        if (next == p)
            return {};
        p = next;
        const float y = std::strtof(p, &next);
        if (next == p)
            return {};
        p = next;
        if (command == 'M' || out.strokes.empty())
            out.strokes.emplace_back();
        out.strokes.back().push_back({x, y});
    }
    return out;
}

} // namespace obole
