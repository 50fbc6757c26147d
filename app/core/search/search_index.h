// The member search index, kept in the same database and updated in the same
// transaction as the member it describes.
//
//   search_doc(doc, member_ref, sort_key, text, extra)
//       one row per member; `doc` numbers follow name order (sort_key, then
//       member_ref), with gaps, so that sorting hits by doc sorts them by
//       name and the FTS index returns them in name order.
//   search_token(field, token, doc)   WITHOUT ROWID
//       every folded word; field 1 = a name word, 2 = any other word. Prefix
//       queries are range scans: token >= q AND token < q || U+10FFFF.
//   search_fts  FTS5 trigram index of the doc's words, contentless and
//       detail=none: it tells which docs hold all the trigrams of a term
//       ("345678" inside a phone); the search checks those docs' text.
//
// The words (SearchWords, search_words.h): `names` the folded name words,
// `text` every folded searchable word (names, email, national phone digits,
// postcode, city), `extra` words that only prefix search needs (E.164
// digits, member number, the suffixes of Japanese/Chinese names so that one
// or two ideographs find a name). search_doc keeps no copy of the names: they
// follow from sort_key, and `text` is stored without them (stored_rest).
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace obole {

class Store;

// Recomputes one member's rows (or removes them when the member is gone or
// deleted). Call inside the transaction that changed the member.
Result<void> reindex_member(Store& store, const std::string& member_id);
// The same for several members, in one transaction.
Result<void> reindex_members(Store& store, const std::vector<std::string>& member_ids);

// Rebuilds the whole index, numbering docs in name order with wide gaps.
// Used after bulk imports and when a gap runs out.
Result<void> rebuild_search_index(Store& store);

} // namespace obole
