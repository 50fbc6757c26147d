#include "behaviour_fixture.h"

#include "core/members/document_repository.h"

using namespace obole;

namespace {

class DocumentTest : public test::DossierRowsTest {
protected:
    NewDocument doc(size_t size, const char* name = "lettre.pdf")
    {
        NewDocument d;
        d.member_id = member_id;
        d.name = name;
        d.direction = "received";
        d.date_text = "2026-01-15";
        d.content.resize(size);
        for (size_t i = 0; i < size; ++i)
            d.content[i] = uint8_t(i * 31 + 7);
        return d;
    }
    void expect_rejected(const NewDocument& d, const char* code)
    {
        const int64_t rows = count("document"), journal = Journal(*store).count().value();
        Result<std::string> r = DocumentRepository(*store).add(d, "alice");
        ASSERT_FALSE(r.ok()) << code;
        EXPECT_EQ(r.error().code, code);
        EXPECT_EQ(count("document"), rows);
        EXPECT_EQ(Journal(*store).count().value(), journal);
    }
};

TEST_F(DocumentTest, stored_bytes_come_back_identical)
{
    DocumentRepository repo(*store);
    NewDocument d = doc(kMaxDocumentBytes, "C:\\scans\\lettre.PDF"); // exactly the limit is allowed
    std::string id = repo.add(d, "alice").value();
    EXPECT_EQ(last_action(), "document.add");
    auto rows = repo.list_for_member(member_id).value();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].name, "lettre.PDF");
    EXPECT_EQ(rows[0].mime_type, "application/pdf");
    EXPECT_EQ(rows[0].size_bytes, kMaxDocumentBytes);
    EXPECT_EQ(rows[0].direction, "received");
    EXPECT_EQ(repo.content(id).value(), d.content);
}

TEST_F(DocumentTest, over_the_limit_or_bad_input_saves_nothing)
{
    expect_rejected(doc(kMaxDocumentBytes + 1), "document.too_large");
    expect_rejected(doc(0), "document.empty");
    expect_rejected(doc(10, "   "), "document.name_required");
    NewDocument d = doc(10);
    d.direction = "lost";
    expect_rejected(d, "document.bad_direction");
    d = doc(10);
    d.date_text = "2999-01-01";
    expect_rejected(d, "date.in_future");
}

TEST_F(DocumentTest, deleting_hides_it_and_keeps_the_row)
{
    DocumentRepository repo(*store);
    std::string id = repo.add(doc(100), "alice").value();
    ASSERT_TRUE(repo.remove(id, "alice").ok());
    EXPECT_EQ(last_action(), "document.delete");
    EXPECT_TRUE(repo.list_for_member(member_id).value().empty());
    EXPECT_EQ(repo.content(id).error().code, "document.not_found");
    EXPECT_EQ(repo.remove(id, "alice").error().code, "document.not_found");
    EXPECT_EQ(count("document"), 1);
}

TEST_F(DocumentTest, sizes_read_as_people_say_them)
{
    EXPECT_EQ(format_file_size(512), "512 bytes");
    EXPECT_EQ(format_file_size(2048), "2 KB");
    EXPECT_EQ(format_file_size(kMaxDocumentBytes), "2 MB");
    EXPECT_EQ(format_file_size(int64_t(3.4 * 1024 * 1024)), "3.4 MB");
    EXPECT_EQ(mime_type_for("notes.txt"), "text/plain");
    EXPECT_EQ(mime_type_for("archive"), "application/octet-stream");
}

} // namespace
