// A store with one member, for the tests of the dossier's behavioural and
// documentary repositories.
#pragma once

#include <gtest/gtest.h>

#include "core/members/member_repository.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole::test {

class DossierRowsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        Result<std::unique_ptr<Store>> s = Store::open_memory();
        ASSERT_TRUE(s.ok());
        store = std::move(s.value());
        NewMember m;
        m.first_name = "Hélène";
        m.last_name = "Dupont";
        m.email = "Helene.Dupont@Example.fr";
        member_id = MemberRepository(*store).create(m, "alice").value();
    }
    int64_t count(const char* table)
    {
        Statement s(store->db(), (std::string("SELECT count(*) FROM ") + table).c_str());
        return s.step() == Statement::Step::row ? s.column_int64(0) : -1;
    }
    // The newest journal action for the member.
    std::string last_action()
    {
        auto entries = Journal(*store).list_for_member(member_id, 1).value();
        return entries.empty() ? "" : entries[0].action;
    }
    std::unique_ptr<Store> store;
    std::string member_id;
};

} // namespace obole::test
