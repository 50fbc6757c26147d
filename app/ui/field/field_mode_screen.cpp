#include "ui/field/field_mode_screen.h"

#include "core/calendar/date.h"
#include "core/money/iban.h"
#include "core/money/money.h"
#include "core/store/uuid.h"
#include "core/text/text_fold.h"
#include "ui/accessible.h"
#include "ui/dossier/frequency_label.h"
#include "ui/labels.h"
#include "ui/touch_style.h"
#include "ui/tr.h"
#include "ui/ui_scale.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

namespace obole::ui {

namespace {

// A finger's target, CSS pixels: at least 44 high (the platforms' guides say 44-48).
constexpr float kTouch = 48.0f;
const ImU32 kGood = IM_COL32(25, 128, 50, 255);

const char* step_title(FieldStep s)
{
    switch (s) {
    case FieldStep::donor: return tr("Donor");
    case FieldStep::gift: return tr("Gift");
    case FieldStep::bank: return tr("Bank account");
    case FieldStep::signature: return tr("Signature");
    case FieldStep::consents: return tr("Consents");
    case FieldStep::summary: return tr("Summary");
    }
    return "";
}

// The label above, the field full width under it, its error under that.
bool touch_text(const char* label, std::string* value, const char* field, const FormError& error,
                ImGuiInputTextFlags flags = 0, const char* hint = "")
{
    ImGui::TextUnformatted(label);
    ImGui::SetNextItemWidth(-FLT_MIN);
    const bool changed = ImGui::InputTextWithHint(hidden_label(label).c_str(), hint, value, flags);
    error.show_if(field);
    return changed;
}

bool touch_button(const char* label, float width = -FLT_MIN)
{
    return ImGui::Button(label, ImVec2(width, css_px(kTouch)));
}

// A button that shows it is the current choice.
bool choice_button(const char* label, bool chosen, float width)
{
    if (chosen) {
        ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(40, 110, 200, 255));
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    }
    const bool clicked = touch_button(label, width);
    if (chosen)
        ImGui::PopStyleColor(2);
    return clicked;
}

// The width of each of n buttons sharing a row.
float share(int n)
{
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    return (ImGui::GetContentRegionAvail().x - spacing * float(n - 1)) / float(n);
}

void summary_line(const char* label, const std::string& value)
{
    std::string line = std::string(label) + ": " + value;
    announced_text(line.c_str());
}

} // namespace

void FieldModeScreen::start_new()
{
    form_ = FieldSignupForm{};
    form_.mandate_id = new_uuid_v7(); // its RUM is shown before anything is saved
    pad_.clear();
    signed_ = {};
    hints_.clear();
    hints_for_.clear();
    picked_ = {};
    holder_filled_.clear();
    error_.clear();
    step_ = FieldStep::donor;
}

void FieldModeScreen::draw(AppState& app)
{
    if (form_.mandate_id.empty())
        start_new();
    TouchStyle style;
    // Two halves: the sign-up in progress, and the day so far.
    const float half = share(2);
    if (choice_button(tr("New sign-up"), !day_view_, half))
        day_view_ = false;
    ImGui::SameLine();
    if (choice_button(tr("My day"), day_view_, half))
        day_view_ = true;
    ImGui::Spacing();
    if (day_view_) {
        if (!done_message_.empty())
            announced_text(done_message_.c_str(), kGood);
        day_.draw(app);
        return;
    }
    draw_step_header();
    switch (step_) {
    case FieldStep::donor: draw_donor(app); break;
    case FieldStep::gift: draw_gift(); break;
    case FieldStep::bank: draw_bank(); break;
    case FieldStep::signature: draw_signature_step(); break;
    case FieldStep::consents: draw_consents(); break;
    case FieldStep::summary: draw_summary(); break;
    }
    recheck_error();
    ImGui::Spacing();
    draw_navigation(app);
}

void FieldModeScreen::draw_step_header()
{
    char title[128];
    std::snprintf(title, sizeof title, tr("Step %d of %d: %s"), int(step_) + 1, kFieldStepCount, step_title(step_));
    ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.2f);
    announced_text(title);
    ImGui::PopFont();
    // A thin bar of the steps done so far.
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float bar = css_px(4);
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + bar), IM_COL32(210, 215, 225, 255), bar / 2);
    dl->AddRectFilled(p, ImVec2(p.x + w * float(int(step_) + 1) / kFieldStepCount, p.y + bar),
                      IM_COL32(40, 110, 200, 255), bar / 2);
    ImGui::Dummy(ImVec2(w, bar * 2));
}

void FieldModeScreen::draw_donor(AppState& app)
{
    ImGui::TextUnformatted(tr("Title"));
    static const char* kCivilities[] = {"Mme", "M.", "Mx"};
    const float third = share(3);
    for (int i = 0; i < 3; ++i) {
        if (i)
            ImGui::SameLine();
        const bool chosen = form_.civility == kCivilities[i];
        if (choice_button(kCivilities[i], chosen, third))
            form_.civility = chosen ? "" : kCivilities[i];
    }
    touch_text(tr("First name"), &form_.first_name, "first_name", error_);
    touch_text(tr("Last name"), &form_.last_name, "last_name", error_);
    touch_text(tr("Email"), &form_.email, "email", error_, 0, "nom@example.org");
    touch_text(tr("Mobile phone"), &form_.mobile, "mobile", error_, 0, "06 12 34 56 78");
    touch_text(tr("Address"), &form_.line1, "line1", error_);
    touch_text(tr("Postcode"), &form_.postcode, "postcode", error_);
    touch_text(tr("City"), &form_.city, "city", error_);
    draw_duplicate_hints(app);
}

// Under the identity: the members already on the device who may be this
// person. Tapping one says so and attaches the sign-up to them (a regular
// gift from a member is welcome); "Not this person" goes back to a new one.
void FieldModeScreen::draw_duplicate_hints(AppState& app)
{
    NewMember typed;
    typed.first_name = form_.first_name, typed.last_name = form_.last_name, typed.email = form_.email;
    typed.phone = form_.mobile, typed.postcode = form_.postcode, typed.city = form_.city;
    const std::string key =
        typed.first_name + '\n' + typed.last_name + '\n' + typed.email + '\n' + typed.phone + '\n' + typed.postcode;
    if (key != hints_for_) {
        hints_read_.clear();
        hints_read_.take(hints_, likely_duplicates(*app.store, typed, 3));
        hints_for_ = key;
    }
    hints_read_.draw();
    char line[320];
    if (!form_.existing_member_id.empty()) {
        ImGui::Spacing();
        std::snprintf(line, sizeof line,
                      tr("%s is already a member (No. %lld): this sign-up will be added to their record."),
                      picked_.display_name.c_str(), static_cast<long long>(picked_.member_no));
        announced_text(line, IM_COL32(170, 90, 0, 255));
        if (touch_button(tr("Not this person"))) {
            form_.existing_member_id.clear();
            picked_ = {};
        }
        return;
    }
    if (hints_.empty())
        return;
    ImGui::SeparatorText(tr("Already a member?"));
    for (const DuplicateHint& h : hints_) {
        std::snprintf(line, sizeof line, tr("No. %lld · %s · %s %s"), static_cast<long long>(h.member_no),
                      h.display_name.c_str(), h.postcode.c_str(), h.city.c_str());
        ImGui::PushID(h.member_id.c_str());
        if (touch_button(line)) {
            form_.existing_member_id = h.member_id;
            picked_ = h;
        }
        ImGui::PopID();
    }
}

void FieldModeScreen::draw_gift()
{
    ImGui::TextUnformatted(tr("Amount"));
    static const int kQuick[] = {10, 15, 20, 30};
    const float quarter = share(4);
    const std::string lang = current_lang();
    for (int i = 0; i < 4; ++i) {
        if (i)
            ImGui::SameLine();
        const std::string amount = std::to_string(kQuick[i]);
        const std::string label = format_money(int64_t(kQuick[i]) * 100, "EUR", lang);
        if (choice_button(label.c_str(), trim_spaces(form_.amount_text) == amount, quarter))
            form_.amount_text = amount;
    }
    // No character filter: a filter would turn "1e9" into 19 without a word;
    // the amount's own check says what is wrong instead.
    touch_text(tr("Other amount"), &form_.amount_text, "amount", error_, 0, "12,50");
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("Frequency"));
    const float half = share(2);
    int i = 0;
    for (Frequency f : kFrequencies) {
        if (i++ % 2)
            ImGui::SameLine();
        if (choice_button(frequency_label(f), form_.frequency == f, half))
            form_.frequency = f;
    }
}

void FieldModeScreen::draw_bank()
{
    // The holder is the donor unless someone else's account pays: filled in
    // from the name until the fundraiser changes it.
    const std::string name = form_.existing_member_id.empty()
                                 ? std::string(trim_spaces(form_.first_name + " " + form_.last_name))
                                 : picked_.display_name;
    if (form_.holder == holder_filled_ && name != holder_filled_) {
        form_.holder = name;
        holder_filled_ = name;
    }
    touch_text(tr("Account holder"), &form_.holder, "holder", error_);
    ImGui::TextUnformatted(tr("IBAN"));
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint(hidden_label(tr("IBAN")).c_str(), "FR76 3000 6000 0112 3456 7890 189", &form_.iban_text,
                             ImGuiInputTextFlags_CharsUppercase);
    // Checked as it is typed: what is wrong and where, or that it is right.
    if (trim_spaces(form_.iban_text).empty()) {
        error_.show_if("iban");
    } else if (IbanCheck check = check_iban(form_.iban_text); check.ok) {
        std::string ok = std::string(tr("Valid IBAN:")) + " " + format_iban(check.iban);
        announced_text(ok.c_str(), kGood);
    } else {
        std::string message = describe_iban_problem(check.problem, [](const char* s) { return tr(s); });
        form_error(message.c_str());
    }
    touch_text(tr("BIC"), &form_.bic_text, "bic", error_, ImGuiInputTextFlags_CharsUppercase, "BNPAFRPP");
    ImGui::Spacing();
    summary_line(tr("Mandate reference (RUM)"), mandate_rum(form_.mandate_id));
}

void FieldModeScreen::draw_signature_step()
{
    // The SEPA mandate's own words, which the donor signs.
    announced_text(tr("By signing this mandate, you authorise the association to send instructions to your bank to "
                      "debit your account, and your bank to debit your account in accordance with those instructions. "
                      "You are entitled to a refund from your bank within eight weeks of the date your account was "
                      "debited."));
    const float height = std::clamp(ImGui::GetContentRegionAvail().x * 0.5f, css_px(150), css_px(260));
    pad_.draw(tr("Signature pad"), height);
    error_.show_if("signature");
    if (touch_button(tr("Clear the signature"))) {
        pad_.clear();
        form_.signature_svg.clear();
    }
}

void FieldModeScreen::draw_consents()
{
    announced_text(tr("Ask the donor how the association may contact them, channel by channel."));
    const std::string now = now_iso();
    for (int i = 0; i < 4; ++i) {
        const ConsentChannel c = kConsentChannels[i];
        FieldConsentAnswer& a = form_.consents[i];
        ImGui::PushID(i);
        ImGui::SeparatorText(consent_channel_label(c));
        // The words shown are the words recorded with the answer.
        const char* wording = tr(consent_wording(c));
        announced_text(wording);
        const float half = share(2);
        const std::string field = std::string("consent_") + to_string(c);
        bool answered = false;
        if (choice_button(tr("Yes"), a.answered && a.granted, half))
            a = {true, true, wording, now}, answered = true;
        ImGui::SameLine();
        if (choice_button(tr("No"), a.answered && !a.granted, half))
            a = {true, false, wording, now}, answered = true;
        // The question just answered no longer needs its message.
        if (answered && error_.field == field)
            error_.clear();
        error_.show_if(field.c_str());
        ImGui::PopID();
    }
}

void FieldModeScreen::draw_summary()
{
    announced_text(tr("Please read and check with the donor before confirming."));
    ImGui::SeparatorText(tr("Donor"));
    if (!form_.existing_member_id.empty()) {
        // Their record stays as the office holds it: only the gift is new.
        char line[200];
        std::snprintf(line, sizeof line, tr("Already a member: No. %lld"), static_cast<long long>(picked_.member_no));
        announced_text(line);
        summary_line(tr("Name"), picked_.display_name);
    } else {
        summary_line(tr("Name"),
                     std::string(trim_spaces(form_.civility + " " + form_.first_name + " " + form_.last_name)));
        summary_line(tr("Email"), form_.email);
        summary_line(tr("Mobile phone"), form_.mobile);
        summary_line(tr("Address"), form_.line1 + ", " + form_.postcode + " " + form_.city);
    }
    ImGui::SeparatorText(tr("Gift"));
    auto cents = parse_amount_cents(form_.amount_text);
    summary_line(tr("Amount"), cents ? format_money(*cents, "EUR", current_lang()) : form_.amount_text);
    summary_line(tr("Frequency"), frequency_label(form_.frequency));
    ImGui::SeparatorText(tr("SEPA mandate"));
    summary_line(tr("Account holder"), form_.holder);
    IbanCheck iban = check_iban(form_.iban_text);
    summary_line(tr("IBAN"), iban.ok ? format_iban(iban.iban) : form_.iban_text);
    summary_line(tr("BIC"), form_.bic_text);
    summary_line(tr("Mandate reference (RUM)"), mandate_rum(form_.mandate_id));
    summary_line(tr("Signed on"), today_local_iso());
    draw_signature(signed_, ImGui::GetContentRegionAvail().x);
    ImGui::SeparatorText(tr("Consents"));
    for (int i = 0; i < 4; ++i)
        summary_line(consent_channel_label(kConsentChannels[i]), form_.consents[i].granted ? tr("Yes") : tr("No"));
    error_.show_if("form");
}

void FieldModeScreen::draw_navigation(AppState& app)
{
    if (step_ == FieldStep::summary) {
        ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(25, 128, 50, 255));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(35, 150, 65, 255));
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
        const bool confirmed = touch_button(tr("Confirm and sign up"));
        ImGui::PopStyleColor(3);
        if (confirmed)
            confirm(app);
        if (touch_button(tr("Back")))
            step_ = FieldStep::consents;
        return;
    }
    const float half = share(2);
    ImGui::BeginDisabled(step_ == FieldStep::donor);
    if (touch_button(tr("Back"), half)) {
        error_.clear();
        step_ = FieldStep(int(step_) - 1);
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (touch_button(tr("Next"), half))
        check_and_advance();
}

void FieldModeScreen::check_and_advance()
{
    error_.clear();
    if (step_ == FieldStep::signature) {
        // The strokes become the mandate's SVG here; a dot is refused.
        auto svg = signature_svg(pad_.strokes(), pad_.size().x, pad_.size().y);
        if (!svg) {
            form_.signature_svg.clear();
            go_to_error(svg.error());
            return;
        }
        form_.signature_svg = *svg;
        signed_ = parse_signature_svg(*svg);
    }
    if (auto r = check_field_step(form_, step_); !r) {
        go_to_error(r.error());
        return;
    }
    step_ = FieldStep(int(step_) + 1);
}

// An error stays only while its field is still wrong: once corrected it goes
// (another mistake on the step shows at Next), and while it is being
// corrected it says what is wrong now.
void FieldModeScreen::recheck_error()
{
    if (error_.field.empty() || error_.field == "form" || field_step_of(error_.field) != step_)
        return;
    if (step_ == FieldStep::signature) {
        // The strokes become the form's SVG only at Next: until then, a
        // signature that would pass (a line, not a dot) is enough.
        if (!pad_.empty() && signature_svg(pad_.strokes(), pad_.size().x, pad_.size().y))
            error_.clear();
        return;
    }
    Result<void> r = check_field_step(form_, step_);
    if (r || r.error().field != error_.field)
        error_.clear();
    else
        error_.message = r.error().message;
}

void FieldModeScreen::go_to_error(const Error& e)
{
    step_ = field_step_of(e.field);
    error_.field = step_ == FieldStep::summary ? "form" : e.field;
    error_.message = e.message;
}

void FieldModeScreen::confirm(AppState& app)
{
    auto done = sign_up_in_the_field(*app.store, form_, app.operator_name);
    if (!done) {
        go_to_error(done.error());
        return;
    }
    const std::string name = form_.existing_member_id.empty()
                                 ? std::string(trim_spaces(form_.first_name + " " + form_.last_name))
                                 : picked_.display_name;
    char message[256];
    std::snprintf(message, sizeof message, tr("%s is signed up (mandate %s)."), name.c_str(), done->rum.c_str());
    done_message_ = message;
    app.notice = message;
    start_new();
    day_view_ = true;
}

} // namespace obole::ui
