#include "core/money/gift_now.h"

#include <string>

#include "core/store/store.h"

namespace obole {

namespace {

// Recomputes gift_now's row of gift %ID%: deleted, then inserted as it now
// stands, so the segments' triggers on gift_now see the member a move takes
// the gift from (the delete) and the one it goes to (the insert). Names are
// unqualified: a trigger may not name its target's schema, and no temp table
// shadows these.
const char kRecompute[] = R"SQL(
DELETE FROM gift_now WHERE id = %ID%;
INSERT INTO gift_now(id, member_ref, gift_date, net_cents, amount_cents, refunded_cents, voided,
                          payment_method, campaign_ref, corrections)
SELECT id, member_ref, gift_date, CASE WHEN voided THEN 0 ELSE max(0, amount_cents - refunded_cents) END,
       amount_cents, refunded_cents, voided, payment_method, campaign_ref, corrections
FROM (SELECT g.id,
        coalesce((SELECT m.member_ref FROM gift_correction m WHERE m.gift_id = g.id AND m.kind = 'move'
                  ORDER BY m.created_at DESC, m.id DESC LIMIT 1), g.member_ref) AS member_ref,
        coalesce(a.gift_date, g.gift_date) AS gift_date, -- an amendment gives all four
        coalesce(a.amount_cents, g.amount_cents) AS amount_cents,
        (SELECT ifnull(sum(r.refund_cents), 0) FROM gift_correction r
          WHERE r.gift_id = g.id AND r.kind = 'refund') AS refunded_cents,
        EXISTS(SELECT 1 FROM gift_correction v WHERE v.gift_id = g.id AND v.kind = 'void') AS voided,
        coalesce(a.payment_method, g.payment_method) AS payment_method,
        CASE WHEN a.id IS NULL THEN g.campaign_ref ELSE a.campaign_ref END AS campaign_ref,
        (SELECT count(*) FROM gift_correction n WHERE n.gift_id = g.id) AS corrections
      FROM gift g
      LEFT JOIN (SELECT * FROM gift_correction WHERE gift_id = %ID% AND kind = 'amend'
                 ORDER BY created_at DESC, id DESC LIMIT 1) a ON 1
      WHERE g.id = %ID%);
)SQL";

std::string recompute(const char* id)
{
    std::string sql = kRecompute;
    for (size_t at; (at = sql.find("%ID%")) != std::string::npos;)
        sql.replace(at, 4, id);
    return sql;
}

std::string trigger(const char* name, const char* when, const char* body)
{
    return std::string("CREATE TEMP TRIGGER IF NOT EXISTS ") + name + " " + when + " BEGIN " + body + " END;\n";
}

} // namespace

Result<void> install_gift_now_triggers(Store& store)
{
    // A merge moves gifts and corrections to the survivor (UPDATE); a
    // correction may arrive before its gift (then the gift's insert counts it).
    std::string sql;
    sql += trigger("gift_now_gift_insert", "AFTER INSERT ON main.gift", recompute("new.id").c_str());
    sql += trigger("gift_now_gift_update", "AFTER UPDATE ON main.gift", recompute("new.id").c_str());
    sql += trigger("gift_now_gift_delete", "AFTER DELETE ON main.gift", "DELETE FROM gift_now WHERE id = old.id;");
    sql +=
        trigger("gift_now_correction_insert", "AFTER INSERT ON main.gift_correction", recompute("new.gift_id").c_str());
    sql +=
        trigger("gift_now_correction_update", "AFTER UPDATE ON main.gift_correction", recompute("new.gift_id").c_str());
    sql +=
        trigger("gift_now_correction_delete", "AFTER DELETE ON main.gift_correction", recompute("old.gift_id").c_str());
    return store.exec(sql.c_str());
}

} // namespace obole
