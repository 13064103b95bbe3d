// The what-if workbench behind `allot serve`: one model, its scenarios, and
// a JSON API over drafts (allot/draft.hpp) that the page calls. Every
// number it returns comes from allot's own resolve, compare, sensitivity
// and report code, formatted by allot's own formatters in the language
// asked for; the page only lays it out (docs/serve.md, "API").
//
// Requests and replies are JSON text. A draft travels as the YAML text of
// its scenario file: each request reads it back with LoadScenario, so what
// the page shows is always what the saved file gives. The Workbench does no
// I/O; it is immutable after construction, so its methods may be called
// from many threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "allot/model.hpp"
#include "allot/scenario.hpp"

namespace allot {

namespace detail {
struct WorkbenchState;  // the model and scenarios a Workbench holds (src/workbench/)
}  // namespace detail

// The settings of a workbench's computed summaries.
struct WorkbenchOptions {
  uint64_t smaa_samples = 4000;  // samples of the "probability best" summary
  uint64_t smaa_seed = 1;        // its seed: the same draft always gives the same figures
};

// A reply: an HTTP status and a JSON body. 200 with the result (or, for a
// refused edit, with the unchanged draft and the reasons), 400 for a request
// that is not what the API accepts (the body says why: {"error": "..."}).
struct WorkbenchReply {
  int status = 200;
  std::string body;
};

// What a save needs the caller to write, when the reply is 200.
struct DraftFile {
  std::string file;  // the file name asked for, as given (the caller checks it)
  bool overwrite = false;
  std::string yaml;  // the scenario file's text
};

// One model and its scenarios, answering the page's requests (the API at the
// top of this file).
class Workbench {
 public:
  // `model` and `scenarios` must resolve without error: the caller checks
  // them with ResolveScenarios first and reports any diagnostic (this
  // constructor throws std::invalid_argument otherwise).
  Workbench(Model model, std::vector<Scenario> scenarios, WorkbenchOptions options = {});
  ~Workbench();
  Workbench(const Workbench&) = delete;
  Workbench& operator=(const Workbench&) = delete;

  // {"lang"} -> the model's title, years, objectives, weight sets, motions
  // and the scenarios to start from.
  WorkbenchReply Describe(const std::string& request) const;

  // {"draft": YAML | "new_from": ID, "baseline": ID, "lang": "en"|"nl",
  //  "edit": {...}, "lines": "all" | [ID...]} -> the draft after the edit
  // and everything the page shows: scores, ranks, money, motions against
  // the baseline, and the lines asked for (all, or those a slider changed).
  WorkbenchReply Evaluate(const std::string& request) const;

  // {"draft", "lang"} -> how often each scenario of the set, the draft
  // included, is best under uniform random weights (SMAA).
  WorkbenchReply Smaa(const std::string& request) const;

  // {"draft", "baseline", "lang"} -> the HTML report (allot report) of the
  // set with the draft, in `html`; the body is {"ok": true}.
  WorkbenchReply Report(const std::string& request, std::string& html) const;

  // {"draft", "file", "overwrite"} -> the file to write, in `file`, after
  // checking the draft as `allot check` would.
  WorkbenchReply Save(const std::string& request, DraftFile& file) const;

 private:
  std::unique_ptr<const detail::WorkbenchState> state_;
};

}  // namespace allot
