#include "ui/dossier/orders_tab.h"

#include "core/calendar/date.h"
#include "core/money/money.h"
#include "ui/accessible.h"
#include "ui/dossier/payment_method_combo.h"
#include "ui/labels.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>

namespace obole::ui {

void OrdersTab::draw(AppState& app, const Member& member)
{
    if (fresh_.stale(app, member.id)) {
        if (fresh_.other_member(member.id)) {
            date_ = today_iso(), description_.clear(), quantity_ = "1", amount_.clear();
            error_.clear();
        }
        read_.clear();
        read_.take(orders_, PurchaseOrderRepository(*app.store).list_for_member(member.id));
        fresh_.mark(app, member.id);
    }
    read_.draw();
    if (member.merged_into_id.empty())
        draw_form(app, member);
    draw_list();
}

bool OrdersTab::save(AppState& app, const Member& member)
{
    NewPurchaseOrder o;
    o.member_id = member.id;
    o.date_text = date_;
    o.description = description_;
    o.quantity_text = quantity_;
    o.amount_text = amount_;
    o.method = method_;
    auto added = PurchaseOrderRepository(*app.store).add(o, app.operator_name);
    if (!added) {
        const std::string& f = added.error().field;
        error_.field = f == "date" || f == "description" || f == "quantity" || f == "amount" ? f : "form";
        error_.message = added.error().message;
        return false;
    }
    app.notice = std::string(tr("Order saved:")) + " " + description_;
    description_.clear(), quantity_ = "1", amount_.clear();
    error_.clear();
    return true;
}

void OrdersTab::draw_form(AppState& app, const Member& member)
{
    ImGui::SeparatorText(tr("New order"));
    if (!begin_form("order_form"))
        return;
    bool submit = form_text(tr("Description"), &description_, "", 20);
    error_.show_until_edited("description");
    submit |= form_text(tr("Quantity"), &quantity_, "", 5);
    error_.show_until_edited("quantity");
    submit |= form_text(tr("Amount"), &amount_);
    error_.show_until_edited("amount");
    submit |= form_text(tr("Date"), &date_, tr("YYYY-MM-DD or DD/MM/YYYY"));
    error_.show_until_edited("date");
    form_label(tr("Payment method"));
    payment_method_combo(tr("Payment method"), &method_);
    submit |= form_button(tr("Save order"));
    error_.show_if("form");
    ImGui::EndTable();
    if (submit)
        save(app, member);
}

void OrdersTab::draw_list()
{
    ImGui::SeparatorText(tr("Orders"));
    int64_t total = 0;
    for (const PurchaseOrder& o : orders_)
        if (o.status != "cancelled")
            total += o.amount_cents;
    char summary[128];
    std::snprintf(summary, sizeof summary, tr("%d orders, %s in all"), static_cast<int>(orders_.size()),
                  format_money(total, "EUR", current_lang()).c_str());
    announced_text(summary);
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("orders", 6, flags))
        return;
    ImGui::TableSetupColumn(tr("Date"));
    ImGui::TableSetupColumn(tr("Description"));
    ImGui::TableSetupColumn(tr("Quantity"));
    ImGui::TableSetupColumn(tr("Amount"));
    ImGui::TableSetupColumn(tr("Payment method"));
    ImGui::TableSetupColumn(tr("Entered by"));
    ImGui::TableHeadersRow();
    for (const PurchaseOrder& o : orders_) {
        const std::string amount = format_money(o.amount_cents, "EUR", current_lang());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(o.id.c_str());
        ImGui::Selectable(hidden_label(o.order_date + " " + o.description + " " + amount).c_str(), false,
                          ImGuiSelectableFlags_SpanAllColumns);
        ImGui::PopID();
        ImGui::SameLine(0, 0);
        ImGui::TextUnformatted(o.order_date.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(o.description.c_str());
        if (o.status == "cancelled") {
            ImGui::SameLine();
            ImGui::TextDisabled("(%s)", tr("cancelled"));
        }
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(o.quantity));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(amount.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(payment_method_text(o.payment_method));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(o.operator_name.c_str());
    }
    ImGui::EndTable();
}

} // namespace obole::ui
