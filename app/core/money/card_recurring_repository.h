// Recurring card (or PayPal) gifts. The payment provider holds the card: we
// keep only its last four digits and its expiry, never its number, so a
// field that looks like a full card number is refused, not trimmed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/calendar/frequency.h"
#include "core/result.h"

namespace obole {

class Store;

struct CardRecurring {
    std::string id, member_id, provider;
    int64_t amount_cents = 0;
    Frequency frequency = Frequency::monthly;
    std::string card_last4, card_expiry, start_date, end_date, status, operator_name, created_at;
};

struct NewCardRecurring {
    std::string member_id, provider = "card", amount_text, last4_text, expiry_text, start_date_text;
    Frequency frequency = Frequency::monthly;
};

class CardRecurringRepository {
public:
    explicit CardRecurringRepository(Store& store) : store_(store) {}

    // provider: "card" or "paypal" (card.bad_provider); amount_text: amount.*;
    // for a card, last4_text: exactly four digits (card.full_number when it
    // has more digits: a card number must never be stored; card.bad_last4,
    // field "last4") and expiry_text MM/YY, not past (card.bad_expiry,
    // card.expired, field "expiry"); for PayPal both stay empty.
    // start_date_text: empty means today, else a date (field "start_date").
    // member.not_found. One transaction with its journal row; returns the id.
    Result<std::string> add(const NewCardRecurring& gift, const std::string& operator_name);

    // "active", "suspended" or "ended" (card.bad_status); ended is final
    // (card.ended) and sets the end date to today. card.not_found.
    Result<void> set_status(const std::string& id, const std::string& status, const std::string& operator_name);

    // Newest start first.
    Result<std::vector<CardRecurring>> list_for_member(const std::string& member_id);

private:
    Store& store_;
};

} // namespace obole
