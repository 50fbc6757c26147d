// Documents travel between devices through a real obole-server: byte for
// byte, several 2 MiB files in batches that each fit under the server's
// request limit, pulled a few at a time; a volunteer's device may add
// documents and mark an event registration attended.
#include "device_over_http.h"

#include "core/events/event_repository.h"
#include "core/members/document_repository.h"
#include "core/members/member_repository.h"
#include "protocol/sync_limits.h"

namespace {

using Device = HttpDevice;

class DocumentSyncTest : public DeviceOverHttp {
protected:
    static std::vector<uint8_t> bytes(size_t size, uint32_t seed)
    {
        std::vector<uint8_t> out(size);
        for (size_t i = 0; i < size; ++i) {
            seed = seed * 1664525u + 1013904223u;
            out[i] = uint8_t(seed >> 24);
        }
        return out;
    }
};

TEST_F(DocumentSyncTest, SeveralTwoMegabyteDocumentsArriveByteIdentical)
{
    Device office, other_office, stand;
    enrol(office, admin_code, "admin", kAdminPassword);
    enrol(other_office, second_admin_code, "admin", kAdminPassword);
    enrol(stand, volunteer_code, "vol", kVolunteerPassword);

    obole::NewMember m;
    m.last_name = "Dupont";
    const std::string member = obole::MemberRepository(*office.store).create(m, "ada").value();
    std::vector<std::string> ids;
    std::vector<std::vector<uint8_t>> contents;
    for (uint32_t i = 0; i < 4; ++i) {
        obole::NewDocument d;
        d.member_id = member;
        d.name = "scan-" + std::to_string(i) + ".pdf";
        d.direction = "received";
        d.content = bytes(i == 3 ? 300 : size_t(obole::kMaxDocumentBytes), i + 1);
        contents.push_back(d.content);
        ids.push_back(obole::DocumentRepository(*office.store).add(d, "ada").value());
    }
    run(office);
    EXPECT_EQ(office.outbox->count().value(), 0) << office.engine.status().last_error;
    EXPECT_GE(office.pushes, 2) << "2 MiB documents must go in several batches";
    EXPECT_LE(office.largest_request, obole::sync::kMaxRequestBytes);

    run(other_office);
    EXPECT_EQ(other_office.engine.status().last_error, "");
    EXPECT_GE(other_office.pulls, 3) << "a pull page holds a few documents, not all";
    obole::DocumentRepository there(*other_office.store);
    ASSERT_EQ(there.list_for_member(member).value().size(), 4u);
    for (size_t i = 0; i < ids.size(); ++i) {
        obole::Result<std::vector<uint8_t>> got = there.content(ids[i]);
        ASSERT_TRUE(got.ok()) << i;
        EXPECT_TRUE(*got == contents[i]) << "document " << i << " differs";
    }

    // A volunteer's device is told the documents exist, not what they hold
    // (protocol/access.h).
    run(stand);
    EXPECT_EQ(stand.engine.status().last_error, "");
    obole::DocumentRepository at_stand(*stand.store);
    ASSERT_EQ(at_stand.list_for_member(member).value().size(), 4u);
    for (const std::string& id : ids)
        EXPECT_TRUE(at_stand.content(id).value().empty());
}

TEST_F(DocumentSyncTest, AVolunteerAddsADocumentAndMarksAttendance)
{
    Device office, stand;
    enrol(office, admin_code, "admin", kAdminPassword);
    enrol(stand, volunteer_code, "vol", kVolunteerPassword);
    obole::NewMember m;
    m.last_name = "Martin";
    const std::string member = obole::MemberRepository(*office.store).create(m, "ada").value();
    obole::EventRepository events(*office.store);
    const std::string gala = events.create("Gala", "2026-11-20", "Paris", "ada").value();
    const std::string reg = events.register_member(member, gala, 0, "ada").value();
    run(office);
    run(stand);

    obole::NewDocument d;
    d.member_id = member;
    d.name = "bulletin.txt";
    d.direction = "received";
    d.content = bytes(500, 9);
    const std::string doc = obole::DocumentRepository(*stand.store).add(d, "vic").value();
    ASSERT_TRUE(obole::EventRepository(*stand.store).mark_attended(reg, "vic").ok());
    run(stand);
    EXPECT_EQ(stand.engine.status().refused, 0);

    run(office);
    EXPECT_TRUE(obole::DocumentRepository(*office.store).content(doc).value() == d.content);
    auto regs = obole::EventRepository(*office.store).list_for_member(member).value();
    ASSERT_EQ(regs.size(), 1u);
    EXPECT_TRUE(regs[0].attended);
}

TEST_F(DocumentSyncTest, AnOversizedRequestGetsAClearError)
{
    const std::string big(obole::sync::kMaxRequestBytes + 1, 'x');
    Reply r = send("POST", "/api/sync/push", big, token_for(admin_code, "admin", kAdminPassword));
    EXPECT_EQ(r.status, 413);
    EXPECT_EQ(r.error_code(), "request.too_large");
    EXPECT_EQ(r.body["error"].value("message", std::string()), "The request is larger than 8 MB.");
}

} // namespace
