// Documents (GED): files sent to or received from a member (a letter, a
// scanned form, a will's notice). The content is kept in the local store and
// synced like any row, so it is capped: kMaxDocumentBytes. Deleting keeps
// the row, marked deleted, so a sync cannot bring the file back.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace obole {

class Store;

// 2 MiB: base64 makes it about 2.7 MiB in a sync request, which the
// server's request limit leaves room for (sync/protocol/sync_limits.h).
constexpr int64_t kMaxDocumentBytes = 2 * 1024 * 1024;

struct NewDocument {
    std::string member_id;
    std::string name;      // the file's name; a path is cut to its last part
    std::string mime_type; // empty: guessed from the name's extension
    std::string date_text; // empty: today
    std::string direction; // "sent" | "received"
    std::vector<uint8_t> content;
};

struct Document {
    std::string id, member_id, name, mime_type, doc_date, direction, operator_name, created_at;
    int64_t size_bytes = 0;
};

// "3.4 MB", "120 KB", "512 bytes" (1 KB = 1024 bytes).
std::string format_file_size(int64_t bytes);

// From the extension of a file name; "application/octet-stream" when unknown.
std::string mime_type_for(const std::string& file_name);

class DocumentRepository {
public:
    explicit DocumentRepository(Store& store) : store_(store) {}

    // Errors: member.not_found; document.too_large (more than
    // kMaxDocumentBytes; the UI names the file and its size), document.empty;
    // document.name_required, document.bad_name (one line of 200);
    // document.bad_direction; date.*, date.in_future. Nothing is saved on
    // error. Journal: "document.add".
    Result<std::string> add(const NewDocument& d, const std::string& operator_name);

    // Marks it deleted (document.not_found). Journal: "document.delete".
    Result<void> remove(const std::string& document_id, const std::string& operator_name);

    // Without the content; newest first; deleted ones left out.
    Result<std::vector<Document>> list_for_member(const std::string& member_id);

    // The bytes of a live document (document.not_found).
    Result<std::vector<uint8_t>> content(const std::string& document_id);

private:
    Store& store_;
};

} // namespace obole
