// How a motion is named in every output (internal): its reference with
// "(unverified)" where the file says so, its status beside whether money is
// set aside for it, and its text in the output's language.
#pragma once

#include <string>
#include <vector>

#include "allot/compare.hpp"
#include "allot/model.hpp"
#include "allot/money.hpp"

namespace allot::detail {

// "Kamerstuk 28638 nr. 129 (unverified)" / "(niet geverifieerd)" when the
// motion says verified: false, else the reference as written.
std::string MotionReference(const Motion& motion, Lang lang);

// The status in words ("in a bill" / "in een wetsvoorstel"), or "" when the
// file states none.
std::string MotionStatusText(MotionStatus status, Lang lang);

// "bikker-mutluer (in a bill)": the id with its status, for lists of
// unfunded motions, so that unfunded never reads as not done.
std::string MotionIdWithStatus(const Motion& motion, Lang lang);

// "Status: in a bill (NOTE). " for a note column, or "" without a status.
std::string MotionStatusNote(const Motion& motion, Lang lang);

// The motions `s` leaves unfunded, each with its status and the mark of
// what its funding rests on ("wiersma (adopted) ~, bikker-mutluer (in
// law) ^"); "all funded" with the mark of every motion's funding together;
// "none" when the model has no motions. The levels of the marks it shows
// are appended to `shown`, for the table's legend (render/marks.hpp).
std::string MarkedUnfunded(const CompareResult& r, const ScenarioResult& s, Lang lang,
                           std::vector<ProvenanceLevel>& shown);

// The legend line: "ID: REFERENCE - ASKS Status: STATUS (NOTE)." in `lang`.
std::string MotionLegend(const Motion& motion, Lang lang);

}  // namespace allot::detail
