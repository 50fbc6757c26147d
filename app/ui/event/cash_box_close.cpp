#include "ui/event/cash_box_close.h"

#include "core/money/gift_batch_repository.h"
#include "core/money/money.h"
#include "ui/accessible.h"
#include "ui/labels.h"
#include "ui/touch_style.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace obole::ui {

namespace {

std::string money(int64_t cents)
{
    return format_money(cents, "EUR", current_lang());
}

std::string count_and_sum(const MethodTally& t)
{
    return std::to_string(t.count) + " · " + money(t.cents);
}

} // namespace

bool CashBoxClose::draw(AppState& app, EventSession& session, const BatchTotals& entered)
{
    if (session.batch.closed) {
        draw_closed(session, entered);
        return false;
    }
    if (counted_.empty())
        for (PaymentMethod m : batch_payment_methods())
            counted_.push_back({m, "", ""});
    ImGui::TextWrapped("%s",
                       tr("Count the cash box: for each payment method, how many items and how much. "
                          "The gifts are posted when the count matches the lines, or when you say why it does not."));
    bool changed = false;
    if (begin_form("cash_box")) {
        for (ControlEntry& e : counted_) {
            const std::string method = payment_method_label(e.method);
            const std::string field = to_string(e.method);
            form_row(method.c_str());
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
            changed |=
                ImGui::InputTextWithHint(hidden_label(method + " " + tr("count")).c_str(), tr("count"), &e.count_text);
            ImGui::SameLine();
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
            changed |= ImGui::InputTextWithHint(hidden_label(method + " " + tr("amount")).c_str(), tr("amount"),
                                                &e.amount_text);
            error_.show_if(("count_" + field).c_str());
            error_.show_if(("amount_" + field).c_str());
        }
        end_form();
    }
    if (changed)
        checked_ = false;
    if (ImGui::Button(tr("Check the count"))) {
        error_.clear();
        auto parsed = parse_control(counted_);
        if (!parsed) {
            error_ = {parsed.error().field, parsed.error().message};
        } else {
            count_ = parsed.value();
            checked_ = true;
        }
    }
    bool closed = false;
    if (checked_) {
        const std::vector<ControlDifference> differences = control_differences(entered, count_);
        if (differences.empty()) {
            announced_text(tr("The count matches the lines."), IM_COL32(25, 128, 50, 255));
            if (ImGui::Button(tr("Close the batch and post the gifts")))
                closed = close(app, session, false);
        } else {
            announced_text(tr("The count does not match the lines:"), IM_COL32(200, 40, 40, 255));
            if (ImGui::BeginTable("differences", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame,
                                  ImVec2(field_width(), 0))) {
                ImGui::TableSetupColumn(tr("Method"));
                ImGui::TableSetupColumn(tr("Counted"));
                ImGui::TableSetupColumn(tr("Entered"));
                ImGui::TableHeadersRow();
                for (const ControlDifference& d : differences) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(payment_method_label(d.method));
                    ImGui::TableNextColumn();
                    announced_text(count_and_sum(d.expected).c_str(), IM_COL32(200, 40, 40, 255));
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(count_and_sum(d.entered).c_str());
                }
                ImGui::EndTable();
            }
            ImGui::TextWrapped(
                "%s", tr("Correct the lines in the Gifts tab or the count above, or close anyway and say why."));
            ImGui::TextUnformatted(tr("Why close anyway"));
            ImGui::SetNextItemWidth(field_width());
            ImGui::InputText(hidden_label(tr("Why close anyway")).c_str(), &note_);
            error_.show_if("note");
            if (ImGui::Button(tr("Close anyway and post the gifts")))
                closed = close(app, session, true);
        }
    }
    if (!error_.message.empty() && error_.field.empty())
        form_error(tr(error_.message));
    return closed;
}

// Closes with the count as checked; a note only when it did not match.
bool CashBoxClose::close(AppState& app, EventSession& session, bool mismatch)
{
    const std::string note = mismatch ? note_ : "";
    if (auto r = GiftBatchRepository(*app.store).close(session.batch.id, count_, note, app.operator_name); !r) {
        error_ = {r.error().field, r.error().message};
        return false;
    }
    app.notice = tr("Batch closed: its gifts are posted.");
    counted_.clear();
    count_.clear();
    note_.clear();
    checked_ = false;
    error_.clear();
    return true;
}

void CashBoxClose::draw_closed(const EventSession& session, const BatchTotals& t)
{
    announced_text(tr("This batch is closed: its gifts are posted and it can no longer change."),
                   IM_COL32(25, 128, 50, 255));
    ImGui::Text("%s %s · %d · %s", tr("Closed"), session.batch.closed_at.substr(0, 16).c_str(), t.count,
                money(t.cents).c_str());
    if (!session.batch.mismatch_note.empty())
        ImGui::TextWrapped("%s %s", tr("Closed despite a difference:"), session.batch.mismatch_note.c_str());
    for (const MethodTally& m : control_from_json(session.batch.control))
        ImGui::Text("%s: %s", payment_method_label(m.method), count_and_sum(m).c_str());
}

} // namespace obole::ui
