// The marks of the workbench's figures (internal to src/workbench/;
// docs/serve.md, "What the figures rest on"): each figure's level, named as
// in `allot compare --format json`'s "basis", with the mark `allot compare`
// prints for it (render/marks.hpp), and the legend of the marks a view uses.
#pragma once

#include <string>
#include <vector>

#include "allot/provenance.hpp"
#include "render/json_output.hpp"

namespace allot::detail {

class ViewMarks {
 public:
  // Adds `<prefix>basis` ("assumed") and `<prefix>mark` ("~") to `figure`
  // and counts the level as shown.
  void Put(Json& figure, ProvenanceLevel level, const std::string& prefix = "");
  // Counts `level` as shown without putting it anywhere: the figures of
  // lines a partial view does not send are still on the page.
  void Note(ProvenanceLevel level);
  // {"text": the legend in `lang` ("" when no figure has a mark), "used":
  // [{"mark", "basis", "text"}] for each mark shown, in legend order}.
  Json Legend(Lang lang) const;

 private:
  std::vector<ProvenanceLevel> shown_;  // each level once
};

}  // namespace allot::detail
