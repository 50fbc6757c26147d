#include "protocol/sync_tables.h"

#include "core/members/document_repository.h"
#include "core/money/money.h"
#include "core/money/signature.h"

namespace obole::sync {

namespace {

using T = FieldType;
using V = ValueKind;

// The rules values are checked against (see ValueKind). Lengths are those of
// the device's forms (core's repositories), in characters.
constexpr ValueRule line(int64_t max)
{
    return {V::line, 0, max};
}
constexpr ValueRule text(int64_t max)
{
    return {V::text, 0, max};
}
constexpr ValueRule choice(const char* words)
{
    return {V::choice, 0, 0, words};
}
constexpr ValueRule range(int64_t min, int64_t max)
{
    return {V::integer, min, max};
}
constexpr ValueRule row_of(const char* table)
{
    return {V::row, 0, 0, table};
}

constexpr ValueRule kRef{V::any}; // a member or campaign: ReplicaRows finds the row, or refuses
constexpr ValueRule kDate{V::date}, kDateOrEmpty{V::date_or_empty}, kTime{V::time};
constexpr ValueRule kMoneyDate{V::money_date}; // when money moved or a mandate was signed
constexpr ValueRule kMoneyDateOrEmpty{V::money_date_or_empty};
constexpr ValueRule kFlag = range(0, 1);
constexpr ValueRule kAmount = range(1, kMaxAmountCents); // a payment: never zero, never past what a form takes
constexpr ValueRule kCents = range(0, kMaxAmountCents);  // a price or fee, which may be free
constexpr ValueRule kCount = range(0, 1000000);
constexpr ValueRule kName = line(100);     // a person's name, as core/text/person_name.h's validate_person_name
constexpr ValueRule kCode = line(40);      // a short code (a campaign's, a child's, a cheque's number)
constexpr ValueRule kLine = line(200);     // a title, a file name, an address line
constexpr ValueRule kOperator = line(100); // who did it, as the device names its operator
constexpr ValueRule kNote = text(20000);   // the notepad and memos
constexpr ValueRule kPaymentMethod = choice("cash|cheque|card|transfer|direct_debit|other");
constexpr ValueRule kPaymentMethodOrEmpty = choice("|cash|cheque|card|transfer|direct_debit|other");
constexpr ValueRule kFrequency = choice("monthly|quarterly|half_yearly|yearly");
constexpr ValueRule kIbanOrEmpty{V::iban_or_empty}; // an amendment's former account, or none

// The member's own identity (`id`), `ref` and the search index are not here:
// ids are the row names, refs are local, the index is derived.
std::vector<SyncTable> make_tables()
{
    return {
        {"campaign",
         TableKind::mutable_rows,
         {{"code", "code", T::text, kCode},
          {"name", "name", T::text, kLine},
          {"channel", "channel", T::text, kCode},
          {"start_date", "start_date", T::text, kDateOrEmpty}}},
        {"member",
         TableKind::mutable_rows,
         {{"member_no", "member_no", T::integer, range(0, 999999999999)}, // 0: the server numbers
          {"civility", "civility", T::text, kName},
          {"first_name", "first_name", T::text, kName},
          {"last_name", "last_name", T::text, kName},
          {"birth_date", "birth_date", T::text, kDateOrEmpty},
          {"entry_date", "entry_date", T::text, kDateOrEmpty},
          {"origin_date", "origin_date", T::text, kDateOrEmpty},
          {"origin_campaign_id", "origin_campaign_ref", T::campaign, kRef},
          {"suspension_code", "suspension_code", T::text, line(20)},
          {"donor_kind", "donor_kind", T::text, choice("person|organisation")},
          {"siren", "siren", T::text, {V::siren_or_empty}},
          {"stop_promo", "stop_promo", T::integer, kFlag},
          {"tax_receipt_pref", "tax_receipt_pref", T::text, choice("annual|per_gift|none|email")},
          {"memo_active", "memo_active", T::text, kNote, true},
          {"memo_misc", "memo_misc", T::text, kNote, true},
          {"memo_bequest", "memo_bequest", T::text, kNote, true},
          {"memo_portal", "memo_portal", T::text, kNote, true},
          {"notepad", "notepad", T::text, kNote, true},
          {"created_at", "created_at", T::text, kTime},
          {"updated_at", "updated_at", T::text, kTime},
          {"deleted", "deleted", T::integer, kFlag},
          {"merged_into_id", "merged_into_ref", T::member, kRef, false, false, true},
          {"internal_codes", "internal_codes", T::text, kLine},
          {"internal_score", "internal_score", T::integer, range(-1000000, 1000000)},
          {"external_codes", "external_codes", T::text, kLine},
          {"external_score", "external_score", T::integer, range(-1000000, 1000000)},
          {"bequest_promise_date", "bequest_promise_date", T::text, kDateOrEmpty},
          {"bequest_confirmed_date", "bequest_confirmed_date", T::text, kDateOrEmpty},
          {"field_locked", "field_locked", T::integer, kFlag}}},
        {
            "address",
            TableKind::mutable_rows,
            {{"member_id", "member_ref", T::member, kRef},
             {"line1", "line1", T::text, kLine},
             {"line2", "line2", T::text, kLine},
             {"postcode", "postcode", T::text, line(20)},
             {"city", "city", T::text, kLine},
             {"country", "country", T::text, kLine},
             {"is_main", "is_main", T::integer, kFlag},
             {"deleted", "deleted", T::integer, kFlag}},
        },
        {
            "phone",
            TableKind::mutable_rows,
            {{"member_id", "member_ref", T::member, kRef},
             {"kind", "kind", T::text, kCode},
             {"number", "number", T::text, {V::phone}},
             {"created_at", "created_at", T::text, kTime},
             {"deleted", "deleted", T::integer, kFlag},
             {"origin_campaign_id", "origin_campaign_ref", T::campaign, kRef},
             {"origin_date", "origin_date", T::text, kDateOrEmpty}},
        },
        {
            "email",
            TableKind::mutable_rows,
            {{"member_id", "member_ref", T::member, kRef},
             {"address", "address", T::text, {V::email}},
             {"origin_campaign_id", "origin_campaign_ref", T::campaign, kRef},
             {"origin_date", "origin_date", T::text, kDateOrEmpty},
             {"usable", "usable", T::integer, kFlag},
             {"bounces", "bounces", T::integer, kCount},
             {"deleted", "deleted", T::integer, kFlag}},
        },
        {
            "campaign_received",
            TableKind::insert_only,
            {{"member_id", "member_ref", T::member, kRef},
             {"received_date", "received_date", T::text, kDate},
             {"campaign_id", "campaign_ref", T::campaign, kRef}},
        },
        {
            "gift",
            TableKind::insert_only,
            {{"member_id", "member_ref", T::member, kRef},
             {"gift_date", "gift_date", T::text, kMoneyDate},
             {"amount_cents", "amount_cents", T::integer, kAmount},
             {"currency", "currency", T::text, {V::currency}},
             {"payment_method", "payment_method", T::text, kPaymentMethod},
             {"cheque_number", "cheque_number", T::text, kCode},
             {"cheque_bank", "cheque_bank", T::text, line(60)},
             {"campaign_id", "campaign_ref", T::campaign, kRef},
             {"operator", "operator", T::text, kOperator},
             {"created_at", "created_at", T::text, kTime},
             {"batch_id", "batch_id", T::row_uuid, row_of("gift_batch")},
             {"payment_ref", "payment_ref", T::text, kLine}},
        },
        // core/money/gift_correction.h: what a kind does not use is null or "".
        {"gift_correction",
         TableKind::insert_only,
         {{"gift_id", "gift_id", T::row_uuid, row_of("gift")},
          {"kind", "kind", T::text, choice("amend|void|refund|move")},
          {"amount_cents", "amount_cents", T::integer, kAmount, false, false, false, true},
          {"gift_date", "gift_date", T::text, kMoneyDateOrEmpty},
          {"payment_method", "payment_method", T::text, kPaymentMethodOrEmpty},
          {"campaign_id", "campaign_ref", T::campaign, kRef},
          {"member_id", "member_ref", T::member, kRef},
          {"refund_cents", "refund_cents", T::integer, kAmount, false, false, false, true},
          {"refund_date", "refund_date", T::text, kMoneyDateOrEmpty},
          {"refund_method", "refund_method", T::text, kPaymentMethodOrEmpty},
          {"reason", "reason", T::text, kLine},
          {"operator", "operator", T::text, kOperator},
          {"created_at", "created_at", T::text, kTime}}},
        {"journal",
         TableKind::insert_only,
         {{"at", "at", T::text, kTime},
          {"operator", "operator", T::text, kOperator},
          {"member_id", "member_id", T::member_uuid, kRef},
          {"action", "action", T::text, kCode},
          {"detail", "detail", T::text, text(65536)}}},
        {"purchase_order",
         TableKind::mutable_rows,
         {{"member_id", "member_ref", T::member, kRef},
          {"order_date", "order_date", T::text, kMoneyDate},
          {"description", "description", T::text, kLine},
          {"quantity", "quantity", T::integer, range(1, 1000000)},
          {"amount_cents", "amount_cents", T::integer, kCents},
          {"payment_method", "payment_method", T::text, kPaymentMethod},
          {"campaign_id", "campaign_ref", T::campaign, kRef},
          {"status", "status", T::text, choice("paid|shipped|cancelled")},
          {"operator", "operator", T::text, kOperator},
          {"created_at", "created_at", T::text, kTime}}},
        {"membership",
         TableKind::mutable_rows,
         {{"member_id", "member_ref", T::member, kRef},
          {"period_start", "period_start", T::text, kDate},
          {"period_end", "period_end", T::text, kDate},
          {"fee_cents", "fee_cents", T::integer, kCents},
          {"payment_method", "payment_method", T::text, choice("|cash|cheque|card|transfer|direct_debit|other")},
          {"paid_date", "paid_date", T::text, kDateOrEmpty},
          {"renewal_date", "renewal_date", T::text, kDateOrEmpty},
          {"status", "status", T::text, choice("active|cancelled")},
          {"operator", "operator", T::text, kOperator},
          {"created_at", "created_at", T::text, kTime}}},
        {"sepa_mandate",
         TableKind::mutable_rows,
         {{"member_id", "member_ref", T::member, kRef},
          {"rum", "rum", T::text, line(35)},
          {"iban", "iban", T::text, {V::iban}},
          {"bic", "bic", T::text, {V::bic}},
          {"holder", "holder", T::text, kName},
          {"signature_date", "signature_date", T::text, kMoneyDate},
          {"frequency", "frequency", T::text, kFrequency},
          {"amount_cents", "amount_cents", T::integer, kAmount},
          {"first_collection_date", "first_collection_date", T::text, kDateOrEmpty},
          {"status", "status", T::text, choice("active|suspended|revoked")},
          {"campaign_id", "campaign_ref", T::campaign, kRef},
          {"operator", "operator", T::text, kOperator},
          {"created_at", "created_at", T::text, kTime},
          // core/money/signature.h: SVG paths, a little over kMaxSignatureBytes at most.
          {"signature_svg", "signature_svg", T::text, line(int64_t(kMaxSignatureBytes) + 512)},
          // core/sepa/collection_plan.h: one-off (OOFF), the last collection
          // (FNAL), and what an amended account or reference was before.
          {"one_off", "one_off", T::integer, kFlag},
          {"end_date", "end_date", T::text, kDateOrEmpty},
          {"amended_from_iban", "amended_from_iban", T::text, kIbanOrEmpty},
          {"amended_from_bic", "amended_from_bic", T::text, {V::bic}},
          {"amended_from_rum", "amended_from_rum", T::text, line(35)}}},
        // core/sepa/collection_run.h: a run is one pain.008 file; it is
        // submitted, then sent to the bank or cancelled before that.
        {"sepa_run",
         TableKind::mutable_rows,
         {{"collection_date", "collection_date", T::text, kDate},
          {"message_id", "message_id", T::text, line(35)},
          {"creditor_id", "creditor_id", T::text, line(35)},
          {"status", "status", T::text, choice("submitted|sent|cancelled")},
          {"count", "count", T::integer, kCount},
          {"total_cents", "total_cents", T::integer, range(0, 1000000 * kMaxAmountCents)},
          {"operator", "operator", T::text, kOperator},
          {"created_at", "created_at", T::text, kTime},
          {"sent_at", "sent_at", T::text, kTime},
          {"cancelled_at", "cancelled_at", T::text, kTime}}},
        // A collection moves from submitted to collected, failed or
        // cancelled (sync/server/collection_check.h refuses a second one for
        // a mandate's period); what the file said of it never changes.
        {"sepa_collection",
         TableKind::mutable_rows,
         {{"mandate_id", "mandate_id", T::row_uuid, row_of("sepa_mandate")},
          {"member_id", "member_ref", T::member, kRef},
          {"collection_date", "collection_date", T::text, kDate},
          {"amount_cents", "amount_cents", T::integer, kAmount},
          {"status", "status", T::text, choice("submitted|collected|failed|cancelled|rejected")},
          {"reject_reason", "reject_reason", T::text, kLine},
          {"gift_id", "gift_id", T::row_uuid, row_of("gift")},
          {"created_at", "created_at", T::text, kTime},
          {"run_id", "run_id", T::row_uuid, row_of("sepa_run")},
          {"period", "period", T::text, line(7)},
          {"sequence_type", "sequence_type", T::text, choice("|FRST|RCUR|FNAL|OOFF")},
          {"creditor_id", "creditor_id", T::text, line(35)},
          {"rum", "rum", T::text, line(35)},
          {"signature_date", "signature_date", T::text, kDateOrEmpty},
          {"iban", "iban", T::text, kIbanOrEmpty},
          {"bic", "bic", T::text, {V::bic}},
          {"holder", "holder", T::text, kName},
          {"amended_from_iban", "amended_from_iban", T::text, kIbanOrEmpty},
          {"amended_from_bic", "amended_from_bic", T::text, {V::bic}},
          {"amended_from_rum", "amended_from_rum", T::text, line(35)},
          {"amended_from_creditor", "amended_from_creditor", T::text, line(35)},
          {"returned_on", "returned_on", T::text, kDateOrEmpty}}},
        {"card_recurring",
         TableKind::mutable_rows,
         {{"member_id", "member_ref", T::member, kRef},
          {"provider", "provider", T::text, choice("card|paypal")},
          {"amount_cents", "amount_cents", T::integer, kAmount},
          {"frequency", "frequency", T::text, kFrequency},
          {"card_last4", "card_last4", T::text, line(4)},
          {"card_expiry", "card_expiry", T::text, line(7)},
          {"start_date", "start_date", T::text, kDate},
          {"end_date", "end_date", T::text, kDateOrEmpty},
          {"status", "status", T::text, choice("active|suspended|ended")},
          {"campaign_id", "campaign_ref", T::campaign, kRef},
          {"operator", "operator", T::text, kOperator},
          {"created_at", "created_at", T::text, kTime}}},
        {"tax_receipt",
         TableKind::mutable_rows,
         {{"member_id", "member_ref", T::member, kRef},
          {"year", "year", T::integer, range(1900, 2999)},
          // The server numbers (sync/server/receipt_numbering.h): a device's
          // number is replaced at the insert, never changed by an update.
          {"number", "number", T::integer, kRef, false, true, true, true},
          {"status", "status", T::text, kRef, false, true, true},
          {"kind", "kind", T::text, choice("annual|per_gift")},
          {"amount_cents", "amount_cents", T::integer, range(1, 1000 * kMaxAmountCents)},
          {"gift_ids", "gift_ids", T::text, line(400000)},
          {"first_date", "first_date", T::text, kDate},
          {"last_date", "last_date", T::text, kDate},
          {"donor_name", "donor_name", T::text, kLine},
          {"donor_address", "donor_address", T::text, text(1000)},
          {"issued_at", "issued_at", T::text, kTime},
          {"copies", "copies", T::integer, kCount},
          {"operator", "operator", T::text, kOperator},
          {"created_at", "created_at", T::text, kTime},
          // What it certifies (core/receipts/receipt_lines.h), and the
          // cancelled receipt a corrective one replaces.
          {"donor_kind", "donor_kind", T::text, choice("person|organisation")},
          {"donor_registration", "donor_registration", T::text, {V::siren_or_empty}},
          {"lines", "lines", T::text, text(400000)},
          {"replaces_id", "replaces_id", T::row_uuid, row_of("tax_receipt")}}},
        // core/receipts/corrected_receipts.h: the server takes one only for a
        // receipt that no longer says what its gifts are.
        {"tax_receipt_cancellation",
         TableKind::insert_only,
         {{"receipt_id", "receipt_id", T::row_uuid, row_of("tax_receipt")},
          {"member_id", "member_ref", T::member, kRef},
          {"reason", "reason", T::text, kLine},
          {"cancelled_on", "cancelled_on", T::text, kDate},
          {"operator", "operator", T::text, kOperator},
          {"created_at", "created_at", T::text, kTime}}},
        {"mobilisation",
         TableKind::insert_only,
         {{"member_id", "member_ref", T::member, kRef},
          {"signed_date", "signed_date", T::text, kDate},
          {"petition", "petition", T::text, kLine},
          {"channel", "channel", T::text, kCode},
          {"campaign_id", "campaign_ref", T::campaign, kRef},
          {"created_at", "created_at", T::text, kTime},
          {"consent_text", "consent_text", T::text, line(1000)},
          {"consent_at", "consent_at", T::text, kTime}}},
        {"email_activity",
         TableKind::insert_only,
         {{"member_id", "member_ref", T::member, kRef},
          {"at", "at", T::text, kTime},
          {"kind", "kind", T::text, choice("sent|open|click|bounce|unsubscribe")},
          {"mailing", "mailing", T::text, kLine},
          {"link", "link", T::text, line(2000)},
          {"campaign_id", "campaign_ref", T::campaign, kRef},
          {"created_at", "created_at", T::text, kTime}}},
        {"sponsorship",
         TableKind::mutable_rows,
         {{"member_id", "member_ref", T::member, kRef},
          {"child_name", "child_name", T::text, kName},
          {"child_code", "child_code", T::text, kCode},
          {"country", "country", T::text, kLine},
          {"start_date", "start_date", T::text, kDate},
          {"end_date", "end_date", T::text, kDateOrEmpty},
          {"monthly_cents", "monthly_cents", T::integer, kCents},
          {"status", "status", T::text, choice("active|ended")},
          {"created_at", "created_at", T::text, kTime}}},
        {"event",
         TableKind::mutable_rows,
         {{"name", "name", T::text, kName},
          {"event_date", "event_date", T::text, kDate},
          {"place", "place", T::text, kName},
          {"created_at", "created_at", T::text, kTime}}},
        {"event_registration",
         TableKind::mutable_rows,
         {{"member_id", "member_ref", T::member, kRef},
          {"event_id", "event_id", T::row_uuid, row_of("event")},
          {"registered_date", "registered_date", T::text, kDate},
          {"attended", "attended", T::integer, kFlag},
          {"guests", "guests", T::integer, range(0, 1000)},
          {"created_at", "created_at", T::text, kTime},
          {"walk_in", "walk_in", T::integer, kFlag},
          {"attended_at", "attended_at", T::text, kTime}}},
        {"gift_batch",
         TableKind::mutable_rows,
         {{"name", "name", T::text, kName},
          {"event_id", "event_id", T::row_uuid, row_of("event")},
          {"campaign_id", "campaign_ref", T::campaign, kRef},
          {"operator", "operator", T::text, kOperator},
          {"opened_at", "opened_at", T::text, kTime},
          {"status", "status", T::text, choice("open|closed")},
          {"closed_at", "closed_at", T::text, kTime},
          {"control", "control", T::text, {V::json_text, 0, 4096}},
          {"mismatch_note", "mismatch_note", T::text, kLine},
          {"created_at", "created_at", T::text, kTime}}},
        {"gift_batch_line",
         TableKind::mutable_rows,
         {{"batch_id", "batch_id", T::row_uuid, row_of("gift_batch")},
          {"line_no", "line_no", T::integer, range(1, 1000000)},
          {"member_id", "member_ref", T::member, kRef},
          {"gift_date", "gift_date", T::text, kMoneyDate},
          {"amount_cents", "amount_cents", T::integer, kAmount},
          {"payment_method", "payment_method", T::text, choice("cash|cheque|card|other")},
          {"reference", "reference", T::text, kCode},
          {"cheque_bank", "cheque_bank", T::text, line(60)},
          {"campaign_id", "campaign_ref", T::campaign, kRef},
          {"created_at", "created_at", T::text, kTime},
          {"deleted", "deleted", T::integer, kFlag}}},
        {"consent",
         TableKind::insert_only,
         {{"member_id", "member_ref", T::member, kRef},
          {"channel", "channel", T::text, choice("post|email|phone|sms")},
          {"granted", "granted", T::integer, kFlag},
          {"wording", "wording", T::text, text(2000)},
          {"given_at", "given_at", T::text, kTime},
          {"source", "source", T::text, kCode},
          {"operator", "operator", T::text, kOperator},
          {"created_at", "created_at", T::text, kTime}}},
        {"field_signup",
         TableKind::insert_only,
         {{"member_id", "member_ref", T::member, kRef},
          {"mandate_id", "mandate_id", T::row_uuid, row_of("sepa_mandate")},
          {"fundraiser", "fundraiser", T::text, kOperator},
          {"signed_at", "signed_at", T::text, kTime},
          {"created_at", "created_at", T::text, kTime}}},
        {"document",
         TableKind::mutable_rows,
         {{"member_id", "member_ref", T::member, kRef},
          {"name", "name", T::text, kLine},
          {"mime_type", "mime_type", T::text, line(100)},
          {"doc_date", "doc_date", T::text, kDate},
          {"direction", "direction", T::text, choice("sent|received")},
          {"size_bytes", "size_bytes", T::integer, range(0, kMaxDocumentBytes)},
          {"content", "content", T::blob, kRef},
          {"operator", "operator", T::text, kOperator},
          {"created_at", "created_at", T::text, kTime},
          {"deleted", "deleted", T::integer, kFlag}}},
        {"relation",
         TableKind::mutable_rows,
         {{"member_id", "member_ref", T::member, kRef},
          {"other_member_id", "other_ref", T::member, kRef},
          {"kind", "kind", T::text, kCode},
          {"since", "since", T::text, kDateOrEmpty},
          {"note", "note", T::text, text(500)},
          {"created_at", "created_at", T::text, kTime},
          {"deleted", "deleted", T::integer, kFlag}}},
        // core/privacy/member_erasure.h: every copy applies it itself.
        {"member_erasure",
         TableKind::insert_only,
         {{"member_id", "member_ref", T::member, kRef},
          {"erased_at", "erased_at", T::text, kTime},
          {"operator", "operator", T::text, kOperator},
          {"created_at", "created_at", T::text, kTime}}},
        {"setting", TableKind::mutable_rows, {{"key", "key", T::text, kCode}, {"value", "value", T::text, text(2000)}}},
        {"text_conflict",
         TableKind::mutable_rows,
         {{"member_id", "member_ref", T::member, kRef, false, true},
          {"field", "field", T::text, kRef, false, true},
          {"value", "value", T::text, kRef, false, true},
          {"hlc", "hlc", T::text, kRef, false, true},
          {"created_at", "created_at", T::text, kRef, false, true},
          {"resolved", "resolved", T::integer, kFlag}},
         true},
        {"duplicate_candidate",
         TableKind::mutable_rows,
         {{"member_id", "member_ref", T::member, kRef, false, true},
          {"other_member_id", "other_ref", T::member, kRef, false, true},
          {"reason", "reason", T::text, kRef, false, true},
          {"created_at", "created_at", T::text, kRef, false, true},
          {"status", "status", T::text, choice("open|merged|dismissed")}},
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

// Who did something is the server's to say (issue 17, part 1): it stamps
// every "operator" field with the operator whose token pushed the change
// (SyncService), and a device takes that value back over its own.
std::vector<SyncTable> with_operators_from_the_server(std::vector<SyncTable> tables)
{
    for (SyncTable& t : tables)
        for (SyncField& f : t.fields)
            if (std::string_view(f.wire) == kOperatorField)
                f.server_decides = true;
    return tables;
}

const std::vector<SyncTable>& sync_tables()
{
    static const std::vector<SyncTable> tables = with_operators_from_the_server(make_tables());
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
