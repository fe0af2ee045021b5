// Order dates as sales exports write them. Only the calendar day is kept: recency is counted
// in whole days, so the time of day (validated, then dropped) never shifts a customer's score.
#pragma once

#include <optional>
#include <string_view>

#include "tierlens/civil_date.h"

namespace tierlens {

/// What a date cell may look like; quoted verbatim in skipped-row messages.
inline constexpr const char* kAcceptedDateFormats =
    "YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] or M/D/YYYY H:MM[:SS]";

/// Parses `YYYY-MM-DD[( |T)HH:MM[:SS[.fff]]]` or `M/D/YYYY[ H:MM[:SS]]` (US order, as in the
/// UCI Online Retail export). Surrounding spaces are ignored. Nothing else is accepted, and
/// impossible dates such as 2023-02-29 or 13/1/2024 are refused rather than rolled over.
std::optional<DayNumber> parse_order_date(std::string_view text);

}  // namespace tierlens
