#include "core/receipts/receipt_lines.h"

#include <algorithm>
#include <cstdlib>

namespace obole {

std::string receipt_lines(const std::vector<Gift>& gifts)
{
    std::vector<const Gift*> kept;
    for (const Gift& g : gifts)
        if (!g.voided && g.amount_cents > 0)
            kept.push_back(&g);
    std::sort(kept.begin(), kept.end(), [](const Gift* a, const Gift* b) {
        return a->gift_date != b->gift_date ? a->gift_date < b->gift_date : a->id < b->id;
    });
    std::string out;
    for (const Gift* g : kept) {
        if (!out.empty())
            out += '\n';
        out += g->id + ' ' + g->gift_date + ' ' + to_string(g->method) + ' ' + std::to_string(g->amount_cents);
    }
    return out;
}

std::vector<ReceiptLine> parse_receipt_lines(const std::string& text)
{
    std::vector<ReceiptLine> out;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string line = text.substr(start, end - start);
        start = end + 1;
        const size_t a = line.find(' '), b = line.find(' ', a + 1), c = line.find(' ', b + 1);
        if (c == std::string::npos)
            continue;
        ReceiptLine r;
        r.gift_id = line.substr(0, a);
        r.date = line.substr(a + 1, b - a - 1);
        if (!parse_payment_method(std::string_view(line).substr(b + 1, c - b - 1), &r.method))
            continue;
        r.cents = std::strtoll(line.c_str() + c + 1, nullptr, 10);
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace obole
