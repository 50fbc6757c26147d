#include "core/search/search_index.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/search/search_words.h"
#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole {

namespace {

// Distance between consecutive docs after a rebuild: room for 16 insertions
// at the same place in name order before the next rebuild. Small numbers
// keep the index small: FTS5 stores doc deltas as varints and search_token
// stores docs as SQLite integers (100k members x 2^16 fits in 6 bytes).
constexpr int64_t kDocGap = int64_t(1) << 16;

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
// is missing or deleted. A failed read is an error: an entry made from half
// the member would hide them from a search for their email.
Result<bool> load_source(Store& store, const std::string& member_id, SearchSource* s)
{
    sqlite3* db = store.db();
    Statement member(db, "SELECT ref, member_no, first_name, last_name FROM member "
                         "WHERE id = ?1 AND deleted = 0 AND merged_into_ref IS NULL");
    member.bind_uuid(1, member_id);
    if (member.step() != Statement::Step::row) {
        if (Result<void> done = member.finished(); !done)
            return done.error();
        return false;
    }
    s->member_ref = member.column_int64(0);
    s->member_no = member.column_int64(1);
    s->first_name = member.column_text(2);
    s->last_name = member.column_text(3);

    Statement address(db, "SELECT postcode, city FROM address WHERE member_ref = ?1 AND deleted = 0 "
                          "ORDER BY is_main DESC LIMIT 1");
    address.bind_int64(1, s->member_ref);
    if (address.step() == Statement::Step::row) {
        s->postcode = address.column_text(0);
        s->city = address.column_text(1);
    }
    if (Result<void> done = address.finished(); !done)
        return done.error();
    Statement emails(db, "SELECT address FROM email WHERE member_ref = ?1 AND deleted = 0 ORDER BY id");
    emails.bind_int64(1, s->member_ref);
    while (emails.step() == Statement::Step::row)
        s->emails.push_back(emails.column_text(0));
    Statement phones(db, "SELECT number FROM phone WHERE member_ref = ?1 AND deleted = 0 ORDER BY id");
    phones.bind_int64(1, s->member_ref);
    while (phones.step() == Statement::Step::row)
        s->phones.push_back(phones.column_text(0));
    if (Result<void> done = emails.finished(); !done)
        return done.error();
    if (Result<void> done = phones.finished(); !done)
        return done.error();
    return true;
}

struct StoredDoc {
    int64_t doc = 0;
    SearchWords words;
};

// False when the member has no entry.
Result<bool> load_stored(Store& store, const std::string& member_id, StoredDoc* out)
{
    Statement select(store.db(), "SELECT d.doc, d.sort_key, d.text, d.extra FROM member m "
                                 "JOIN search_doc d ON d.member_ref = m.ref WHERE m.id = ?1");
    select.bind_uuid(1, member_id);
    if (select.step() != Statement::Step::row) {
        if (Result<void> done = select.finished(); !done)
            return done.error();
        return false;
    }
    out->doc = select.column_int64(0);
    out->words = words_from_stored(select.column_view(1), select.column_view(2), select.column_view(3));
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
    // Contentless FTS5: deleting needs the exact text that was indexed.
    Statement fts(db, "INSERT INTO search_fts(search_fts, rowid, text) VALUES('delete', ?1, ?2)");
    fts.bind_int64(1, old.doc);
    fts.bind_text(2, old.words.text);
    if (Result<void> r = fts.run(); !r)
        return r;
    Statement doc(db, "DELETE FROM search_doc WHERE doc = ?1");
    doc.bind_int64(1, old.doc);
    return doc.run();
}

Result<void> insert_doc(Store& store, int64_t doc, int64_t member_ref, const SearchWords& w)
{
    sqlite3* db = store.db();
    Statement insert(db, "INSERT INTO search_doc(doc, member_ref, sort_key, text, extra) VALUES(?1, ?2, ?3, ?4, ?5)");
    insert.bind_int64(1, doc);
    insert.bind_int64(2, member_ref);
    insert.bind_text(3, w.sort_key);
    insert.bind_text(4, stored_rest(w));
    insert.bind_text(5, w.extra);
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
Result<bool> allocate_doc(Store& store, const std::string& sort_key, int64_t member_ref, int64_t* doc)
{
    sqlite3* db = store.db();
    Statement prev(db, "SELECT doc FROM search_doc WHERE (sort_key, member_ref) < (?1, ?2) "
                       "ORDER BY sort_key DESC, member_ref DESC LIMIT 1");
    prev.bind_text(1, sort_key);
    prev.bind_int64(2, member_ref);
    bool has_prev = prev.step() == Statement::Step::row;
    Statement next(db, "SELECT doc FROM search_doc WHERE (sort_key, member_ref) > (?1, ?2) "
                       "ORDER BY sort_key, member_ref LIMIT 1");
    next.bind_text(1, sort_key);
    next.bind_int64(2, member_ref);
    bool has_next = next.step() == Statement::Step::row;
    // A neighbour not read is not "none": the doc would land out of name order.
    if (Result<void> done = prev.finished(); !done)
        return done.error();
    if (Result<void> done = next.finished(); !done)
        return done.error();
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
    Result<bool> stored = load_stored(store, member_id, &old);
    if (!stored)
        return stored.error();
    const bool had = *stored;
    SearchSource source;
    Result<bool> found = load_source(store, member_id, &source);
    if (!found)
        return found.error();
    if (!*found)
        return had ? remove_doc(store, old) : Result<void>();

    SearchWords words = search_words_for(source);
    if (had && words.sort_key == old.words.sort_key && words.names == old.words.names && words.text == old.words.text &&
        words.extra == old.words.extra)
        return {};
    if (had) {
        if (Result<void> r = remove_doc(store, old); !r)
            return r;
    }
    int64_t doc = 0;
    if (had && words.sort_key == old.words.sort_key) {
        doc = old.doc; // same place in name order
    } else {
        Result<bool> room = allocate_doc(store, words.sort_key, source.member_ref, &doc);
        if (!room)
            return room.error();
        if (!*room)
            return rebuild_search_index(store);
    }
    return insert_doc(store, doc, source.member_ref, words);
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
        std::unordered_map<int64_t, size_t> by_ref;
        Statement members(db, "SELECT ref, member_no, first_name, last_name FROM member "
                              "WHERE deleted = 0 AND merged_into_ref IS NULL");
        while (members.step() == Statement::Step::row) {
            SearchSource s;
            s.member_ref = members.column_int64(0);
            s.member_no = members.column_int64(1);
            s.first_name = members.column_text(2);
            s.last_name = members.column_text(3);
            by_ref.emplace(s.member_ref, sources.size());
            sources.push_back(std::move(s));
        }
        if (Result<void> done = members.finished(); !done)
            return done.error();
        auto each_row = [&](const char* sql, auto&& apply) -> Result<void> {
            Statement select(db, sql);
            while (select.step() == Statement::Step::row) {
                auto it = by_ref.find(select.column_int64(0));
                if (it != by_ref.end())
                    apply(sources[it->second], select);
            }
            return select.finished();
        };
        if (Result<void> r =
                each_row("SELECT member_ref, postcode, city FROM address WHERE deleted = 0 ORDER BY is_main",
                         [](SearchSource& s, Statement& row) { // the main address is read last and wins
                             s.postcode = row.column_text(1);
                             s.city = row.column_text(2);
                         });
            !r)
            return r;
        if (Result<void> r = each_row("SELECT member_ref, address FROM email WHERE deleted = 0 ORDER BY id",
                                      [](SearchSource& s, Statement& row) { s.emails.push_back(row.column_text(1)); });
            !r)
            return r;
        if (Result<void> r = each_row("SELECT member_ref, number FROM phone WHERE deleted = 0 ORDER BY id",
                                      [](SearchSource& s, Statement& row) { s.phones.push_back(row.column_text(1)); });
            !r)
            return r;

        std::vector<SearchWords> words;
        words.reserve(sources.size());
        for (const SearchSource& s : sources)
            words.push_back(search_words_for(s));
        std::vector<size_t> order(sources.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
            int c = words[a].sort_key.compare(words[b].sort_key);
            return c != 0 ? c < 0 : sources[a].member_ref < sources[b].member_ref;
        });

        // Docs in name order; tokens sorted so the B-tree is filled in order.
        Statement insert(db,
                         "INSERT INTO search_doc(doc, member_ref, sort_key, text, extra) VALUES(?1, ?2, ?3, ?4, ?5)");
        Statement fts(db, "INSERT INTO search_fts(rowid, text) VALUES(?1, ?2)");
        struct TokenRow {
            int field;
            std::string_view token;
            int64_t doc;
            bool operator<(const TokenRow& o) const
            {
                if (field != o.field)
                    return field < o.field;
                if (token != o.token)
                    return token < o.token;
                return doc < o.doc;
            }
        };
        std::vector<TokenRow> tokens;
        for (size_t rank = 0; rank < order.size(); ++rank) {
            const SearchWords& w = words[order[rank]];
            int64_t doc = int64_t(rank + 1) * kDocGap;
            insert.bind_int64(1, doc);
            insert.bind_int64(2, sources[order[rank]].member_ref);
            insert.bind_text(3, w.sort_key);
            insert.bind_text(4, stored_rest(w));
            insert.bind_text(5, w.extra);
            if (Result<void> r = insert.run(); !r)
                return r;
            insert.reset();
            fts.bind_int64(1, doc);
            fts.bind_text(2, w.text);
            if (Result<void> r = fts.run(); !r)
                return r;
            fts.reset();
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
        // One segment instead of the many the bulk insert left: smaller and faster.
        return store.exec("INSERT INTO search_fts(search_fts) VALUES('optimize')");
    });
}

Result<void> reindex_members(Store& store, const std::vector<std::string>& member_ids)
{
    return store.transaction([&]() -> Result<void> {
        for (const std::string& id : member_ids)
            if (Result<void> r = reindex_member(store, id); !r)
                return r;
        return {};
    });
}

} // namespace obole
