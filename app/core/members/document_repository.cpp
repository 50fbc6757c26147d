#include "core/members/document_repository.h"

#include <cctype>
#include <cstdio>

#include "core/calendar/date.h"
#include "core/calendar/past_date.h"
#include "core/members/member_ref.h"
#include "core/store/date_window.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"
#include "core/text/one_line_text.h"

namespace obole {

std::string format_file_size(int64_t bytes)
{
    char out[32];
    if (bytes < 1024)
        std::snprintf(out, sizeof out, "%lld bytes", static_cast<long long>(bytes));
    else if (bytes < 1024 * 1024)
        std::snprintf(out, sizeof out, "%lld KB", static_cast<long long>((bytes + 1023) / 1024));
    else
        std::snprintf(out, sizeof out, "%.1f MB", double(bytes) / (1024.0 * 1024.0));
    std::string s = out;
    // "2.0 MB" reads better as "2 MB".
    if (s.size() > 5 && s.compare(s.size() - 5, 5, ".0 MB") == 0)
        s.erase(s.size() - 5, 2);
    return s;
}

std::string mime_type_for(const std::string& file_name)
{
    const size_t dot = file_name.rfind('.');
    if (dot == std::string::npos)
        return "application/octet-stream";
    std::string ext = file_name.substr(dot + 1);
    for (char& c : ext)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    static const char* const kTypes[][2] = {
        {"pdf", "application/pdf"},
        {"txt", "text/plain"},
        {"csv", "text/csv"},
        {"jpg", "image/jpeg"},
        {"jpeg", "image/jpeg"},
        {"png", "image/png"},
        {"gif", "image/gif"},
        {"webp", "image/webp"},
        {"html", "text/html"},
        {"odt", "application/vnd.oasis.opendocument.text"},
        {"doc", "application/msword"},
        {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        {"eml", "message/rfc822"},
    };
    for (const auto& t : kTypes)
        if (ext == t[0])
            return t[1];
    return "application/octet-stream";
}

Result<std::string> DocumentRepository::add(const NewDocument& d, const std::string& operator_name)
{
    Result<int64_t> member_ref = live_member_ref(store_, d.member_id);
    if (!member_ref)
        return member_ref.error();
    if (int64_t(d.content.size()) > kMaxDocumentBytes)
        return fail("document.too_large", "This file is too large: files are limited to 2 MB.", "file");
    if (d.content.empty())
        return fail("document.empty", "This file is empty.", "file");
    std::string base = d.name;
    if (const size_t slash = base.find_last_of("/\\"); slash != std::string::npos)
        base = base.substr(slash + 1);
    std::optional<std::string> name = one_line_text(base, 200);
    if (!name)
        return fail("document.bad_name", "The file's name must be one line of at most 200 characters.", "name");
    if (name->empty())
        return fail("document.name_required", "The file needs a name.", "name");
    if (d.direction != "sent" && d.direction != "received")
        return fail("document.bad_direction", "Choose whether the file was sent or received.", "direction");
    Result<DateWindow> window = date_window(store_);
    if (!window)
        return window.error();
    Result<std::string> date = parse_past_date(d.date_text, *window);
    if (!date)
        return date.error();
    std::optional<std::string> mime = one_line_text(d.mime_type, 100);
    const std::string type = mime && !mime->empty() ? *mime : mime_type_for(*name);
    const std::string id = new_uuid_v7();
    Result<void> written = store_.transaction([&]() -> Result<void> {
        Statement insert(store_.db(), "INSERT INTO document(id, member_ref, name, mime_type, doc_date, direction, "
                                      "size_bytes, content, operator, created_at) "
                                      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
        insert.bind_uuid(1, id);
        insert.bind_int64(2, *member_ref);
        insert.bind_text(3, *name);
        insert.bind_text(4, type);
        insert.bind_text(5, *date);
        insert.bind_text(6, d.direction);
        insert.bind_int64(7, int64_t(d.content.size()));
        insert.bind_blob(8, std::string_view(reinterpret_cast<const char*>(d.content.data()), d.content.size()));
        insert.bind_text(9, operator_name);
        insert.bind_text(10, store_.now_iso());
        if (Result<void> r = insert.run(); !r)
            return r;
        return Journal(store_).append(
            d.member_id, "document.add",
            *name + " (" + d.direction + ", " + format_file_size(int64_t(d.content.size())) + ")", operator_name);
    });
    if (!written)
        return written.error();
    return id;
}

Result<void> DocumentRepository::remove(const std::string& document_id, const std::string& operator_name)
{
    Statement row(store_.db(), "SELECT d.name, m.id FROM document d JOIN member m ON m.ref = d.member_ref "
                               "WHERE d.id = ?1 AND d.deleted = 0");
    row.bind_uuid(1, document_id);
    if (row.step() != Statement::Step::row) {
        if (Result<void> done = row.finished(); !done)
            return done.error();
        return fail("document.not_found", "This file does not exist.");
    }
    const std::string name = row.column_text(0), member_id = row.column_uuid(1);
    return store_.transaction([&]() -> Result<void> {
        Statement update(store_.db(), "UPDATE document SET deleted = 1 WHERE id = ?1");
        update.bind_uuid(1, document_id);
        if (Result<void> r = update.run(); !r)
            return r;
        return Journal(store_).append(member_id, "document.delete", name, operator_name);
    });
}

Result<std::vector<Document>> DocumentRepository::list_for_member(const std::string& member_id)
{
    std::vector<Document> out;
    Statement select(store_.db(), "SELECT d.id, d.name, d.mime_type, d.doc_date, d.direction, d.size_bytes, "
                                  "d.operator, d.created_at FROM member m JOIN document d ON d.member_ref = m.ref "
                                  "WHERE m.id = ?1 AND d.deleted = 0 ORDER BY d.doc_date DESC, d.created_at DESC");
    select.bind_uuid(1, member_id);
    while (select.step() == Statement::Step::row) {
        Document d;
        d.id = select.column_uuid(0);
        d.member_id = member_id;
        d.name = select.column_text(1);
        d.mime_type = select.column_text(2);
        d.doc_date = select.column_text(3);
        d.direction = select.column_text(4);
        d.size_bytes = select.column_int64(5);
        d.operator_name = select.column_text(6);
        d.created_at = select.column_text(7);
        out.push_back(std::move(d));
    }
    if (Result<void> done = select.finished(); !done)
        return done.error();
    return out;
}

Result<std::vector<uint8_t>> DocumentRepository::content(const std::string& document_id)
{
    Statement select(store_.db(), "SELECT content FROM document WHERE id = ?1 AND deleted = 0");
    select.bind_uuid(1, document_id);
    if (select.step() != Statement::Step::row) {
        if (Result<void> done = select.finished(); !done)
            return done.error();
        return fail("document.not_found", "This file does not exist.");
    }
    const std::string bytes = select.column_blob(0);
    return std::vector<uint8_t>(bytes.begin(), bytes.end());
}

} // namespace obole
