#include "render/motion_text.hpp"

#include "render/catalogue.hpp"
#include "render/marks.hpp"
#include "render/text.hpp"

namespace allot::detail {

std::string MotionReference(const Motion& motion, Lang lang) {
  if (!motion.verified || *motion.verified) return motion.ref;
  return Say(Key::kMotionUnverified, lang, {motion.ref});
}

std::string MotionStatusText(MotionStatus status, Lang lang) {
  switch (status) {
    case MotionStatus::kAdopted:
      return Say(Key::kMotionAdopted, lang);
    case MotionStatus::kRejected:
      return Say(Key::kMotionRejected, lang);
    case MotionStatus::kPromised:
      return Say(Key::kMotionPromised, lang);
    case MotionStatus::kInBill:
      return Say(Key::kMotionInBill, lang);
    case MotionStatus::kInLaw:
      return Say(Key::kMotionInLaw, lang);
    case MotionStatus::kUnstated:
      return "";
  }
  return "";
}

std::string MotionIdWithStatus(const Motion& motion, Lang lang) {
  std::string status = MotionStatusText(motion.status, lang);
  return status.empty() ? motion.id : Say(Key::kWithAside, lang, {motion.id, status});
}

std::string MotionStatusNote(const Motion& motion, Lang lang) {
  std::string status = MotionStatusText(motion.status, lang);
  if (status.empty()) return "";
  const std::string& note = motion.StatusNote(lang);
  return (note.empty() ? Say(Key::kMotionStatus, lang, {status})
                       : Say(Key::kMotionStatusWithNote, lang, {status, note})) +
         " ";
}

std::string MotionLegend(const Motion& motion, Lang lang) {
  std::string line = motion.id + ": " + MotionReference(motion, lang);
  const std::string& asks = motion.Asks(lang);
  if (!asks.empty()) line += " - " + asks;
  std::string status = MotionStatusNote(motion, lang);
  if (!status.empty()) line += " " + status.substr(0, status.size() - 1);
  return line;
}

std::string MarkedUnfunded(const CompareResult& r, const ScenarioResult& s, Lang lang,
                           std::vector<ProvenanceLevel>& shown) {
  if (r.motions.empty()) return Say(Key::kNone, lang);
  std::vector<std::string> unfunded;
  // "all funded" rests on every motion's funding.
  ProvenanceLevel all = ProvenanceLevel::kSourced;
  for (size_t m = 0; m < r.motions.size(); ++m) {
    ProvenanceLevel level = s.basis.motions_funded[m];
    all = WeakerLevel(all, level);
    if (s.motions_funded[m]) continue;
    unfunded.push_back(Marked(MotionIdWithStatus(r.motions[m], lang), level));
    shown.push_back(level);
  }
  if (!unfunded.empty()) return Joined(unfunded);
  shown.push_back(all);
  return Marked(Say(Key::kCompareAllFunded, lang), all);
}

}  // namespace allot::detail
