// Requests meant to break the server, sent as raw bytes over loopback: each
// gets a JSON error of ours (or, past all reason, a closed connection), and
// the server answers the next request as before.
#include <gtest/gtest.h>

#include <stdexcept>

#include "core/store/migrations.h"
#include "protocol/sync_limits.h"
#include "raw_http.h"
#include "server_over_http.h"

namespace {

class HostileRequestsTest : public ServerOverHttp {
protected:
    void add_test_routes(server::HttpServer& http) override
    {
        http.Get("/test/throw", [](const httplib::Request&, httplib::Response&) {
            throw std::runtime_error("thrown with a byte that is not UTF-8: \xff");
        });
    }

    static std::string get(const std::string& target, const std::string& headers = "")
    {
        return "GET " + target + " HTTP/1.1\r\nHost: obole\r\nConnection: close\r\n" + headers + "\r\n";
    }

    // The head of a chunked POST; `close` asks the server to close after it.
    static std::string chunked_post(const std::string& path, const std::string& token, bool close = true)
    {
        return "POST " + path + " HTTP/1.1\r\nHost: obole\r\n" + (close ? "Connection: close\r\n" : "") +
               "Authorization: Bearer " + token +
               "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    }

    void expect_still_serving()
    {
        httplib::Result health = client->Get("/api/health");
        ASSERT_TRUE(health) << "the server no longer answers";
        EXPECT_EQ(health->status, 200);
    }
};

} // namespace

TEST_F(HostileRequestsTest, APathThatIsNotUtf8IsRefusedWith400)
{
    for (const char* target : {"/%ff", "/%C3%28", "/api/%80", "/\xff", "/api/sync/pull/%ED%A0%80", "/Ren%E9"}) {
        RawReply r = raw_exchange(port, get(target));
        EXPECT_EQ(r.status, 400) << target;
        EXPECT_EQ(r.error_code(), "request.bad_encoding") << target;
    }
    expect_still_serving();
}

TEST_F(HostileRequestsTest, AQueryOrAHeaderThatIsNotUtf8IsRefusedWith400)
{
    RawReply query = raw_exchange(port, get("/api/sync/pull?since=%ff&limit=1&schema_version=1"));
    EXPECT_EQ(query.status, 400);
    EXPECT_EQ(query.error_code(), "request.bad_encoding");
    RawReply header = raw_exchange(port, get("/api/health", "X-Name: Ren\xe9\r\n"));
    EXPECT_EQ(header.status, 400);
    EXPECT_EQ(header.error_code(), "request.bad_encoding");
    RawReply token = raw_exchange(port, get("/api/admin/devices", "Authorization: Bearer \xc3\r\n"));
    EXPECT_EQ(token.error_code(), "request.bad_encoding");
    expect_still_serving();
}

TEST_F(HostileRequestsTest, ABodyThatIsNotUtf8IsRefusedWith400)
{
    const std::string enrol_body = "{\"code\": \"\xff\xfe\", \"login\": \"admin\", \"password\": \"x\"}";
    Reply enrol = send("POST", "/api/enrol", enrol_body);
    EXPECT_EQ(enrol.status, 400);
    EXPECT_EQ(enrol.error_code(), "request.bad_encoding");

    const std::string token = token_for(admin_code, "admin", kAdminPassword);
    Reply push = send("POST", "/api/sync/push", "{\"changes\": [\"\xc3\x28\"]}", token);
    EXPECT_EQ(push.status, 400);
    EXPECT_EQ(push.error_code(), "request.bad_encoding");
    expect_still_serving();
}

TEST_F(HostileRequestsTest, ControlCharactersInAPathAreRefused)
{
    for (const char* target : {"/index.html%00.png", "/api/health%0d%0aX-Forged:%20yes", "/%7f"}) {
        RawReply r = raw_exchange(port, get(target));
        EXPECT_EQ(r.status, 400) << target;
        EXPECT_EQ(r.error_code(), "request.bad_path") << target;
    }
    expect_still_serving();
}

TEST_F(HostileRequestsTest, AnExceptionInAHandlerIsA500AndTheServerGoesOn)
{
    RawReply r = raw_exchange(port, get("/test/throw"));
    EXPECT_EQ(r.status, 500);
    EXPECT_EQ(r.error_code(), "server.internal_error");
    expect_still_serving();
}

TEST_F(HostileRequestsTest, AChunkedBodyPastTheLimitIsRefusedWith413)
{
    const std::string token = token_for(admin_code, "admin", kAdminPassword);
    RawConnection c(port);
    ASSERT_TRUE(c.connected());
    ASSERT_TRUE(c.send(chunked_post("/api/sync/push", token, false)));
    const std::string mebibyte(1u << 20, 'x');
    size_t sent = 0;
    while (sent <= obole::sync::kMaxRequestBytes && c.send(http_chunk(mebibyte)))
        sent += mebibyte.size();
    RawReply r = parse_raw_reply(c.read_until_closed());
    EXPECT_EQ(r.status, 413);
    EXPECT_EQ(r.error_code(), "request.too_large");
    EXPECT_NE(r.head.find("Connection: close"), std::string::npos) << r.head;
    expect_still_serving();
}

TEST_F(HostileRequestsTest, AChunkedBodyWithinTheLimitIsRead)
{
    const std::string token = token_for(admin_code, "admin", kAdminPassword);
    const std::string body =
        json{{"schema_version", obole::current_schema_version()}, {"changes", json::array()}}.dump();
    RawReply r = raw_exchange(port, chunked_post("/api/sync/push", token) + http_chunk(body.substr(0, 10)) +
                                        http_chunk(body.substr(10)) + kLastChunk);
    EXPECT_EQ(r.status, 200) << r.body.dump();
    EXPECT_EQ(r.body.value("last_seq", -1), 0) << r.body.dump();
}

TEST_F(HostileRequestsTest, ADeclaredLengthPastTheLimitIsRefusedBeforeItIsSent)
{
    RawReply r = raw_exchange(port, "POST /api/enrol HTTP/1.1\r\nHost: obole\r\nContent-Length: 1000000000000\r\n\r\n");
    EXPECT_EQ(r.status, 413);
    EXPECT_EQ(r.error_code(), "request.too_large");
}

TEST_F(HostileRequestsTest, BodiesFramedTwiceOrWhereNoneBelongAreRefused)
{
    RawReply both = raw_exchange(port, "POST /api/enrol HTTP/1.1\r\nHost: obole\r\nContent-Length: 5\r\n"
                                       "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
    EXPECT_EQ(both.status, 400);
    EXPECT_EQ(both.error_code(), "request.bad_length");
    RawReply gzip = raw_exchange(port, "POST /api/enrol HTTP/1.1\r\nHost: obole\r\nTransfer-Encoding: gzip\r\n\r\n");
    EXPECT_EQ(gzip.error_code(), "request.bad_length");
    RawReply words = raw_exchange(port, "POST /api/enrol HTTP/1.1\r\nHost: obole\r\nContent-Length: ten\r\n\r\n");
    EXPECT_EQ(words.error_code(), "request.bad_length");
    RawReply get_body = raw_exchange(port, get("/api/health", "Transfer-Encoding: chunked\r\n") + kLastChunk);
    EXPECT_EQ(get_body.status, 400);
    EXPECT_EQ(get_body.error_code(), "request.bad_length");
    expect_still_serving();
}

TEST_F(HostileRequestsTest, MethodsWithoutARouteAreRefusedUnread)
{
    for (const char* method : {"PUT", "PATCH", "DELETE", "PRI", "TRACE", "CONNECT"}) {
        RawReply r =
            raw_exchange(port, std::string(method) +
                                   " /api/sync/push HTTP/1.1\r\nHost: obole\r\nTransfer-Encoding: chunked\r\n\r\n");
        EXPECT_EQ(r.status, 405) << method;
        EXPECT_EQ(r.error_code(), "request.bad_method") << method;
    }
    expect_still_serving();
}

TEST_F(HostileRequestsTest, APostNoRouteTakesIsAnswered404Unread)
{
    RawConnection c(port);
    ASSERT_TRUE(c.send("POST /api/nowhere HTTP/1.1\r\nHost: obole\r\nTransfer-Encoding: chunked\r\n\r\n" +
                       http_chunk(std::string(1000, 'x'))));
    RawReply r = parse_raw_reply(c.read_until_closed());
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(r.error_code(), "not_found");
}

TEST_F(HostileRequestsTest, AFormIsNotABody)
{
    const std::string form = "--b\r\nContent-Disposition: form-data; name=\"code\"\r\n\r\nx\r\n--b--\r\n";
    RawReply r = raw_exchange(port, "POST /api/enrol HTTP/1.1\r\nHost: obole\r\nConnection: close\r\n"
                                    "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " +
                                        std::to_string(form.size()) + "\r\n\r\n" + form);
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.error_code(), "request.bad_body");
    expect_still_serving();
}

TEST_F(HostileRequestsTest, ALineOrHeadersWithoutEndAreCutOff)
{
    const std::string block(64u << 10, 'a');
    RawConnection line(port);
    ASSERT_TRUE(line.send("GET /"));
    for (int i = 0; i < 64 && line.send(block); ++i) {
    }
    line.read_until_closed(std::chrono::seconds(10)); // the server closes it

    RawConnection headers(port);
    ASSERT_TRUE(headers.send("GET / HTTP/1.1\r\nHost: obole\r\n"));
    for (int i = 0; i < 100000 && headers.send("X-Again: and again\r\n"); ++i) {
    }
    RawReply r = parse_raw_reply(headers.read_until_closed(std::chrono::seconds(10)));
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.error_code(), "request.malformed");
    expect_still_serving();
}

TEST_F(HostileRequestsTest, TheLongestPathHttplibTakesIsAnswered)
{
    // httplib takes request lines up to 8 KiB; routes are matched by regex.
    const std::string path = "/api/" + std::string(8000, 'a');
    RawReply get_long = raw_exchange(port, get(path));
    EXPECT_EQ(get_long.status, 404);
    RawReply post_long = raw_exchange(port, "POST " + path + " HTTP/1.1\r\nHost: obole\r\nContent-Length: 2\r\n\r\n{}");
    EXPECT_EQ(post_long.status, 404);
    RawReply revoke = raw_exchange(port, "POST /api/admin/devices/" + std::string(8000, 'd') +
                                             "/revoke HTTP/1.1\r\nHost: obole\r\nContent-Length: 0\r\n\r\n");
    EXPECT_EQ(revoke.status, 401);
    expect_still_serving();
}

TEST_F(HostileRequestsTest, ARequestForSeveralRangesGetsTheWholeAnswerOnce)
{
    // httplib would send the answer once per range asked for.
    std::string ranges = "bytes=0-";
    for (int i = 0; i < 1000; ++i)
        ranges += ",0-";
    for (const char* target : {"/api/health", "/nothing-here"}) {
        RawReply r = raw_exchange(port, get(target, "Range: " + ranges + "\r\n"));
        EXPECT_EQ(r.status, target[1] == 'a' ? 200 : 404) << target;
        EXPECT_TRUE(r.body.is_object()) << target << ": not one JSON answer";
        EXPECT_EQ(r.head.find("multipart/byteranges"), std::string::npos) << r.head;
    }
    expect_still_serving();
}
