// The model both consumers read: two years, one line, EUR 225,000.50.
#pragma once

namespace consumer {

inline constexpr const char* kModel = R"(format: allot/1
title: Consumer check
currency: EUR
years: [2024, 2025]
objectives:
  - id: reach
    name: Reach
weights:
  equal: {reach: 1}
lines:
  - id: campaign
    name: Campaign
    budget: {2024: 100000, 2025: 125000.50}
    illustrative: true
    effects:
      reach: {curve: saturating, max: 40, half: 100000}
)";

}  // namespace consumer
