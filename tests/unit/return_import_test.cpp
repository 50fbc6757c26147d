// The bank's returns, from hand-written files (tests/unit/bank_files): each
// reason-code class fails the collection and ends, suspends or keeps the
// mandate; a return after settlement voids the gift the collection became;
// a file imported twice changes nothing; bad files are refused whole.
#include <fstream>
#include <sstream>

#include "core/money/money_in.h"
#include "core/sepa/call_list.h"
#include "core/sepa/collection_run.h"
#include "core/sepa/collection_settlement.h"
#include "core/sepa/pain008.h"
#include "core/sepa/return_import.h"
#include "core/sepa/return_reason.h"
#include "sepa_fixture.h"

using namespace obole;
using obole::testing::SepaFixture;

namespace {

std::string read_file(const std::string& name)
{
    std::ifstream in(std::string(OBOLE_BANK_FILES) + "/" + name);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

class ReturnImportTest : public SepaFixture {
protected:
    void SetUp() override
    {
        SepaFixture::SetUp();
        const char* names[][2] = {{"Hélène", "Dupont"}, {"Иван", "Петров"}, {"Marie", "Curie"},
                                  {"Louis", "Martin"},  {"Anne", "Leroy"},  {"Paul", "Durand"}};
        const char* amounts[] = {"15", "20,50", "30", "12", "25", "15"};
        for (int i = 0; i < 6; ++i) {
            members[i] = member(names[i][0], names[i][1]);
            mandates[i] = mandate(members[i], names[i][1], amounts[i]);
        }
        run = submit("2026-12-07");
    }
    std::string submit(const char* date)
    {
        CollectionRunRepository runs(*store);
        const std::string id = runs.submit(plan_collections(*store, creditor, date).value(), creditor, "alice").value();
        EXPECT_TRUE(runs.mark_sent(id, "alice").ok());
        return id;
    }
    // The file with each placeholder E2E_A..E2E_F as the end-to-end id of the
    // collection of members[0..5] in `run_id`.
    std::string bank_file(const char* name, const std::string& run_id)
    {
        std::string text = read_file(name);
        EXPECT_FALSE(text.empty()) << name;
        for (int i = 0; i < 6; ++i) {
            Statement s(store->db(), "SELECT k.id FROM sepa_collection k JOIN member m ON m.ref = k.member_ref "
                                     "WHERE m.id = ?1 AND k.run_id = ?2");
            s.bind_uuid(1, members[i]);
            s.bind_uuid(2, run_id);
            const std::string e2e = s.step() == Statement::Step::row ? end_to_end_id(s.column_uuid(0)) : "NONE";
            const std::string token = std::string("E2E_") + char('A' + i);
            for (size_t at; (at = text.find(token + "<")) != std::string::npos;)
                text.replace(at, token.size(), e2e);
        }
        return text;
    }
    Result<ReturnImport> import(const std::string& bytes)
    {
        return import_bank_return(*store, bytes, creditor, ReceiptNumbering::here, "alice");
    }
    // Everything an import may change, in one string.
    std::string state()
    {
        Statement s(store->db(),
                    "SELECT (SELECT group_concat(status || ':' || reject_reason || ':' || returned_on, ',') FROM "
                    "(SELECT * FROM sepa_collection ORDER BY id)) || '|' || (SELECT group_concat(status, ',') FROM "
                    "(SELECT status FROM sepa_mandate ORDER BY id)) || '|' || (SELECT count(*) FROM journal) || '|' "
                    "|| (SELECT count(*) FROM gift_correction) || '|' || (SELECT total(net_cents) FROM gift_now)");
        return s.step() == Statement::Step::row ? s.column_text(0) : "";
    }
    std::string mandate_status(int i)
    {
        Statement s(store->db(), "SELECT status FROM sepa_mandate WHERE id = ?1");
        s.bind_uuid(1, mandates[i]);
        return s.step() == Statement::Step::row ? s.column_text(0) : "";
    }
    int64_t money_in(int i)
    {
        int64_t sum = 0;
        for (const MoneyIn& m : money_in_for_member(*store, members[i]).value())
            sum += m.amount_cents;
        return sum;
    }
    std::string members[6], mandates[6], run;
};

} // namespace

TEST(ReturnReason, EachClassActsOnTheMandate)
{
    EXPECT_EQ(mandate_action_for("AC04"), MandateAction::end);
    EXPECT_EQ(mandate_action_for("MD01"), MandateAction::end);
    EXPECT_EQ(mandate_action_for("MD07"), MandateAction::end);
    EXPECT_EQ(mandate_action_for("AC06"), MandateAction::suspend);
    EXPECT_EQ(mandate_action_for("AC01"), MandateAction::suspend);
    EXPECT_EQ(mandate_action_for("MS02"), MandateAction::suspend);
    EXPECT_EQ(mandate_action_for("AM04"), MandateAction::keep);
    EXPECT_EQ(mandate_action_for("MD06"), MandateAction::keep);
    EXPECT_EQ(mandate_action_for("SL01"), MandateAction::keep);
    EXPECT_EQ(mandate_action_for("ZZ99"), MandateAction::keep);
}

TEST_F(ReturnImportTest, RejectsFailTheirCollectionsAndActOnTheMandates)
{
    today("2026-12-08");
    Result<ReturnImport> r = import(bank_file("pain002_rejects.xml", run));
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->format, "pain.002");
    EXPECT_EQ(r->lines, 3);
    EXPECT_EQ(r->failed_now, 3);
    EXPECT_EQ(r->mandates_ended, 1);
    EXPECT_EQ(r->mandates_suspended, 1);
    EXPECT_EQ(mandate_status(0), "revoked");   // AC04: account closed
    EXPECT_EQ(mandate_status(1), "suspended"); // AC06: account blocked
    EXPECT_EQ(mandate_status(2), "active");    // AM04: insufficient funds
    EXPECT_EQ(count("SELECT count(*) FROM sepa_collection WHERE status = 'failed' AND reject_reason = 'AC04' "
                    "AND returned_on = '2026-12-08'"),
              1);
    // Imported twice: nothing changes.
    const std::string before = state();
    Result<ReturnImport> again = import(bank_file("pain002_rejects.xml", run));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->already, 3);
    EXPECT_EQ(again->failed_now, 0);
    EXPECT_EQ(state(), before);
}

// A bank may refuse a whole file, or one payment block of it, and list none
// or only some of its transactions: every collection in it failed.
TEST_F(ReturnImportTest, ARejectedFileOrPaymentBlockFailsEachOfItsCollections)
{
    today("2026-12-08");
    const Pain008 submitted = CollectionRunRepository(*store).file_of(run, creditor).value();
    auto with_run = [&](const char* name, const std::string& block) {
        std::string text = bank_file(name, run);
        for (const auto& [token, value] :
             {std::pair<std::string, std::string>{"RUN_MESSAGE_ID", submitted.message_id}, {"RUNPAYMENTBLOCK", block}})
            for (size_t at; (at = text.find(token)) != std::string::npos;)
                text.replace(at, token.size(), value);
        return text;
    };
    // A block this run does not have (none of its collections is recurrent).
    const std::string before = state();
    Result<ReturnImport> none =
        import(with_run("pain002_block_rejected.xml", payment_info_id(submitted.message_id, "RCUR")));
    ASSERT_TRUE(none.ok()) << none.error().message;
    EXPECT_EQ(none->failed_now, 1) << "only the transaction listed";
    EXPECT_EQ(none->unknown, 1) << "the block names none of ours";

    EXPECT_NE(state(), before);
    Result<ReturnImport> block =
        import(with_run("pain002_block_rejected.xml", payment_info_id(submitted.message_id, "FRST")));
    ASSERT_TRUE(block.ok()) << block.error().message;
    EXPECT_EQ(block->lines, 6) << "the listed transaction counts once";
    EXPECT_EQ(block->already, 1);
    EXPECT_EQ(block->failed_now, 5);
    EXPECT_EQ(count("SELECT count(*) FROM sepa_collection WHERE status = 'failed' AND reject_reason = 'AC04'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM sepa_collection WHERE status = 'failed' AND reject_reason = 'MS03' AND "
                    "returned_on = '2026-12-08'"),
              5);
    EXPECT_EQ(mandate_status(0), "revoked");
    EXPECT_EQ(mandate_status(1), "active") << "no reason given: the mandate stays";

    // January's run, refused whole by the bank.
    today("2027-01-06");
    const std::string january = submit("2027-01-05");
    const Pain008 next = CollectionRunRepository(*store).file_of(january, creditor).value();
    const int in_run = static_cast<int>(next.transactions.size());
    ASSERT_GT(in_run, 0);
    std::string refused = read_file("pain002_file_rejected.xml");
    refused.replace(refused.find("RUN_MESSAGE_ID"), 14, next.message_id);
    Result<ReturnImport> whole = import(refused);
    ASSERT_TRUE(whole.ok()) << whole.error().message;
    EXPECT_EQ(whole->failed_now, in_run);
    EXPECT_EQ(
        count("SELECT count(*) FROM sepa_collection WHERE run_id = (SELECT id FROM sepa_run WHERE message_id = '" +
              next.message_id + "') AND (status != 'failed' OR reject_reason != 'FF01')"),
        0);
    const std::string after = state();
    EXPECT_EQ(import(refused)->already, in_run);
    EXPECT_EQ(state(), after);
    // The file of a run that is not ours is refused whole.
    std::string other = read_file("pain002_file_rejected.xml");
    other.replace(other.find("RUN_MESSAGE_ID"), 14, "NOTOURS");
    EXPECT_EQ(import(other).error().code, "sepa.unknown_collections");
}

TEST_F(ReturnImportTest, CollectionsNotReturnedInTimeBecomeGiftsAndLateReturnsVoidThem)
{
    today("2026-12-08");
    ASSERT_TRUE(import(bank_file("pain002_rejects.xml", run)).ok());
    // Within the deadline (5 business days after 7 December): nothing yet.
    today("2026-12-14");
    EXPECT_EQ(settle_collections(*store, creditor, CollectionAuthority::here, "alice").value(), 0);
    EXPECT_EQ(money_in(3), 0);
    today("2026-12-15");
    EXPECT_EQ(settle_collections(*store, creditor, CollectionAuthority::here, "alice").value(), 3);
    EXPECT_EQ(settle_collections(*store, creditor, CollectionAuthority::here, "alice").value(), 0);
    EXPECT_EQ(money_in(3), 1200);
    EXPECT_EQ(money_in(0), 0); // rejected: never money in
    EXPECT_EQ(count("SELECT count(*) FROM gift g JOIN sepa_collection k ON k.gift_id = g.id AND k.id = g.id "
                    "WHERE g.payment_method = 'direct_debit' AND k.status = 'collected'"),
              3);
    // Returned after settlement: the gift is voided, the totals drop.
    today("2026-12-30");
    Result<ReturnImport> r = import(bank_file("camt054_returns.xml", run));
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->format, "camt.054");
    EXPECT_EQ(r->failed_now, 3);
    EXPECT_EQ(r->gifts_voided, 3);
    EXPECT_EQ(money_in(3), 0);
    EXPECT_EQ(money_in(4), 0);
    EXPECT_EQ(mandate_status(3), "active");    // MD06: a refund the donor asked for
    EXPECT_EQ(mandate_status(4), "revoked");   // MD01: no mandate
    EXPECT_EQ(mandate_status(5), "suspended"); // MS02: refused by the donor
    const std::string before = state();
    EXPECT_EQ(import(bank_file("camt054_returns.xml", run))->already, 3);
    EXPECT_EQ(state(), before);
}

TEST_F(ReturnImportTest, ADonorWhoseCollectionsFailTwiceInARowIsToBeCalled)
{
    today("2026-12-15");
    ASSERT_EQ(settle_collections(*store, creditor, CollectionAuthority::here, "alice").value(), 6);
    today("2026-12-30");
    ASSERT_TRUE(import(bank_file("camt054_returns.xml", run)).ok()); // Marie Curie: MD06
    EXPECT_EQ(failures_in_a_row(*store, members[3]).value(), 1);
    EXPECT_TRUE(donors_to_call(*store, creditor.failures_before_call).value().empty());
    // An association that calls at the first failure.
    EXPECT_EQ(donors_to_call(*store, 1).value().size(), 3u) << "the three the file returned";
    const std::string january = submit("2027-01-05");
    today("2027-01-06");
    // The same kind of report, now naming Marie Curie's January collection first.
    std::string file = read_file("pain002_rejects.xml");
    Statement s(store->db(), "SELECT id FROM sepa_collection WHERE run_id = ?1 AND mandate_id = ?2");
    s.bind_uuid(1, january);
    s.bind_uuid(2, mandates[3]);
    ASSERT_EQ(s.step(), Statement::Step::row);
    file.replace(file.find("E2E_A<"), 5, end_to_end_id(s.column_uuid(0)));
    Result<ReturnImport> r = import(file);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->failed_now, 1);
    EXPECT_EQ(r->unknown, 2);
    std::vector<DonorToCall> calls = donors_to_call(*store, creditor.failures_before_call).value();
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(calls[0].member_id, members[3]);
    EXPECT_EQ(calls[0].failures, 2);
    EXPECT_EQ(calls[0].last_reason, "AC04");
}

TEST_F(ReturnImportTest, BadFilesAreRefusedWithAMessageAndChangeNothing)
{
    today("2026-12-08");
    const std::string before = state();
    struct Case {
        std::string bytes;
        const char* code;
    } cases[] = {
        {read_file("malformed.xml"), "xml.malformed"},
        {bank_file("pain002_other_creditor.xml", run), "sepa.other_creditor"},
        {read_file("camt054_unknown.xml"), "sepa.unknown_collections"},
        {"<?xml version=\"1.0\"?><Document><CstmrCdtTrfInitn/></Document>", "sepa.not_a_return_file"},
        {"<!DOCTYPE x [<!ENTITY a \"aaaa\">]><Document/>", "xml.malformed"},
        {"not xml at all", "xml.malformed"},
        {"<Document><CstmrPmtStsRpt><OrgnlPmtInfAndSts><TxInfAndSts><TxSts>RJCT</TxSts></TxInfAndSts>"
         "</OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>",
         "sepa.bad_return_line"},
    };
    for (const Case& c : cases) {
        ASSERT_FALSE(c.bytes.empty()) << c.code;
        Result<ReturnImport> r = import(c.bytes);
        ASSERT_FALSE(r.ok()) << c.code;
        EXPECT_EQ(r.error().code, c.code);
        EXPECT_FALSE(r.error().message.empty());
        EXPECT_EQ(state(), before) << c.code;
    }
    // The pain.002 files are what the ISO schema describes (xmllint, not our reader).
    for (const char* name : {"pain002_rejects.xml", "pain002_other_creditor.xml", "pain002_file_rejected.xml",
                             "pain002_block_rejected.xml"}) {
        const std::string cmd = std::string("xmllint --noout --schema '") + OBOLE_ISO20022_DIR +
                                "/pain.002.001.03.xsd' '" + OBOLE_BANK_FILES + "/" + name + "' 2>/dev/null";
        EXPECT_EQ(std::system(cmd.c_str()), 0) << name;
    }
}
