// The workbench behind `allot serve`: requests in, allot's own results out
// (allot/workbench.hpp).
#include "allot/workbench.hpp"

#include <algorithm>

#include "allot/compare.hpp"
#include "allot/draft.hpp"
#include "allot/load.hpp"
#include "allot/provenance_summary.hpp"
#include "allot/report.hpp"
#include "allot/resolve.hpp"
#include "allot/sensitivity.hpp"
#include "allot/write_scenario.hpp"
#include "core/finite_output.hpp"
#include "render/number.hpp"
#include "render/text.hpp"
#include "workbench/request.hpp"
#include "workbench/resolve_draft.hpp"
#include "workbench/view.hpp"

namespace allot {

using detail::BadRequest;
using detail::Json;

// What a Workbench holds: its inputs, never changed after construction.
struct detail::WorkbenchState {
  Model model;
  std::vector<Scenario> scenarios;
  WorkbenchOptions options;
  // The model and the loaded scenarios, resolved once: each request
  // resolves only its draft (and the draft's bases). Points into the two
  // members above, which never change.
  std::vector<ResolvedScenario> resolved;
};

namespace {

// The set with the draft: the model and every loaded scenario as resolved
// once, then the draft, compared against `baseline`.
struct DraftSet {
  std::unique_ptr<detail::ResolvedDraft> draft;  // what the draft's lines point into
  std::vector<ResolvedScenario> resolved;        // the model first, the draft last
  CompareResult result;
};

std::unique_ptr<DraftSet> Compared(const detail::WorkbenchState& state, const Scenario& draft,
                                   const std::string& baseline) {
  auto set = std::make_unique<DraftSet>();
  Diagnostics diags;
  set->draft = detail::ResolveDraft(state.model, state.scenarios, draft, diags);
  std::optional<CompareResult> result;
  if (set->draft) {
    set->resolved = state.resolved;
    set->resolved.push_back(set->draft->draft());
    result = Compare(state.model, set->resolved, CompareOptions{{}, baseline}, diags);
  }
  // The draft was checked and the baseline is known: failing here is a bug.
  if (!result) throw std::logic_error("the draft set does not compare: " + diags.front().message);
  set->result = std::move(*result);
  return set;
}

// The scenarios of a draft set, for the report: the loaded ones, then the draft.
std::vector<Scenario> WithDraft(const detail::WorkbenchState& state, const DraftSet& set) {
  std::vector<Scenario> scenarios = state.scenarios;
  scenarios.push_back(set.draft->chain.back());
  return scenarios;
}

// SMAA of the set under uniform random weights, effects at their likely
// values: the same figures for the same draft on every run.
SmaaResult ProbabilityBest(const detail::WorkbenchState& state,
                           const std::vector<ResolvedScenario>& resolved) {
  uint64_t n = state.options.smaa_samples;
  std::unique_ptr<SmaaPlan> plan =
      CompileSmaa(state.model, resolved,
                  SmaaOptions{WeightSpec{}, EffectsMode::kFixed, state.options.smaa_seed});
  SmaaRun run;
  run.samples = n;
  return RunSmaa(*plan, run);
}

std::string Messages(const Diagnostics& diags) {
  std::string text;
  for (const Diagnostic& d : diags) text += FormatDiagnostic(d);
  return text;
}

Json MessageList(const Diagnostics& diags) {
  Json list = Json::array();
  for (const Diagnostic& d : diags) {
    std::string text = FormatDiagnostic(d);
    while (!text.empty() && text.back() == '\n') text.pop_back();
    list.push_back(text);
  }
  return list;
}

bool Known(const detail::WorkbenchState& state, const std::string& id) {
  return id == kModelScenarioId || std::any_of(state.scenarios.begin(), state.scenarios.end(),
                                               [&](const Scenario& s) { return s.id == id; });
}

// The draft a request carries: "draft" (the YAML text of its file), read
// back and checked as a file, or a new one from "new_from".
Scenario ReadDraft(const detail::WorkbenchState& state, const Json& request) {
  Diagnostics diags;
  if (!request.contains("draft")) {
    std::string base = detail::StringField(request, "new_from", std::string(kModelScenarioId));
    if (!Known(state, base)) throw BadRequest("\"new_from\": no scenario '" + base + "'");
    return NewDraft(base, state.scenarios);
  }
  std::string text = detail::StringField(request, "draft");
  std::optional<Scenario> draft = LoadScenario(text, "draft.yaml", diags);
  if (draft) draft = CheckDraft(state.model, state.scenarios, *draft, diags);
  if (!draft) throw BadRequest("the draft is not a valid scenario:\n" + Messages(diags));
  return *draft;
}

std::string Baseline(const detail::WorkbenchState& state, const Json& request) {
  std::string id = detail::StringField(request, "baseline", std::string(kModelScenarioId));
  if (!Known(state, id)) throw BadRequest("\"baseline\": no scenario '" + id + "'");
  return id;
}

// Runs `handle`, turning a BadRequest into a 400 reply and refusing to show
// a non-finite number (a bug: detail::NonFiniteOutput) as a result.
template <typename Handle>
WorkbenchReply Reply(Handle handle) {
  try {
    Json body = handle();
    return WorkbenchReply{
        200, detail::CheckedJson(body).dump(-1, ' ', false, Json::error_handler_t::replace)};
  } catch (const BadRequest& e) {
    return WorkbenchReply{
        400, Json{{"error", e.what()}}.dump(-1, ' ', false, Json::error_handler_t::replace)};
  }
}

}  // namespace

Workbench::Workbench(Model model, std::vector<Scenario> scenarios, WorkbenchOptions options) {
  auto state = std::make_unique<detail::WorkbenchState>(
      detail::WorkbenchState{std::move(model), std::move(scenarios), options, {}});
  Diagnostics diags;
  state->resolved = ResolveScenarios(state->model, state->scenarios, diags);
  if (!diags.empty()) {
    throw std::invalid_argument("Workbench: the scenarios do not resolve: " +
                                diags.front().message);
  }
  state_ = std::move(state);
}

Workbench::~Workbench() = default;

WorkbenchReply Workbench::Describe(const std::string& request) const {
  return Reply([&] {
    detail::ParseRequest(request);
    return detail::DescribeView(state_->model, state_->scenarios);
  });
}

WorkbenchReply Workbench::Evaluate(const std::string& request) const {
  return Reply([&] {
    Json r = detail::ParseRequest(request);
    Lang lang = detail::LangField(r);
    std::string baseline = Baseline(*state_, r);
    detail::LineSelection lines = detail::LinesField(r);
    Scenario draft = ReadDraft(*state_, r);
    Json refused = nullptr;
    if (r.contains("edit")) {
      Diagnostics diags;
      std::optional<DraftEdit> edit = detail::ParseEdit(r["edit"], diags);
      std::optional<Scenario> next;
      if (edit) next = ApplyEdit(state_->model, state_->scenarios, draft, *edit, diags);
      if (next) draft = std::move(*next);
      if (!diags.empty()) refused = {{"messages", MessageList(diags)}};
    }
    std::unique_ptr<DraftSet> set = Compared(*state_, draft, baseline);
    return Json{{"draft", detail::DraftJson(draft, WriteScenarioYaml(draft))},
                {"refused", refused},
                {"view", detail::CompareView(state_->model, set->result, set->resolved, draft.id,
                                             lines, lang)}};
  });
}

WorkbenchReply Workbench::Smaa(const std::string& request) const {
  return Reply([&] {
    Json r = detail::ParseRequest(request);
    Lang lang = detail::LangField(r);
    Scenario draft = ReadDraft(*state_, r);
    std::unique_ptr<DraftSet> set = Compared(*state_, draft, kModelScenarioId);
    uint64_t n = state_->options.smaa_samples;
    SmaaResult result = ProbabilityBest(*state_, set->resolved);
    Json list = Json::array();
    for (const SmaaScenarioResult& s : result.scenarios) {
      double p = s.rank_acceptability[0];
      // Whole percents: with a few thousand samples the next digit is noise.
      std::string text = p > 0 && p < 0.005 ? "<1%" : detail::Decimal(100 * p, 0, lang) + "%";
      list.push_back({{"id", s.id},
                      {"name", s.name},
                      {"draft", s.id == draft.id},
                      {"p_best", detail::Rounded(p, 6)},
                      {"text", text}});
    }
    return Json{{"samples", n},
                {"seed", state_->options.smaa_seed},
                {"half_width_text", detail::Decimal(100 * result.max_half_width(), 1, lang)},
                {"scenarios", list}};
  });
}

WorkbenchReply Workbench::Report(const std::string& request, std::string& html) const {
  return Reply([&] {
    Json r = detail::ParseRequest(request);
    Lang lang = detail::LangField(r);
    std::string baseline = Baseline(*state_, r);
    Scenario draft = ReadDraft(*state_, r);
    std::unique_ptr<DraftSet> set = Compared(*state_, draft, baseline);
    ReportOptions options;
    options.lang = lang;
    options.sensitivity = ProbabilityBest(*state_, set->resolved);
    // The one line every output carries (docs/output.md), over the draft too.
    options.rests_on = CountProvenance(state_->model, set->resolved);
    html = RenderReportHtml(set->result, state_->model, WithDraft(*state_, *set), options);
    return Json{{"ok", true}};
  });
}

WorkbenchReply Workbench::Save(const std::string& request, DraftFile& file) const {
  return Reply([&] {
    Json r = detail::ParseRequest(request);
    Scenario draft = ReadDraft(*state_, r);
    file.file = detail::StringField(r, "file", DraftFileName(draft));
    file.overwrite =
        r.contains("overwrite") && r["overwrite"].is_boolean() && r["overwrite"].get<bool>();
    std::string base = draft.base.value_or(kModelScenarioId);
    file.yaml = WriteScenarioYaml(
        draft, {"A what-if scenario written with allot serve: changes against " +
                (draft.base ? "scenario '" + base + "'" : std::string("the model")) + "."});
    return Json{{"file", file.file}, {"id", draft.id}};
  });
}

}  // namespace allot
