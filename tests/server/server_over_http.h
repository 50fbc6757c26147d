// A real obole-server (HttpApi over an in-memory store) on a loopback port
// in a thread, with an admin and a volunteer who each hold an enrol code,
// and an httplib::Client to talk to it. Shared by the HTTP tests.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "core/calendar/date.h"
#include "core/store/store.h"
#include "server/auth.h"
#include "server/auth_routes.h"
#include "server/http_api.h"
#include "server/http_server.h"
#include "server/json_response.h"
#include "server/server_options.h"
#include "server/server_store.h"

namespace server = obole::server;
using json = nlohmann::json;

const std::string kAdminPassword = "admin password 1";
const std::string kVolunteerPassword = "volunteer password 1";

struct Reply {
    int status = 0;
    json body;
    std::string error_code() const
    {
        if (!body.is_object() || !body.contains("error") || !body["error"].is_object())
            return "(no error body)";
        return body["error"].value("code", std::string());
    }
};

class ServerOverHttp : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto opened = server::open_memory_server_store();
        ASSERT_TRUE(opened) << opened.error().message;
        store = std::move(opened.value());
        auth = std::make_unique<server::Auth>(*store);
        ASSERT_TRUE(auth->ensure_schema());
        ASSERT_TRUE(auth->add_operator("admin", "Ada Admin", server::Role::admin, kAdminPassword));
        ASSERT_TRUE(auth->add_operator("vol", "Victor Volunteer", server::Role::volunteer, kVolunteerPassword));
        // Codes made before the server runs: afterwards only HTTP touches the store.
        auto admin = auth->issue_enrol_code("admin", 60, obole::unix_now_ms());
        auto vol = auth->issue_enrol_code("vol", 60, obole::unix_now_ms());
        auto admin2 = auth->issue_enrol_code("admin", 60, obole::unix_now_ms()); // the office's second device
        ASSERT_TRUE(admin && vol && admin2);
        admin_code = *admin;
        volunteer_code = *vol;
        second_admin_code = *admin2;

        server::ServerOptions options;
        options.port = 0;
        configure(options);
        auto http = std::make_unique<server::HttpServer>();
        add_test_routes(*http);
        api = std::make_unique<server::HttpApi>(*store, *auth, options, std::move(http));
        auto bound = api->bind();
        ASSERT_TRUE(bound) << bound.error().message;
        port = *bound;
        serving = std::thread([this] { api->serve(); });
        client = std::make_unique<httplib::Client>("127.0.0.1", port);
        // No test here times the server: an enrolment's password hash takes
        // half a second natively, but half a minute under AddressSanitizer
        // on a busy machine, past httplib's 5 s.
        client->set_read_timeout(std::chrono::minutes(2));
        // The socket is bound already, so this waits in the backlog until
        // serve() accepts: once answered, stop() in TearDown cannot be lost.
        auto health = client->Get("/api/health");
        ASSERT_TRUE(health) << "no answer from the test server";
    }

    // A test's own options (a web folder to serve), before the server starts.
    virtual void configure(server::ServerOptions&) {}

    // Routes of a test, taken before HttpApi's own.
    virtual void add_test_routes(server::HttpServer&) {}

    void TearDown() override
    {
        if (api)
            api->stop();
        if (serving.joinable())
            serving.join();
    }

    Reply send(const std::string& method, const std::string& path, const std::string& body = "",
               const std::string& token = "")
    {
        httplib::Headers headers;
        if (!token.empty())
            headers.emplace("Authorization", "Bearer " + token);
        httplib::Result res = method == "GET" ? client->Get(path.c_str(), headers)
                                              : client->Post(path.c_str(), headers, body, "application/json");
        Reply reply;
        if (!res) {
            ADD_FAILURE() << method << " " << path << ": no response";
            return reply;
        }
        reply.status = res->status;
        reply.body = json::parse(res->body, nullptr, false);
        EXPECT_FALSE(reply.body.is_discarded()) << "not JSON: " << res->body;
        return reply;
    }

    Reply enrol(const std::string& code, const std::string& login, const std::string& password)
    {
        return send(
            "POST", "/api/enrol",
            json{{"code", code}, {"login", login}, {"password", password}, {"device_name", "test browser"}}.dump());
    }

    // Enrols and returns the device's token ("" after a test failure).
    std::string token_for(const std::string& code, const std::string& login, const std::string& password)
    {
        Reply r = enrol(code, login, password);
        EXPECT_EQ(r.status, 200) << r.body.dump();
        return r.body.value("token", std::string());
    }

    std::unique_ptr<obole::Store> store;
    std::unique_ptr<server::Auth> auth;
    std::unique_ptr<server::HttpApi> api;
    std::unique_ptr<httplib::Client> client;
    std::thread serving;
    int port = 0;
    std::string admin_code, volunteer_code, second_admin_code;
};
