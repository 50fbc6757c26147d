#include "core/store/migrations.h"

#include <cstdio>

#include <string>

#include <sqlite3.h>

#include "core/store/store.h"

namespace obole {

namespace {

// Schema 1. Dates are ISO-8601 text; money is integer cents. Empty text
// means "not given" (NOT NULL DEFAULT ''), except references, which are NULL
// when absent so foreign keys hold.
//
// Ids: every row has a UUIDv7 made on the device (its identity for sync),
// stored as a 16-byte BLOB (core/store/uuid.h: uuid_to_blob) and unique. The tables
// other rows point to (member, campaign) also have `ref`, an INTEGER PRIMARY
// KEY (the rowid, free), and references are `<table>_ref` integers: 1 to 3
// bytes instead of a 16-byte id in every row and index. A ref is local to
// this database file: it never appears in the API or in sync changes, which
// name rows by UUID (repositories translate). Tables nothing points to are
// WITHOUT ROWID, clustered on their UUID (time-ordered, so rows append).
//
// Indexes: the UUID of every row (but see campaign_received and gift), and
// what a query reads by. References to
// campaigns are not indexed: campaigns are never deleted (tombstones), so
// the foreign-key check on delete that would need them never runs.
const char kSchema1[] = R"SQL(
CREATE TABLE meta(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE campaign(
  ref        INTEGER PRIMARY KEY,
  id         BLOB NOT NULL UNIQUE,
  code       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  channel    TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL DEFAULT ''
);

CREATE TABLE member(
  ref                 INTEGER PRIMARY KEY,
  id                  BLOB NOT NULL UNIQUE,
  member_no           INTEGER NOT NULL UNIQUE,
  civility            TEXT NOT NULL DEFAULT '',
  first_name          TEXT NOT NULL DEFAULT '',
  last_name           TEXT NOT NULL,
  birth_date          TEXT NOT NULL DEFAULT '',
  entry_date          TEXT NOT NULL DEFAULT '',
  origin_date         TEXT NOT NULL DEFAULT '',
  origin_campaign_ref INTEGER REFERENCES campaign(ref),
  suspension_code     TEXT NOT NULL DEFAULT '',
  stop_promo          INTEGER NOT NULL DEFAULT 0,
  tax_receipt_pref    TEXT NOT NULL DEFAULT 'annual'
                      CHECK(tax_receipt_pref IN ('annual','per_gift','none','email')),
  memo_active         TEXT NOT NULL DEFAULT '',
  memo_misc           TEXT NOT NULL DEFAULT '',
  notepad             TEXT NOT NULL DEFAULT '',
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  deleted             INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE address(
  id         BLOB PRIMARY KEY,
  member_ref INTEGER NOT NULL REFERENCES member(ref),
  line1      TEXT NOT NULL DEFAULT '',
  line2      TEXT NOT NULL DEFAULT '',
  postcode   TEXT NOT NULL DEFAULT '',
  city       TEXT NOT NULL DEFAULT '',
  country    TEXT NOT NULL DEFAULT '',
  is_main    INTEGER NOT NULL DEFAULT 1
) WITHOUT ROWID;
CREATE INDEX address_member ON address(member_ref, is_main);

CREATE TABLE phone(
  id         BLOB PRIMARY KEY,
  member_ref INTEGER NOT NULL REFERENCES member(ref),
  kind       TEXT NOT NULL DEFAULT '',
  number     TEXT NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX phone_member ON phone(member_ref);

CREATE TABLE email(
  id                  BLOB PRIMARY KEY,
  member_ref          INTEGER NOT NULL REFERENCES member(ref),
  address             TEXT NOT NULL,
  origin_campaign_ref INTEGER REFERENCES campaign(ref),
  origin_date         TEXT NOT NULL DEFAULT '',
  usable              INTEGER NOT NULL DEFAULT 1,
  bounces             INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX email_member ON email(member_ref);

-- Insert-only facts, the two biggest tables: clustered by member and date,
-- so the dossier reads them in order from one place and no second index
-- repeats them. The UUID ends the key: a row is still one UUID, and the same
-- change applied twice (a retried sync) still hits the same key. Nothing
-- looks them up by UUID alone (no updates, no deletes: corrections are new rows).
CREATE TABLE campaign_received(
  member_ref    INTEGER NOT NULL REFERENCES member(ref),
  received_date TEXT NOT NULL,
  id            BLOB NOT NULL,
  campaign_ref  INTEGER NOT NULL REFERENCES campaign(ref),
  PRIMARY KEY(member_ref, received_date, id)
) WITHOUT ROWID;

CREATE TABLE gift(
  member_ref     INTEGER NOT NULL REFERENCES member(ref),
  gift_date      TEXT NOT NULL,
  id             BLOB NOT NULL,
  amount_cents   INTEGER NOT NULL CHECK(amount_cents > 0),
  currency       TEXT NOT NULL DEFAULT 'EUR',
  payment_method TEXT NOT NULL
                 CHECK(payment_method IN ('cash','cheque','card','transfer','direct_debit','other')),
  cheque_number  TEXT NOT NULL DEFAULT '',
  campaign_ref   INTEGER REFERENCES campaign(ref),
  operator       TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  PRIMARY KEY(member_ref, gift_date, id)
) WITHOUT ROWID;

-- The member's UUID, not its ref, and no foreign key: the journal outlives
-- what it describes. NULL member_id: an entry about no member. Rows may be
-- long (a notepad), so this one keeps its rowid.
CREATE TABLE journal(
  id        BLOB NOT NULL PRIMARY KEY,
  at        TEXT NOT NULL,
  operator  TEXT NOT NULL DEFAULT '',
  member_id BLOB,
  action    TEXT NOT NULL,
  detail    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX journal_member ON journal(member_id, at);

-- Search index: derived data, see core/search/search_index.h.
CREATE TABLE search_doc(
  doc        INTEGER PRIMARY KEY,
  member_ref INTEGER NOT NULL UNIQUE REFERENCES member(ref),
  sort_key   TEXT NOT NULL,
  text       TEXT NOT NULL,
  extra      TEXT NOT NULL,
  UNIQUE(sort_key, member_ref)
);
CREATE TABLE search_token(
  field INTEGER NOT NULL,
  token TEXT NOT NULL,
  doc   INTEGER NOT NULL,
  PRIMARY KEY(field, token, doc)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE search_fts USING fts5(
  text, content='', detail=none, columnsize=0, tokenize='trigram case_sensitive 1');
)SQL";

} // namespace

// The dossier's four memos (DESIGN.md: misc, active in entry, bequest, donor
// portal): v1 had the first two.
const char kSchema2[] = R"SQL(
ALTER TABLE member ADD COLUMN memo_bequest TEXT NOT NULL DEFAULT '';
ALTER TABLE member ADD COLUMN memo_portal  TEXT NOT NULL DEFAULT '';
)SQL";

// Sync (sync/protocol, sync/client). Deletes become tombstones, so the
// member's contact rows get a `deleted` flag; a merged member points to its
// survivor. field_clock holds the HLC of each field changed after its row
// was created (a field without one still has its creation value, older than
// any change to it). outbox is this device's changes not yet acknowledged by
// the server, written in the transaction of the change. text_conflict and
// duplicate_candidate are made by the server and shown to a person.
const char kSchema3[] = R"SQL(
ALTER TABLE member  ADD COLUMN merged_into_ref INTEGER REFERENCES member(ref);
ALTER TABLE address ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE phone   ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE email   ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;

CREATE TABLE field_clock(
  row_id BLOB NOT NULL,
  field  TEXT NOT NULL,
  hlc    TEXT NOT NULL,
  PRIMARY KEY(row_id, field)
) WITHOUT ROWID;

CREATE TABLE outbox(
  seq    INTEGER PRIMARY KEY,
  hlc    TEXT NOT NULL,
  tbl    TEXT NOT NULL,
  row_id BLOB NOT NULL,
  op     TEXT NOT NULL CHECK(op IN ('insert','update')),
  fields TEXT NOT NULL,
  base   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_row ON outbox(row_id);

CREATE TABLE text_conflict(
  id         BLOB PRIMARY KEY,
  member_ref INTEGER NOT NULL REFERENCES member(ref),
  field      TEXT NOT NULL,
  value      TEXT NOT NULL,
  hlc        TEXT NOT NULL,
  created_at TEXT NOT NULL,
  resolved   INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX text_conflict_member ON text_conflict(member_ref, resolved);

CREATE TABLE duplicate_candidate(
  id         BLOB PRIMARY KEY,
  member_ref INTEGER NOT NULL REFERENCES member(ref),
  other_ref  INTEGER NOT NULL REFERENCES member(ref),
  reason     TEXT NOT NULL,
  created_at TEXT NOT NULL,
  status     TEXT NOT NULL DEFAULT 'open' CHECK(status IN ('open','merged','dismissed'))
) WITHOUT ROWID;
CREATE INDEX duplicate_open ON duplicate_candidate(status, member_ref);
CREATE INDEX duplicate_pair ON duplicate_candidate(member_ref, other_ref);

-- Money facts arrive by sync as well as from this device: found by id, so
-- the same gift is never stored twice, whichever member it is filed under
-- (a merge may have moved it).
CREATE UNIQUE INDEX gift_id ON gift(id);
CREATE UNIQUE INDEX campaign_received_id ON campaign_received(id);

-- Finding one person twice: by email (any case) and by phone (E.164).
CREATE INDEX email_address ON email(address COLLATE NOCASE);
CREATE INDEX phone_number ON phone(number);
)SQL";

// The complete dossier (issue 5). Every table a person fills from the
// dossier's tabs, each with its UUID and the member it belongs to; money
// facts are insert-only like gifts. member_segment is derived (like the
// search index): neither journaled nor synced, recomputed on the device.
const char kSchema4[] = R"SQL(
-- Synthetic tabs: marketing codes and scores (internal, and bought from
-- data-mining firms), and the bequest pipeline's two dated steps.
ALTER TABLE member ADD COLUMN internal_codes         TEXT NOT NULL DEFAULT '';
ALTER TABLE member ADD COLUMN internal_score         INTEGER NOT NULL DEFAULT 0;
ALTER TABLE member ADD COLUMN external_codes         TEXT NOT NULL DEFAULT '';
ALTER TABLE member ADD COLUMN external_score         INTEGER NOT NULL DEFAULT 0;
ALTER TABLE member ADD COLUMN bequest_promise_date   TEXT NOT NULL DEFAULT '';
ALTER TABLE member ADD COLUMN bequest_confirmed_date TEXT NOT NULL DEFAULT '';
-- A phone, like an email, remembers the campaign that brought it.
ALTER TABLE phone ADD COLUMN origin_campaign_ref INTEGER REFERENCES campaign(ref);
ALTER TABLE phone ADD COLUMN origin_date TEXT NOT NULL DEFAULT '';

-- Orders (commandes): goods bought from the association. Money in, not a
-- gift: no tax receipt.
CREATE TABLE purchase_order(
  id             BLOB PRIMARY KEY,
  member_ref     INTEGER NOT NULL REFERENCES member(ref),
  order_date     TEXT NOT NULL,
  description    TEXT NOT NULL,
  quantity       INTEGER NOT NULL DEFAULT 1 CHECK(quantity > 0),
  amount_cents   INTEGER NOT NULL CHECK(amount_cents >= 0),
  payment_method TEXT NOT NULL,
  campaign_ref   INTEGER REFERENCES campaign(ref),
  status         TEXT NOT NULL DEFAULT 'paid' CHECK(status IN ('paid','shipped','cancelled')),
  operator       TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX purchase_order_member ON purchase_order(member_ref, order_date);

-- Memberships (adhésions): one row per period; renewing adds the next one.
CREATE TABLE membership(
  id             BLOB PRIMARY KEY,
  member_ref     INTEGER NOT NULL REFERENCES member(ref),
  period_start   TEXT NOT NULL,
  period_end     TEXT NOT NULL,
  fee_cents      INTEGER NOT NULL CHECK(fee_cents >= 0),
  payment_method TEXT NOT NULL DEFAULT '',
  paid_date      TEXT NOT NULL DEFAULT '',
  renewal_date   TEXT NOT NULL DEFAULT '',
  status         TEXT NOT NULL DEFAULT 'active' CHECK(status IN ('active','cancelled')),
  operator       TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX membership_member ON membership(member_ref, period_end);

-- SEPA direct debits: the mandate (its reference, the RUM, is unique
-- everywhere), and the collections made under it (insert-only; a collected
-- one is also the gift it became).
CREATE TABLE sepa_mandate(
  id             BLOB PRIMARY KEY,
  member_ref     INTEGER NOT NULL REFERENCES member(ref),
  rum            TEXT NOT NULL UNIQUE,
  iban           TEXT NOT NULL,
  bic            TEXT NOT NULL DEFAULT '',
  holder         TEXT NOT NULL,
  signature_date TEXT NOT NULL,
  frequency      TEXT NOT NULL CHECK(frequency IN ('monthly','quarterly','half_yearly','yearly')),
  amount_cents   INTEGER NOT NULL CHECK(amount_cents > 0),
  first_collection_date TEXT NOT NULL DEFAULT '',
  status         TEXT NOT NULL DEFAULT 'active' CHECK(status IN ('active','suspended','revoked')),
  campaign_ref   INTEGER REFERENCES campaign(ref),
  operator       TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sepa_mandate_member ON sepa_mandate(member_ref);

CREATE TABLE sepa_collection(
  id              BLOB PRIMARY KEY,
  mandate_id      BLOB NOT NULL,
  member_ref      INTEGER NOT NULL REFERENCES member(ref),
  collection_date TEXT NOT NULL,
  amount_cents    INTEGER NOT NULL CHECK(amount_cents > 0),
  status          TEXT NOT NULL CHECK(status IN ('collected','rejected')),
  reject_reason   TEXT NOT NULL DEFAULT '',
  gift_id         BLOB,
  created_at      TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sepa_collection_member ON sepa_collection(member_ref, collection_date);
CREATE INDEX sepa_collection_mandate ON sepa_collection(mandate_id, collection_date);

-- Recurring card (or PayPal) gifts: the payment provider holds the card;
-- we keep what the dossier shows.
CREATE TABLE card_recurring(
  id           BLOB PRIMARY KEY,
  member_ref   INTEGER NOT NULL REFERENCES member(ref),
  provider     TEXT NOT NULL DEFAULT 'card' CHECK(provider IN ('card','paypal')),
  amount_cents INTEGER NOT NULL CHECK(amount_cents > 0),
  frequency    TEXT NOT NULL CHECK(frequency IN ('monthly','quarterly','half_yearly','yearly')),
  card_last4   TEXT NOT NULL DEFAULT '',
  card_expiry  TEXT NOT NULL DEFAULT '',
  start_date   TEXT NOT NULL,
  end_date     TEXT NOT NULL DEFAULT '',
  status       TEXT NOT NULL DEFAULT 'active' CHECK(status IN ('active','suspended','ended')),
  campaign_ref INTEGER REFERENCES campaign(ref),
  operator     TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX card_recurring_member ON card_recurring(member_ref);

-- Tax receipts (reçus fiscaux). `number` is the receipt's place in its
-- year's sequence: NULL until the numbering authority (the server, or a
-- device that has never been enrolled) gives it, never reused. `status`
-- is the authority's too: 'void' when the gifts were receipted already
-- (by another device); a void receipt has no number. `gift_ids`: the
-- receipted gifts' UUIDs, comma-separated.
CREATE TABLE tax_receipt(
  id            BLOB PRIMARY KEY,
  member_ref    INTEGER NOT NULL REFERENCES member(ref),
  year          INTEGER NOT NULL,
  number        INTEGER,
  kind          TEXT NOT NULL CHECK(kind IN ('annual','per_gift')),
  amount_cents  INTEGER NOT NULL CHECK(amount_cents > 0),
  gift_ids      TEXT NOT NULL,
  first_date    TEXT NOT NULL,
  last_date     TEXT NOT NULL,
  donor_name    TEXT NOT NULL,
  donor_address TEXT NOT NULL,
  issued_at     TEXT NOT NULL,
  copies        INTEGER NOT NULL DEFAULT 0,
  status        TEXT NOT NULL DEFAULT 'issued' CHECK(status IN ('issued','void')),
  operator      TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL
) WITHOUT ROWID;
CREATE UNIQUE INDEX tax_receipt_number ON tax_receipt(year, number) WHERE number IS NOT NULL;
CREATE INDEX tax_receipt_member ON tax_receipt(member_ref, year);

-- Behavioural tabs.
CREATE TABLE mobilisation(
  id           BLOB PRIMARY KEY,
  member_ref   INTEGER NOT NULL REFERENCES member(ref),
  signed_date  TEXT NOT NULL,
  petition     TEXT NOT NULL,
  channel      TEXT NOT NULL DEFAULT '',
  campaign_ref INTEGER REFERENCES campaign(ref),
  created_at   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX mobilisation_member ON mobilisation(member_ref, signed_date);

CREATE TABLE email_activity(
  id           BLOB PRIMARY KEY,
  member_ref   INTEGER NOT NULL REFERENCES member(ref),
  at           TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK(kind IN ('sent','open','click','bounce','unsubscribe')),
  mailing      TEXT NOT NULL DEFAULT '',
  link         TEXT NOT NULL DEFAULT '',
  campaign_ref INTEGER REFERENCES campaign(ref),
  created_at   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX email_activity_member ON email_activity(member_ref, at);

CREATE TABLE sponsorship(
  id            BLOB PRIMARY KEY,
  member_ref    INTEGER NOT NULL REFERENCES member(ref),
  child_name    TEXT NOT NULL,
  child_code    TEXT NOT NULL DEFAULT '',
  country       TEXT NOT NULL DEFAULT '',
  start_date    TEXT NOT NULL,
  end_date      TEXT NOT NULL DEFAULT '',
  monthly_cents INTEGER NOT NULL DEFAULT 0 CHECK(monthly_cents >= 0),
  status        TEXT NOT NULL DEFAULT 'active' CHECK(status IN ('active','ended')),
  created_at    TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sponsorship_member ON sponsorship(member_ref);

CREATE TABLE event(
  ref        INTEGER PRIMARY KEY,
  id         BLOB NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  event_date TEXT NOT NULL,
  place      TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);

CREATE TABLE event_registration(
  id              BLOB PRIMARY KEY,
  member_ref      INTEGER NOT NULL REFERENCES member(ref),
  event_id        BLOB NOT NULL,
  registered_date TEXT NOT NULL,
  attended        INTEGER NOT NULL DEFAULT 0,
  guests          INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX event_registration_member ON event_registration(member_ref);
CREATE INDEX event_registration_event ON event_registration(event_id);

-- Documents (GED): files sent to or received from the member, kept on the
-- device and synced like any row (the size is capped, core/document).
CREATE TABLE document(
  id          BLOB PRIMARY KEY,
  member_ref  INTEGER NOT NULL REFERENCES member(ref),
  name        TEXT NOT NULL,
  mime_type   TEXT NOT NULL DEFAULT 'application/octet-stream',
  doc_date    TEXT NOT NULL,
  direction   TEXT NOT NULL CHECK(direction IN ('sent','received')),
  size_bytes  INTEGER NOT NULL,
  content     BLOB NOT NULL,
  operator    TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  deleted     INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX document_member ON document(member_ref, doc_date);

-- Relations between members (spouse, household, employer...): one row,
-- shown on both members' dossiers.
CREATE TABLE relation(
  id         BLOB PRIMARY KEY,
  member_ref INTEGER NOT NULL REFERENCES member(ref),
  other_ref  INTEGER NOT NULL REFERENCES member(ref),
  kind       TEXT NOT NULL,
  since      TEXT NOT NULL DEFAULT '',
  note       TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  deleted    INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX relation_member ON relation(member_ref);
CREATE INDEX relation_other ON relation(other_ref);

-- Settings every device of the association shares (major donor threshold,
-- the association's identity printed on receipts). One row per key, its id
-- derived from the key, so two devices setting it write the same row.
CREATE TABLE setting(
  id    BLOB PRIMARY KEY,
  key   TEXT NOT NULL UNIQUE,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Derived: each member's segments and RFM scores (core/search/segmentation.h).
CREATE TABLE member_segment(
  member_ref     INTEGER PRIMARY KEY REFERENCES member(ref),
  segments       INTEGER NOT NULL DEFAULT 0,
  recency        INTEGER NOT NULL DEFAULT 0,
  frequency      INTEGER NOT NULL DEFAULT 0,
  monetary       INTEGER NOT NULL DEFAULT 0,
  first_gift     TEXT NOT NULL DEFAULT '',
  last_gift      TEXT NOT NULL DEFAULT '',
  total_12m      INTEGER NOT NULL DEFAULT 0
);
-- The day and major donor threshold member_segment was computed for: when
-- either changes, every member is recomputed.
CREATE TABLE member_segment_basis(
  id              INTEGER PRIMARY KEY CHECK(id = 1),
  day             TEXT NOT NULL,
  threshold_cents INTEGER NOT NULL
);
)SQL";

// Event and field modes (issue 6).
const char kSchema5[] = R"SQL(
-- A batch of gifts entered together at an event's cash box (or from the
-- morning's post). Its lines are drafts while it is open; it is closed
-- against control totals counted in the cash box (expected count and
-- amount per payment method, JSON in `control`), and closing posts each
-- line as a gift with the line's UUID (so no line is ever posted twice)
-- and locks the batch. An event session is a batch with its event.
CREATE TABLE gift_batch(
  id            BLOB PRIMARY KEY,
  name          TEXT NOT NULL,
  event_id      BLOB,
  campaign_ref  INTEGER REFERENCES campaign(ref),
  operator      TEXT NOT NULL DEFAULT '',
  opened_at     TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'open' CHECK(status IN ('open','closed')),
  closed_at     TEXT NOT NULL DEFAULT '',
  control       TEXT NOT NULL DEFAULT '',
  mismatch_note TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX gift_batch_operator ON gift_batch(operator, status);

CREATE TABLE gift_batch_line(
  id             BLOB PRIMARY KEY,
  batch_id       BLOB NOT NULL,
  line_no        INTEGER NOT NULL,
  member_ref     INTEGER NOT NULL REFERENCES member(ref),
  gift_date      TEXT NOT NULL,
  amount_cents   INTEGER NOT NULL CHECK(amount_cents > 0),
  payment_method TEXT NOT NULL CHECK(payment_method IN ('cash','cheque','card','other')),
  reference      TEXT NOT NULL DEFAULT '',
  campaign_ref   INTEGER REFERENCES campaign(ref),
  created_at     TEXT NOT NULL,
  deleted        INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX gift_batch_line_batch ON gift_batch_line(batch_id, line_no);
CREATE INDEX gift_batch_line_member ON gift_batch_line(member_ref);

-- A posted gift remembers its batch; a card gift, the terminal's reference
-- (a cheque's number stays in cheque_number).
ALTER TABLE gift ADD COLUMN batch_id BLOB;
ALTER TABLE gift ADD COLUMN payment_ref TEXT NOT NULL DEFAULT '';

-- Check-in: who came without registering, and when each was marked present.
ALTER TABLE event_registration ADD COLUMN walk_in INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_registration ADD COLUMN attended_at TEXT NOT NULL DEFAULT '';

-- A petition signed at a stand keeps the consent wording the signer was
-- shown and when they agreed.
ALTER TABLE mobilisation ADD COLUMN consent_text TEXT NOT NULL DEFAULT '';
ALTER TABLE mobilisation ADD COLUMN consent_at   TEXT NOT NULL DEFAULT '';

-- GDPR consent, per channel, as facts: the wording shown, the answer and
-- its time. The newest row of a channel is the member's current choice.
CREATE TABLE consent(
  id         BLOB PRIMARY KEY,
  member_ref INTEGER NOT NULL REFERENCES member(ref),
  channel    TEXT NOT NULL CHECK(channel IN ('post','email','phone','sms')),
  granted    INTEGER NOT NULL CHECK(granted IN (0,1)),
  wording    TEXT NOT NULL,
  given_at   TEXT NOT NULL,
  source     TEXT NOT NULL DEFAULT '',
  operator   TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX consent_member ON consent(member_ref, channel, given_at);

-- The donor's signature on a mandate taken in the street (SVG paths).
ALTER TABLE sepa_mandate ADD COLUMN signature_svg TEXT NOT NULL DEFAULT '';

-- A regular donor signed up in the street: the member, the mandate, when
-- the donor confirmed the summary, and who signed them up. From then on
-- the member is locked for the fundraiser (field_locked): only the office
-- changes it.
CREATE TABLE field_signup(
  id         BLOB PRIMARY KEY,
  member_ref INTEGER NOT NULL REFERENCES member(ref),
  mandate_id BLOB,
  fundraiser TEXT NOT NULL,
  signed_at  TEXT NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX field_signup_day ON field_signup(fundraiser, signed_at);
ALTER TABLE member ADD COLUMN field_locked INTEGER NOT NULL DEFAULT 0;
)SQL";

// Changes this device sent that the server refused (sync/client/refusals.h):
// what each was, as sent, and why, kept until a person has read it. The
// device's own: neither synced nor compared with the server's copy.
const char kSchema6[] = R"SQL(
CREATE TABLE sync_refusal(
  id         INTEGER PRIMARY KEY,
  refused_at TEXT NOT NULL,
  seq        INTEGER NOT NULL,
  tbl        TEXT NOT NULL,
  row_id     BLOB NOT NULL,
  op         TEXT NOT NULL,
  fields     TEXT NOT NULL,
  member_id  BLOB,
  code       TEXT NOT NULL,
  message    TEXT NOT NULL,
  field      TEXT NOT NULL DEFAULT '',
  dismissed  INTEGER NOT NULL DEFAULT 0
);
)SQL";

// Corrections of gifts (core/money/gift_correction_repository.h): a gift row
// is never rewritten; each correction is a new row that names it, so two
// devices correcting one gift offline both keep their entry. kind:
//   amend   the gift's amount, date, payment method and campaign become these
//   void    the gift did not happen (a bounced cheque, a gift typed twice)
//   refund  refund_cents of it went back to the donor on refund_date
//   move    the gift belongs to member_ref (a spouse, the household)
// gift_now is each gift as its corrections leave it: derived (kept by the
// triggers of core/money/gift_now.cpp), neither journaled nor synced; every
// sum of money reads it. It starts as the gifts are, none being corrected.
const char kSchema7[] = R"SQL(
CREATE TABLE gift_correction(
  id             BLOB PRIMARY KEY,
  gift_id        BLOB NOT NULL,
  kind           TEXT NOT NULL CHECK(kind IN ('amend','void','refund','move')),
  amount_cents   INTEGER CHECK(amount_cents > 0),
  gift_date      TEXT NOT NULL DEFAULT '',
  payment_method TEXT NOT NULL DEFAULT ''
                 CHECK(payment_method IN ('','cash','cheque','card','transfer','direct_debit','other')),
  campaign_ref   INTEGER REFERENCES campaign(ref),
  member_ref     INTEGER REFERENCES member(ref),
  refund_cents   INTEGER CHECK(refund_cents > 0),
  refund_date    TEXT NOT NULL DEFAULT '',
  refund_method  TEXT NOT NULL DEFAULT ''
                 CHECK(refund_method IN ('','cash','cheque','card','transfer','direct_debit','other')),
  reason         TEXT NOT NULL,
  operator       TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX gift_correction_gift ON gift_correction(gift_id, created_at);
CREATE INDEX gift_correction_member ON gift_correction(member_ref) WHERE member_ref IS NOT NULL;

CREATE TABLE gift_now(
  id             BLOB PRIMARY KEY,
  member_ref     INTEGER NOT NULL,
  gift_date      TEXT NOT NULL,
  net_cents      INTEGER NOT NULL,
  amount_cents   INTEGER NOT NULL,
  refunded_cents INTEGER NOT NULL,
  voided         INTEGER NOT NULL,
  payment_method TEXT NOT NULL,
  campaign_ref   INTEGER,
  corrections    INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX gift_now_member ON gift_now(member_ref, gift_date, net_cents);
INSERT INTO gift_now SELECT id, member_ref, gift_date, amount_cents, amount_cents, 0, 0, payment_method, campaign_ref, 0
  FROM gift;
)SQL";

// Receipts follow corrections (core/receipts/corrected_receipts.h). An issued
// receipt is never altered: `lines` is what it certifies, one gift a line
// ("<gift uuid> <date> <method> <cents>", by date then id), so it prints as
// issued whatever happens to its gifts later. When that is no longer what
// the gifts say, a tax_receipt_cancellation row cancels it (its number
// stays used) and a corrective receipt names it in `replaces_id`. Receipts
// issued before this version certify their gifts as they stand now.
const char kSchema8[] = R"SQL(
ALTER TABLE tax_receipt ADD COLUMN lines TEXT NOT NULL DEFAULT '';
ALTER TABLE tax_receipt ADD COLUMN replaces_id BLOB;
CREATE TABLE tax_receipt_cancellation(
  id           BLOB PRIMARY KEY,
  receipt_id   BLOB NOT NULL,
  member_ref   INTEGER NOT NULL REFERENCES member(ref),
  reason       TEXT NOT NULL,
  cancelled_on TEXT NOT NULL,
  operator     TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX tax_receipt_cancellation_receipt ON tax_receipt_cancellation(receipt_id);
CREATE INDEX tax_receipt_cancellation_member ON tax_receipt_cancellation(member_ref);
UPDATE tax_receipt SET lines = ifnull((
  SELECT group_concat(uuid || ' ' || gift_date || ' ' || payment_method || ' ' || net_cents, char(10)) FROM (
    SELECT lower(substr(hex(id), 1, 8) || '-' || substr(hex(id), 9, 4) || '-' || substr(hex(id), 13, 4) || '-' ||
                 substr(hex(id), 17, 4) || '-' || substr(hex(id), 21, 12)) AS uuid,
           gift_date, payment_method, net_cents
      FROM gift_now
     WHERE member_ref = tax_receipt.member_ref AND voided = 0 AND net_cents > 0
     ORDER BY gift_date, id)
   WHERE instr(tax_receipt.gift_ids, uuid) > 0), '');
)SQL";

// Who gives decides the receipt (core/receipts/tax_receipt_document.h): a
// person gets Cerfa 11580 (article 200), a company Cerfa 16216 (article 238
// bis), which names its SIREN. A receipt keeps the kind and number the donor
// had when it was issued.
const char kSchema9[] = R"SQL(
ALTER TABLE member ADD COLUMN donor_kind TEXT NOT NULL DEFAULT 'person'
  CHECK(donor_kind IN ('person','organisation'));
ALTER TABLE member ADD COLUMN siren TEXT NOT NULL DEFAULT '';
ALTER TABLE tax_receipt ADD COLUMN donor_kind TEXT NOT NULL DEFAULT 'person'
  CHECK(donor_kind IN ('person','organisation'));
ALTER TABLE tax_receipt ADD COLUMN donor_registration TEXT NOT NULL DEFAULT '';
)SQL";

// A person erased at their request (core/privacy/member_erasure.h): the
// erasure is a row every copy applies itself. Not unique per member: two
// administrators may erase the same person offline.
const char kSchema10[] = R"SQL(
CREATE TABLE member_erasure(
  id         BLOB PRIMARY KEY,
  member_ref INTEGER NOT NULL REFERENCES member(ref),
  erased_at  TEXT NOT NULL,
  operator   TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX member_erasure_member ON member_erasure(member_ref);
)SQL";

// Direct debits that really collect (core/sepa/). A collection run
// (sepa_run) is what one pain.008 file asks the bank for; each of its
// collections keeps what the file said (account, RUM, sequence type,
// amendment) so the file can be written again byte for byte. A collection
// is submitted, then collected (past the return deadline, when it becomes
// the gift whose UUID is its own), failed (a bank return, with its reason
// code) or cancelled (its run was cancelled before it was sent). The CHECK on
// status changes, so sepa_collection is rebuilt; rows written before it
// (collected or rejected) are kept as they were.
// A mandate may be one-off (OOFF), may end (its last collection is FNAL),
// and keeps the account or reference it had until the next collection has
// carried the amendment to the bank.
const char kSchema11[] = R"SQL(
ALTER TABLE sepa_mandate ADD COLUMN one_off INTEGER NOT NULL DEFAULT 0 CHECK(one_off IN (0,1));
ALTER TABLE sepa_mandate ADD COLUMN end_date TEXT NOT NULL DEFAULT '';
ALTER TABLE sepa_mandate ADD COLUMN amended_from_iban TEXT NOT NULL DEFAULT '';
ALTER TABLE sepa_mandate ADD COLUMN amended_from_bic TEXT NOT NULL DEFAULT '';
ALTER TABLE sepa_mandate ADD COLUMN amended_from_rum TEXT NOT NULL DEFAULT '';

CREATE TABLE sepa_run(
  id              BLOB PRIMARY KEY,
  collection_date TEXT NOT NULL,
  message_id      TEXT NOT NULL,
  creditor_id     TEXT NOT NULL,
  status          TEXT NOT NULL CHECK(status IN ('submitted','sent','cancelled')),
  count           INTEGER NOT NULL,
  total_cents     INTEGER NOT NULL,
  operator        TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  sent_at         TEXT NOT NULL DEFAULT '',
  cancelled_at    TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX sepa_run_date ON sepa_run(collection_date);

CREATE TABLE sepa_collection_v11(
  id              BLOB PRIMARY KEY,
  mandate_id      BLOB NOT NULL,
  member_ref      INTEGER NOT NULL REFERENCES member(ref),
  collection_date TEXT NOT NULL,
  amount_cents    INTEGER NOT NULL CHECK(amount_cents > 0),
  status          TEXT NOT NULL CHECK(status IN ('submitted','collected','failed','cancelled','rejected')),
  reject_reason   TEXT NOT NULL DEFAULT '',
  gift_id         BLOB,
  created_at      TEXT NOT NULL,
  run_id          BLOB,
  period          TEXT NOT NULL DEFAULT '',
  sequence_type   TEXT NOT NULL DEFAULT '' CHECK(sequence_type IN ('','FRST','RCUR','FNAL','OOFF')),
  creditor_id     TEXT NOT NULL DEFAULT '',
  rum             TEXT NOT NULL DEFAULT '',
  signature_date  TEXT NOT NULL DEFAULT '',
  iban            TEXT NOT NULL DEFAULT '',
  bic             TEXT NOT NULL DEFAULT '',
  holder          TEXT NOT NULL DEFAULT '',
  amended_from_iban TEXT NOT NULL DEFAULT '',
  amended_from_bic  TEXT NOT NULL DEFAULT '',
  amended_from_rum  TEXT NOT NULL DEFAULT '',
  amended_from_creditor TEXT NOT NULL DEFAULT '',
  returned_on     TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
INSERT INTO sepa_collection_v11(id, mandate_id, member_ref, collection_date, amount_cents, status, reject_reason,
                                gift_id, created_at)
  SELECT id, mandate_id, member_ref, collection_date, amount_cents, status, reject_reason, gift_id, created_at
    FROM sepa_collection;
DROP TABLE sepa_collection;
ALTER TABLE sepa_collection_v11 RENAME TO sepa_collection;
CREATE INDEX sepa_collection_member ON sepa_collection(member_ref, collection_date);
CREATE INDEX sepa_collection_mandate ON sepa_collection(mandate_id, collection_date);
CREATE INDEX sepa_collection_run ON sepa_collection(run_id) WHERE run_id IS NOT NULL;
CREATE INDEX sepa_collection_open ON sepa_collection(collection_date) WHERE status = 'submitted';
)SQL";

// The bank a cheque is drawn on, as the deposit slip lists it (core/
// import_export/deposit_slip.h): typed with the cheque, at the desk or in a
// cash box.
const char kSchema12[] = R"SQL(
ALTER TABLE gift ADD COLUMN cheque_bank TEXT NOT NULL DEFAULT '';
ALTER TABLE gift_batch_line ADD COLUMN cheque_bank TEXT NOT NULL DEFAULT '';
)SQL";

// What a merge changed on this copy (core/members/member_merge.h), so that an
// unmerge puts it back: one row per value moved or set, with the value
// before and after. Every copy writes its own as it applies the merge (and
// as later rows naming the merged-away member follow it), the same on
// each; neither journaled as a change nor synced.
const char kSchema13[] = R"SQL(
CREATE TABLE merge_move(
  seq        INTEGER PRIMARY KEY,
  loser_ref  INTEGER NOT NULL,
  tbl        TEXT NOT NULL,
  row_id     BLOB NOT NULL,
  col        TEXT NOT NULL,
  old_value,
  new_value,
  UNIQUE(loser_ref, tbl, row_id, col)
);
CREATE INDEX merge_move_row ON merge_move(tbl, row_id, col);
)SQL";

// merge_move never reuses a seq. An unmerge and a merge of the same member
// in one transaction (a pull that moves the merge pointer) delete the
// member's rows and write them again; reused numbers made the change
// journal (core/store/change_journal.h) record UPDATEs swapping the rows'
// unique keys, which no replay can apply one row at a time: the device
// could not start again (journal.conflict). Found by the sync simulation
// (seed 564669088530552, journal replayed).
const char kSchema14[] = R"SQL(
CREATE TABLE merge_move_numbered(
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  loser_ref  INTEGER NOT NULL,
  tbl        TEXT NOT NULL,
  row_id     BLOB NOT NULL,
  col        TEXT NOT NULL,
  old_value,
  new_value,
  UNIQUE(loser_ref, tbl, row_id, col)
);
INSERT INTO merge_move_numbered SELECT seq, loser_ref, tbl, row_id, col, old_value, new_value FROM merge_move;
DROP TABLE merge_move;
ALTER TABLE merge_move_numbered RENAME TO merge_move;
CREATE INDEX merge_move_row ON merge_move(tbl, row_id, col);
)SQL";

const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> list = {
        {1, kSchema1},   {2, kSchema2},   {3, kSchema3},   {4, kSchema4},   {5, kSchema5},
        {6, kSchema6},   {7, kSchema7},   {8, kSchema8},   {9, kSchema9},   {10, kSchema10},
        {11, kSchema11}, {12, kSchema12}, {13, kSchema13}, {14, kSchema14},
    };
    return list;
}

int current_schema_version()
{
    return migrations().back().version;
}

Result<void> apply_migrations(sqlite3* db, int up_to)
{
    // SQLite's own words go to the console for support; the person gets a
    // sentence that the UI can translate.
    auto sql_error = [db](const char* what) {
        std::fprintf(stderr, "obole: %s%s\n", what, sqlite3_errmsg(db));
        return fail("db.migration_failed",
                    "The data could not be upgraded for this version of Obole; it was left as it was.");
    };
    sqlite3_stmt* stmt = nullptr;
    int version = 0;
    const bool read = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr) == SQLITE_OK &&
                      sqlite3_step(stmt) == SQLITE_ROW;
    if (read)
        version = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    // Not read is not version 0: every migration would run again on the data.
    if (!read)
        return sql_error("Could not read the schema version: ");

    for (const Migration& m : migrations()) {
        if (m.version <= version || m.version > up_to)
            continue;
        if (sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
            return sql_error("Could not start the schema upgrade: ");
        std::string tail = "PRAGMA user_version = " + std::to_string(m.version) + ";";
        if (version == 0)
            tail += "PRAGMA application_id = " + std::to_string(kObolApplicationId) + ";";
        if (sqlite3_exec(db, m.sql, nullptr, nullptr, nullptr) != SQLITE_OK ||
            sqlite3_exec(db, tail.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
            Error e = sql_error("The schema upgrade failed: ");
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            return e;
        }
        if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
            Error e = sql_error("The schema upgrade could not be saved: ");
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            return e;
        }
        version = m.version;
    }
    return {};
}

} // namespace obole
