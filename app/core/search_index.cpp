#include "core/search_index.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/search_words.h"
#include "core/statement.h"
#include "core/store.h"

namespace obole {

namespace {

// Distance between consecutive docs after a rebuild: room for 32 insertions
// at the same place in name order before the next rebuild.
constexpr int64_t kDocGap = int64_t(1) << 32;

// The distinct words of a doc with their field: 1 for name words, 2 others.
std::map<std::string, int> token_fields(const SearchWords& w)
{
    std::map<std::string, int> tokens;
    for (std::string_view word : split_words(w.names))
        tokens[std::string(word)] = 1;
    for (const std::string* words : {&w.text, &w.extra})
        for (std::string_view word : split_words(*words))
            tokens.emplace(std::string(word), 2);
    return tokens;
}

// Loads what a member's index entry is computed from; false when the member
// is missing or deleted.
bool load_source(Store& store, const std::string& member_id, SearchSource* s)
{
    sqlite3* db = store.db();
    Statement member(db, "SELECT member_no, first_name, last_name FROM member WHERE id = ?1 AND deleted = 0");
    member.bind_text(1, member_id);
    if (member.step() != Statement::Step::row)
        return false;
    s->member_id = member_id;
    s->member_no = member.column_int64(0);
    s->first_name = member.column_text(1);
    s->last_name = member.column_text(2);

    Statement address(db, "SELECT postcode, city FROM address WHERE member_id = ?1 ORDER BY is_main DESC LIMIT 1");
    address.bind_text(1, member_id);
    if (address.step() == Statement::Step::row) {
        s->postcode = address.column_text(0);
        s->city = address.column_text(1);
    }
    Statement emails(db, "SELECT address FROM email WHERE member_id = ?1 ORDER BY id");
    emails.bind_text(1, member_id);
    while (emails.step() == Statement::Step::row)
        s->emails.push_back(emails.column_text(0));
    Statement phones(db, "SELECT number FROM phone WHERE member_id = ?1 ORDER BY id");
    phones.bind_text(1, member_id);
    while (phones.step() == Statement::Step::row)
        s->phones.push_back(phones.column_text(0));
    return true;
}

struct StoredDoc {
    int64_t doc = 0;
    SearchWords words;
};

bool load_stored(Store& store, const std::string& member_id, StoredDoc* out)
{
    Statement select(store.db(), "SELECT doc, sort_key, names, text, extra FROM search_doc WHERE member_id = ?1");
    select.bind_text(1, member_id);
    if (select.step() != Statement::Step::row)
        return false;
    out->doc = select.column_int64(0);
    out->words = {select.column_text(1), select.column_text(2), select.column_text(3), select.column_text(4)};
    return true;
}

Result<void> remove_doc(Store& store, const StoredDoc& old)
{
    sqlite3* db = store.db();
    Statement token(db, "DELETE FROM search_token WHERE field = ?1 AND token = ?2 AND doc = ?3");
    for (const auto& [word, field] : token_fields(old.words)) {
        token.bind_int64(1, field);
        token.bind_text(2, word);
        token.bind_int64(3, old.doc);
        if (Result<void> r = token.run(); !r)
            return r;
        token.reset();
    }
    // External-content FTS5: deleting needs the exact text that was indexed.
    Statement fts(db, "INSERT INTO search_fts(search_fts, rowid, text) VALUES('delete', ?1, ?2)");
    fts.bind_int64(1, old.doc);
    fts.bind_text(2, old.words.text);
    if (Result<void> r = fts.run(); !r)
        return r;
    Statement doc(db, "DELETE FROM search_doc WHERE doc = ?1");
    doc.bind_int64(1, old.doc);
    return doc.run();
}

Result<void> insert_doc(Store& store, int64_t doc, const std::string& member_id, const SearchWords& w)
{
    sqlite3* db = store.db();
    Statement insert(db, "INSERT INTO search_doc(doc, member_id, sort_key, names, text, extra) "
                         "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind_int64(1, doc);
    insert.bind_text(2, member_id);
    insert.bind_text(3, w.sort_key);
    insert.bind_text(4, w.names);
    insert.bind_text(5, w.text);
    insert.bind_text(6, w.extra);
    if (Result<void> r = insert.run(); !r)
        return r;
    Statement fts(db, "INSERT INTO search_fts(rowid, text) VALUES(?1, ?2)");
    fts.bind_int64(1, doc);
    fts.bind_text(2, w.text);
    if (Result<void> r = fts.run(); !r)
        return r;
    Statement token(db, "INSERT INTO search_token(field, token, doc) VALUES(?1, ?2, ?3)");
    for (const auto& [word, field] : token_fields(w)) {
        token.bind_int64(1, field);
        token.bind_text(2, word);
        token.bind_int64(3, doc);
        if (Result<void> r = token.run(); !r)
            return r;
        token.reset();
    }
    return {};
}

// A doc number between the neighbours in name order; false when there is no
// room left (the caller then renumbers everything).
bool allocate_doc(Store& store, const std::string& sort_key, int64_t* doc)
{
    sqlite3* db = store.db();
    Statement prev(db, "SELECT doc FROM search_doc WHERE sort_key < ?1 ORDER BY sort_key DESC LIMIT 1");
    prev.bind_text(1, sort_key);
    bool has_prev = prev.step() == Statement::Step::row;
    Statement next(db, "SELECT doc FROM search_doc WHERE sort_key > ?1 ORDER BY sort_key LIMIT 1");
    next.bind_text(1, sort_key);
    bool has_next = next.step() == Statement::Step::row;
    int64_t lo = has_prev ? prev.column_int64(0) : 0;
    int64_t hi = has_next ? next.column_int64(0) : lo + 2 * kDocGap;
    if (!has_next && lo > INT64_MAX - 2 * kDocGap)
        return false;
    if (hi - lo < 2)
        return false;
    *doc = has_next ? lo + (hi - lo) / 2 : lo + kDocGap;
    return true;
}

} // namespace

Result<void> reindex_member(Store& store, const std::string& member_id)
{
    StoredDoc old;
    bool had = load_stored(store, member_id, &old);
    SearchSource source;
    if (!load_source(store, member_id, &source))
        return had ? remove_doc(store, old) : Result<void>();

    SearchWords words = search_words_for(source);
    if (had && words.sort_key == old.words.sort_key && words.names == old.words.names &&
        words.text == old.words.text && words.extra == old.words.extra)
        return {};
    if (had) {
        if (Result<void> r = remove_doc(store, old); !r)
            return r;
    }
    int64_t doc = 0;
    if (had && words.sort_key == old.words.sort_key)
        doc = old.doc; // same place in name order
    else if (!allocate_doc(store, words.sort_key, &doc))
        return rebuild_search_index(store);
    return insert_doc(store, doc, member_id, words);
}

Result<void> rebuild_search_index(Store& store)
{
    return store.transaction([&]() -> Result<void> {
        if (Result<void> r = store.exec("INSERT INTO search_fts(search_fts) VALUES('delete-all');"
                                        "DELETE FROM search_token; DELETE FROM search_doc;");
            !r)
            return r;

        sqlite3* db = store.db();
        std::vector<SearchSource> sources;
        std::unordered_map<std::string, size_t> by_id;
        Statement members(db, "SELECT id, member_no, first_name, last_name FROM member WHERE deleted = 0");
        while (members.step() == Statement::Step::row) {
            SearchSource s;
            s.member_id = members.column_text(0);
            s.member_no = members.column_int64(1);
            s.first_name = members.column_text(2);
            s.last_name = members.column_text(3);
            by_id.emplace(s.member_id, sources.size());
            sources.push_back(std::move(s));
        }
        auto each_row = [&](const char* sql, auto&& apply) {
            Statement select(db, sql);
            while (select.step() == Statement::Step::row) {
                auto it = by_id.find(select.column_text(0));
                if (it != by_id.end())
                    apply(sources[it->second], select);
            }
        };
        each_row("SELECT member_id, postcode, city FROM address ORDER BY is_main",
                 [](SearchSource& s, Statement& row) { // the main address is read last and wins
                     s.postcode = row.column_text(1);
                     s.city = row.column_text(2);
                 });
        each_row("SELECT member_id, address FROM email ORDER BY id",
                 [](SearchSource& s, Statement& row) { s.emails.push_back(row.column_text(1)); });
        each_row("SELECT member_id, number FROM phone ORDER BY id",
                 [](SearchSource& s, Statement& row) { s.phones.push_back(row.column_text(1)); });

        std::vector<SearchWords> words;
        words.reserve(sources.size());
        for (const SearchSource& s : sources)
            words.push_back(search_words_for(s));
        std::vector<size_t> order(sources.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(),
                  [&](size_t a, size_t b) { return words[a].sort_key < words[b].sort_key; });

        // Docs in name order; tokens sorted so the B-tree is filled in order.
        Statement insert(db, "INSERT INTO search_doc(doc, member_id, sort_key, names, text, extra) "
                             "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
        struct TokenRow {
            int field;
            std::string_view token;
            int64_t doc;
            bool operator<(const TokenRow& o) const
            {
                if (field != o.field) return field < o.field;
                if (token != o.token) return token < o.token;
                return doc < o.doc;
            }
        };
        std::vector<TokenRow> tokens;
        for (size_t rank = 0; rank < order.size(); ++rank) {
            const SearchWords& w = words[order[rank]];
            int64_t doc = int64_t(rank + 1) * kDocGap;
            insert.bind_int64(1, doc);
            insert.bind_text(2, sources[order[rank]].member_id);
            insert.bind_text(3, w.sort_key);
            insert.bind_text(4, w.names);
            insert.bind_text(5, w.text);
            insert.bind_text(6, w.extra);
            if (Result<void> r = insert.run(); !r)
                return r;
            insert.reset();
            std::set<std::string_view> in_names;
            for (std::string_view word : split_words(w.names))
                if (in_names.insert(word).second)
                    tokens.push_back({1, word, doc});
            std::set<std::string_view> others;
            for (const std::string* list : {&w.text, &w.extra})
                for (std::string_view word : split_words(*list))
                    if (!in_names.count(word) && others.insert(word).second)
                        tokens.push_back({2, word, doc});
        }
        std::sort(tokens.begin(), tokens.end());
        Statement token(db, "INSERT INTO search_token(field, token, doc) VALUES(?1, ?2, ?3)");
        for (const TokenRow& t : tokens) {
            token.bind_int64(1, t.field);
            token.bind_text(2, t.token);
            token.bind_int64(3, t.doc);
            if (Result<void> r = token.run(); !r)
                return r;
            token.reset();
        }
        return store.exec("INSERT INTO search_fts(search_fts) VALUES('rebuild')");
    });
}

} // namespace obole
