// ServerOverHttp with an admin's and a volunteer's device enrolled, and
// changes written by hand as a device would send them (or as a broken or
// hostile one might): for the tests of push and pull over HTTP.
#pragma once

#include "server_over_http.h"

#include <cstdio>

#include "core/store/migrations.h"
#include "core/store/statement.h"

class SyncHttpTest : public ServerOverHttp {
protected:
    void SetUp() override
    {
        ServerOverHttp::SetUp();
        admin_token = token_for(admin_code, "admin", kAdminPassword);
        volunteer_token = token_for(volunteer_code, "vol", kVolunteerPassword);
    }

    static json change(uint64_t seq, const std::string& table, const std::string& row, const std::string& op,
                       json fields, int64_t wall_ms = 1'763'900'000'000)
    {
        char hlc[32];
        std::snprintf(hlc, sizeof hlc, "%015lld.%05d.", static_cast<long long>(wall_ms), int(seq));
        return {{"seq", seq},
                {"table", table},
                {"row", row},
                {"op", op},
                {"hlc", std::string(hlc) + "dev"},
                {"fields", std::move(fields)}};
    }

    static json new_member(uint64_t seq, const std::string& id, const std::string& last_name)
    {
        return change(seq, "member", id, "insert",
                      {{"member_no", 0},
                       {"last_name", last_name},
                       {"first_name", "Anne"},
                       {"created_at", "2026-11-23T10:00:00.000Z"},
                       {"updated_at", "2026-11-23T10:00:00.000Z"}});
    }

    static json new_gift(uint64_t seq, const std::string& id, const std::string& member, int64_t cents)
    {
        return change(seq, "gift", id, "insert",
                      {{"member_id", member},
                       {"gift_date", "2026-11-23"},
                       {"amount_cents", cents},
                       {"payment_method", "cash"},
                       {"created_at", "2026-11-23T10:00:00.000Z"}});
    }

    Reply push(const std::string& token, json changes)
    {
        return send("POST", "/api/sync/push",
                    json{{"schema_version", obole::current_schema_version()}, {"changes", std::move(changes)}}.dump(),
                    token);
    }

    Reply pull(const std::string& token, int64_t since, int limit = 100)
    {
        return send("GET",
                    "/api/sync/pull?since=" + std::to_string(since) + "&limit=" + std::to_string(limit) +
                        "&schema_version=" + std::to_string(obole::current_schema_version()),
                    "", token);
    }

    int64_t count(const std::string& sql)
    {
        obole::Statement s(store->db(), sql.c_str());
        return s.step() == obole::Statement::Step::row ? s.column_int64(0) : -1;
    }

    std::string admin_token, volunteer_token;
};
