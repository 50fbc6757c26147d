// What a member's document is shown as comes from its bytes alone: an
// image or a PDF is previewed under the type its bytes prove; HTML, SVG and
// anything else download, whatever name or type they were attached with.
#include <gtest/gtest.h>

#include "core/members/document_view.h"

using namespace obole;

namespace {

std::vector<uint8_t> bytes(const std::string& text)
{
    return std::vector<uint8_t>(text.begin(), text.end());
}

} // namespace

TEST(DocumentView, RasterImagesAndPdfArePreviewedUnderTheTypeTheirBytesProve)
{
    const std::pair<std::string, const char*> cases[] = {
        {std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "image/png"},
        {"\xff\xd8\xff\xe0\0\x10JFIF", "image/jpeg"},
        {"GIF89a\x01\0\x01\0", "image/gif"},
        {"GIF87a\x01\0\x01\0", "image/gif"},
        {std::string("RIFF\x24\0\0\0WEBPVP8 ", 16), "image/webp"},
        {"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "application/pdf"},
    };
    for (const auto& [content, type] : cases) {
        DocumentView v = document_view(bytes(content));
        EXPECT_TRUE(v.preview) << type;
        EXPECT_EQ(v.mime_type, type);
    }
}

TEST(DocumentView, ActiveOrUnknownContentIsOnlyEverDownloaded)
{
    for (const std::string& content : {
             std::string("<!doctype html><script>alert(document.domain)</script>"),
             std::string("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"),
             std::string("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>x()</script></svg>"),
             std::string("\xef\xbb\xbf<html><body onload=x()>"),
             std::string("PK\x03\x04 an office file"),
             std::string("plain text"),
             std::string("RIFF\x24\0\0\0WAVEfmt ", 16), // RIFF, but not WebP
             std::string("%PD"),                        // too short to be a PDF
             std::string("\x89PNG"),                    // a PNG signature cut short
             std::string(),
         }) {
        DocumentView v = document_view(bytes(content));
        EXPECT_FALSE(v.preview) << content;
        EXPECT_EQ(v.mime_type, "application/octet-stream") << content;
    }
}

TEST(DocumentView, AnImageSignatureLaterInTheFileIsNotEnough)
{
    // HTML that quotes a PNG signature is still HTML.
    DocumentView v = document_view(bytes(std::string("<html>\x89PNG\r\n\x1a\n<script>x()</script>")));
    EXPECT_FALSE(v.preview);
}
