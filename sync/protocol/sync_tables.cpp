#include "protocol/sync_tables.h"

namespace obole::sync {

namespace {

using T = FieldType;

// The member's own identity (`id`), `ref` and the search index are not here:
// ids are the row names, refs are local, the index is derived.
std::vector<SyncTable> make_tables()
{
    return {
        {"campaign", TableKind::mutable_rows,
         {{"code", "code", T::text}, {"name", "name", T::text}, {"channel", "channel", T::text},
          {"start_date", "start_date", T::text}}},
        {"member", TableKind::mutable_rows,
         {{"member_no", "member_no", T::integer},
          {"civility", "civility", T::text},
          {"first_name", "first_name", T::text},
          {"last_name", "last_name", T::text},
          {"birth_date", "birth_date", T::text},
          {"entry_date", "entry_date", T::text},
          {"origin_date", "origin_date", T::text},
          {"origin_campaign_id", "origin_campaign_ref", T::campaign},
          {"suspension_code", "suspension_code", T::text},
          {"stop_promo", "stop_promo", T::integer},
          {"tax_receipt_pref", "tax_receipt_pref", T::text},
          {"memo_active", "memo_active", T::text, true},
          {"memo_misc", "memo_misc", T::text, true},
          {"memo_bequest", "memo_bequest", T::text, true},
          {"memo_portal", "memo_portal", T::text, true},
          {"notepad", "notepad", T::text, true},
          {"created_at", "created_at", T::text},
          {"updated_at", "updated_at", T::text},
          {"deleted", "deleted", T::integer},
          {"merged_into_id", "merged_into_ref", T::member, false, false, true}}},
        {"address", TableKind::mutable_rows,
         {{"member_id", "member_ref", T::member},
          {"line1", "line1", T::text},
          {"line2", "line2", T::text},
          {"postcode", "postcode", T::text},
          {"city", "city", T::text},
          {"country", "country", T::text},
          {"is_main", "is_main", T::integer},
          {"deleted", "deleted", T::integer}},
        },
        {"phone", TableKind::mutable_rows,
         {{"member_id", "member_ref", T::member},
          {"kind", "kind", T::text},
          {"number", "number", T::text},
          {"created_at", "created_at", T::text},
          {"deleted", "deleted", T::integer}},
        },
        {"email", TableKind::mutable_rows,
         {{"member_id", "member_ref", T::member},
          {"address", "address", T::text},
          {"origin_campaign_id", "origin_campaign_ref", T::campaign},
          {"origin_date", "origin_date", T::text},
          {"usable", "usable", T::integer},
          {"bounces", "bounces", T::integer},
          {"deleted", "deleted", T::integer}},
        },
        {"campaign_received", TableKind::insert_only,
         {{"member_id", "member_ref", T::member},
          {"received_date", "received_date", T::text},
          {"campaign_id", "campaign_ref", T::campaign}},
        },
        {"gift", TableKind::insert_only,
         {{"member_id", "member_ref", T::member},
          {"gift_date", "gift_date", T::text},
          {"amount_cents", "amount_cents", T::integer},
          {"currency", "currency", T::text},
          {"payment_method", "payment_method", T::text},
          {"cheque_number", "cheque_number", T::text},
          {"campaign_id", "campaign_ref", T::campaign},
          {"operator", "operator", T::text},
          {"created_at", "created_at", T::text}},
        },
        {"journal", TableKind::insert_only,
         {{"at", "at", T::text},
          {"operator", "operator", T::text},
          {"member_id", "member_id", T::member_uuid},
          {"action", "action", T::text},
          {"detail", "detail", T::text}}},
        {"text_conflict", TableKind::mutable_rows,
         {{"member_id", "member_ref", T::member, false, true},
          {"field", "field", T::text, false, true},
          {"value", "value", T::text, false, true},
          {"hlc", "hlc", T::text, false, true},
          {"created_at", "created_at", T::text, false, true},
          {"resolved", "resolved", T::integer}},
         true},
        {"duplicate_candidate", TableKind::mutable_rows,
         {{"member_id", "member_ref", T::member, false, true},
          {"other_member_id", "other_ref", T::member, false, true},
          {"reason", "reason", T::text, false, true},
          {"created_at", "created_at", T::text, false, true},
          {"status", "status", T::text}},
         true},
    };
}

} // namespace

const SyncField* SyncTable::field(std::string_view wire) const
{
    for (const SyncField& f : fields)
        if (wire == f.wire)
            return &f;
    return nullptr;
}

const std::vector<SyncTable>& sync_tables()
{
    static const std::vector<SyncTable> tables = make_tables();
    return tables;
}

const SyncTable* find_sync_table(std::string_view name)
{
    for (const SyncTable& t : sync_tables())
        if (name == t.name)
            return &t;
    return nullptr;
}

} // namespace obole::sync
