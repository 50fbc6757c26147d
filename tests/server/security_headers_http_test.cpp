// Every kind of answer obole-server gives carries the security headers
// (issue 17, part 3): the app's page and files, API answers, API errors,
// 404s of files and of routes, a request refused before routing, a body
// over the limit, a handler that threw. Read as raw bytes, so what is
// checked is what a browser receives.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "protocol/sync_limits.h"
#include "raw_http.h"
#include "server/security_headers.h"
#include "server_over_http.h"

namespace {

// The value of header `name` in an answer's head (names compared without
// case); "" when absent, "(twice)" when it came more than once.
std::string header_value(const std::string& head, const std::string& name)
{
    std::string found;
    int count = 0;
    size_t at = head.find("\r\n");
    while (at != std::string::npos) {
        const size_t start = at + 2, end = head.find("\r\n", start);
        const std::string line = head.substr(start, end == std::string::npos ? std::string::npos : end - start);
        const size_t colon = line.find(':');
        if (colon == name.size()) {
            bool same = true;
            for (size_t i = 0; i < colon && same; ++i)
                same = std::tolower(static_cast<unsigned char>(line[i])) ==
                       std::tolower(static_cast<unsigned char>(name[i]));
            if (same) {
                found = line.substr(line.find_first_not_of(' ', colon + 1));
                ++count;
            }
        }
        at = end;
    }
    return count > 1 ? "(twice)" : found;
}

class SecurityHeadersTest : public ServerOverHttp {
protected:
    void configure(server::ServerOptions& options) override
    {
        char dir[] = "/tmp/obole-web-XXXXXX";
        ASSERT_TRUE(::mkdtemp(dir));
        web_dir = dir;
        std::ofstream(web_dir + "/index.html") << "<!doctype html><title>Obole</title>";
        std::ofstream(web_dir + "/boot.js") << "'use strict';";
        std::ofstream(web_dir + "/obole.wasm") << std::string("\0asm\1\0\0\0", 8);
        std::ofstream(web_dir + "/favicon.svg") << "<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
        options.web_dir = web_dir;
    }

    void add_test_routes(server::HttpServer& http) override
    {
        http.Get("/test/throw", [](const httplib::Request&, httplib::Response&) {
            throw std::runtime_error("a handler that throws");
        });
    }

    void TearDown() override
    {
        ServerOverHttp::TearDown();
        std::error_code ec;
        std::filesystem::remove_all(web_dir, ec);
    }

    static std::string get(const std::string& target, const std::string& headers = "")
    {
        return "GET " + target + " HTTP/1.1\r\nHost: obole\r\nConnection: close\r\n" + headers + "\r\n";
    }

    // Every security header, once, with its value, on the answer to `request`.
    void expect_headers(const std::string& what, const std::string& request, int status)
    {
        RawReply r = raw_exchange(port, request);
        ASSERT_EQ(r.status, status) << what << "\n" << r.head;
        for (const auto& [name, value] : server::security_headers())
            EXPECT_EQ(header_value(r.head, name), value) << what << ": " << name << "\n" << r.head;
        ++checked;
    }

    std::string web_dir;
    int checked = 0;
};

} // namespace

TEST_F(SecurityHeadersTest, ThePolicyIsStrict)
{
    const std::string csp = server::content_security_policy();
    for (const char* part : {"default-src 'none'", "script-src 'self' 'wasm-unsafe-eval';", "object-src 'none'",
                             "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"})
        EXPECT_NE(csp.find(part), std::string::npos) << part << " missing from " << csp;
    for (const char* loose : {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"})
        EXPECT_EQ(csp.find(loose), std::string::npos) << loose << " in " << csp;
    // Only the receipt's own style is allowed inline, by one hash.
    EXPECT_NE(csp.find("style-src 'self' 'sha256-"), std::string::npos) << csp;
}

TEST_F(SecurityHeadersTest, EveryKindOfAnswerCarriesTheHeaders)
{
    const std::string token = token_for(admin_code, "admin", kAdminPassword);
    const std::string bearer = "Authorization: Bearer " + token + "\r\n";

    expect_headers("the app's page", get("/"), 200);
    expect_headers("index.html", get("/index.html"), 200);
    expect_headers("a script", get("/boot.js"), 200);
    expect_headers("the wasm", get("/obole.wasm"), 200);
    expect_headers("an image", get("/favicon.svg"), 200);
    expect_headers("a file that is not there", get("/nothing.js"), 404);
    expect_headers("an API answer", get("/api/health"), 200);
    expect_headers("an admin answer", get("/api/admin/devices", bearer), 200);
    expect_headers("an API error (no token)", get("/api/admin/devices"), 401);
    expect_headers("an API error (bad query)", get("/api/sync/pull?since=x", bearer), 400);
    expect_headers("an unknown API route", get("/api/nothing"), 404);
    expect_headers("a POST to no route",
                   "POST /api/nothing HTTP/1.1\r\nHost: obole\r\nConnection: close\r\n"
                   "Content-Length: 2\r\n\r\n{}",
                   404);
    expect_headers("an enrolment refused",
                   "POST /api/enrol HTTP/1.1\r\nHost: obole\r\nConnection: close\r\n"
                   "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
                   400);
    expect_headers("a path that is not UTF-8", get("/%ff"), 400);
    expect_headers("a method refused before routing",
                   "PUT /api/health HTTP/1.1\r\nHost: obole\r\n"
                   "Connection: close\r\nContent-Length: 0\r\n\r\n",
                   405);
    expect_headers("a body over the limit",
                   "POST /api/sync/push HTTP/1.1\r\nHost: obole\r\nConnection: close\r\n" + bearer +
                       "Content-Length: " + std::to_string(obole::sync::kMaxRequestBytes + 1) + "\r\n\r\n",
                   413);
    expect_headers("a handler that threw", get("/test/throw"), 500);
    EXPECT_EQ(checked, 17);
}
