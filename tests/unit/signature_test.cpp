#include <gtest/gtest.h>

#include "core/money/signature.h"

using namespace obole;

namespace {

// A wavy line across most of a 300 x 120 pad, one point every 3 px.
std::vector<SignatureStroke> wave()
{
    SignatureStroke s;
    for (int x = 20; x <= 260; x += 3)
        s.push_back({float(x), float(60 + (x / 3 % 10) * 4)});
    return {s};
}

} // namespace

TEST(Signature, NoStrokeIsRefusedWithItsField)
{
    for (const std::vector<SignatureStroke>& none :
         {std::vector<SignatureStroke>{}, std::vector<SignatureStroke>{SignatureStroke{}}}) {
        Result<std::string> r = signature_svg(none, 300, 120);
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code, "signature.empty");
        EXPECT_EQ(r.error().field, "signature");
    }
}

TEST(Signature, ADotOrATickIsTooShort)
{
    Result<std::string> dot = signature_svg({{{100, 50}, {100.2f, 50.1f}}}, 300, 120);
    ASSERT_FALSE(dot.ok());
    EXPECT_EQ(dot.error().code, "signature.too_short");
    Result<std::string> tick = signature_svg({{{100, 50}, {110, 60}, {125, 40}}}, 300, 120);
    ASSERT_FALSE(tick.ok());
    EXPECT_EQ(tick.error().code, "signature.too_short");
}

TEST(Signature, StrokesBecomeOneSvgPathWithTheViewBox)
{
    std::vector<SignatureStroke> strokes = wave();
    strokes.push_back({{40.4f, 20.6f}, {90, 30}, {140, 25}}); // a second stroke: a new move
    Result<std::string> r = signature_svg(strokes, 300.2f, 119.8f);
    ASSERT_TRUE(r.ok()) << r.error().message;
    const std::string& svg = *r;
    EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 300 120\">", 0), 0u) << svg;
    EXPECT_NE(svg.find("<path d=\"M20 84L23 88L"), std::string::npos) << svg;
    EXPECT_NE(svg.find("M40 21L90 30L140 25\""), std::string::npos) << svg;
    EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
    // Read back: the same strokes, in whole pixels.
    SignatureDrawing back = parse_signature_svg(svg);
    EXPECT_EQ(back.width, 300);
    EXPECT_EQ(back.height, 120);
    ASSERT_EQ(back.strokes.size(), 2u);
    EXPECT_EQ(back.strokes[0].size(), wave()[0].size());
    EXPECT_EQ(back.strokes[1][2].x, 140);
}

TEST(Signature, PointsOutsideThePadAreClampedAndRepeatsDropped)
{
    SignatureStroke s = wave()[0];
    s.insert(s.begin(), {{-30, -5}, {-30, -5}, {-29.9f, -5}});
    Result<std::string> r = signature_svg({s}, 300, 120);
    ASSERT_TRUE(r.ok());
    EXPECT_NE(r->find("d=\"M0 0L20 84L23 88"), std::string::npos) << *r;
}

TEST(Signature, AHugeScribbleIsThinnedUnderTheCap)
{
    SignatureStroke s;
    for (int i = 0; i < 40000; ++i)
        s.push_back({float(i % 297 + 1), float((i / 297) % 118 + 1)});
    Result<std::string> r = signature_svg({s}, 300, 120);
    ASSERT_TRUE(r.ok());
    EXPECT_LE(r->size(), kMaxSignatureBytes);
    EXPECT_FALSE(parse_signature_svg(*r).strokes.empty());
}

TEST(Signature, OtherTextParsesToNothing)
{
    EXPECT_TRUE(parse_signature_svg("").strokes.empty());
    EXPECT_TRUE(parse_signature_svg("<svg viewBox=\"0 0 10 10\"><path d=\"C1 2 3\"/></svg>").strokes.empty());
}
