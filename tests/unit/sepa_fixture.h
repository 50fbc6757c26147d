// A store with the association's creditor settings and a few donors whose
// mandates collection runs take: what the SEPA tests share.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/calendar/date.h"
#include "core/members/member_repository.h"
#include "core/money/sepa_mandate_repository.h"
#include "core/sepa/creditor_settings.h"
#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole::testing {

class SepaFixture : public ::testing::Test {
protected:
    void SetUp() override
    {
        store = std::move(Store::open_memory().value());
        today("2026-11-30");
        CreditorSettingsText t{"Les Amis de la Rivière",
                               "FR72ZZZ123456",
                               "FR76 3000 6000 0112 3456 7890 189",
                               "AGRIFRPP",
                               "2",
                               "5, 20",
                               "5"};
        creditor = save_creditor_settings(*store, t, "alice").value();
    }
    void today(const char* iso) { store->set_clock(days_from_iso(iso) * kMsPerDay + 9 * 3600 * 1000); }
    std::string member(const char* first, const char* last)
    {
        NewMember m;
        m.first_name = first;
        m.last_name = last;
        return MemberRepository(*store).create(m, "alice").value();
    }
    // A monthly mandate of `amount` euros signed on `signed_on`.
    std::string mandate(const std::string& member_id, const char* holder, const char* amount,
                        const char* signed_on = "2026-10-01", Frequency f = Frequency::monthly)
    {
        NewSepaMandate n;
        n.member_id = member_id;
        n.iban_text = "FR1420041010050500013M02606";
        n.bic_text = "PSSTFRPPPAR";
        n.holder = holder;
        n.signature_date_text = signed_on;
        n.amount_text = amount;
        n.frequency = f;
        return SepaMandateRepository(*store).add(n, "alice").value();
    }
    int64_t count(const std::string& sql)
    {
        Statement s(store->db(), sql.c_str());
        return s.step() == Statement::Step::row ? s.column_int64(0) : -1;
    }
    std::unique_ptr<Store> store;
    CreditorSettings creditor;
};

} // namespace obole::testing
