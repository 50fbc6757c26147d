// The request log and the JSON answers take whatever bytes a client sent
// without breaking: a log line stays one line of UTF-8 text, and JSON text
// is made even from bytes that are not UTF-8.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/text/utf8.h"
#include "server/json_response.h"
#include "server/request_log.h"

namespace server = obole::server;

TEST(RequestLog, HostileBytesAreEscapedAndTheLineStaysOne)
{
    server::RequestLogEntry e{"127.0.0.1", "GET", "/a b\r\nFORGED 200\xff\xc3\x28\\\x7f\xc2\x9b", 400, 12, 0.5};
    const std::string line = server::format_request_log(e);
    EXPECT_TRUE(obole::is_valid_utf8(line)) << line;
    for (char c : line)
        EXPECT_FALSE((unsigned char)c < 0x20 || c == 0x7f) << line;
    EXPECT_NE(line.find(R"(/a\x20b\x0D\x0AFORGED\x20200\xFF\xC3(\x5C\x7F\xC2\x9B 400 12B 0.5ms)"), std::string::npos)
        << line;
}

TEST(RequestLog, TextStaysReadableAndLongFieldsAreCut)
{
    server::RequestLogEntry e{"::1", "POST", "/api/élan/Иван/山田?q=secret", 200, 0, 1};
    const std::string line = server::format_request_log(e);
    EXPECT_NE(line.find(" ::1 POST /api/élan/Иван/山田 200 0B 1.0ms"), std::string::npos) << line;
    EXPECT_EQ(line.find("secret"), std::string::npos) << "the query is not logged";
    EXPECT_EQ(server::log_field(std::string(2000, 'a')), std::string(512, 'a') + "...");
    EXPECT_EQ(server::log_field(""), "-");
}

TEST(JsonResponse, BytesThatAreNotUtf8BecomeReplacementCharacters)
{
    nlohmann::json body = {{"message", "Nothing here: /\xff\xc3\x28"}};
    std::string text;
    ASSERT_NO_THROW(text = server::json_text(body));
    EXPECT_TRUE(obole::is_valid_utf8(text));
    EXPECT_EQ(text, "{\"message\":\"Nothing here: /\xef\xbf\xbd\xef\xbf\xbd(\"}");
}
