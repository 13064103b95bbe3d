#include "render/motion_text.hpp"

#include "render/catalogue.hpp"

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

}  // namespace allot::detail
