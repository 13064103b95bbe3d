#include "cli/inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <system_error>

#include "allot/resolve.hpp"

namespace allot::cli {

namespace fs = std::filesystem;

namespace {

bool IsYamlFile(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

bool IsIdText(const std::string& arg) {
  return !arg.empty() && std::all_of(arg.begin(), arg.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-';
  });
}

// The files a path argument stands for: itself, or a directory's YAML files.
bool Expand(const std::string& arg, std::vector<std::string>& files, std::string& usage_error) {
  std::error_code ec;
  if (!fs::is_directory(arg, ec)) {
    files.push_back(arg);  // a missing file is reported by the loader
    return true;
  }
  std::vector<std::string> found;
  for (const fs::directory_entry& entry : fs::directory_iterator(arg, ec)) {
    if (entry.is_regular_file(ec) && IsYamlFile(entry.path()))
      found.push_back(entry.path().string());
  }
  if (ec) {
    usage_error = "cannot read directory '" + arg + "': " + ec.message();
    return false;
  }
  if (found.empty()) {
    usage_error = "directory '" + arg + "' has no .yaml files";
    return false;
  }
  std::sort(found.begin(), found.end());
  files.insert(files.end(), found.begin(), found.end());
  return true;
}

std::optional<std::string> ShippedDataDir(const CliContext& context) {
  for (const std::string& dir : context.data_dirs) {
    std::error_code ec;
    if (fs::is_directory(fs::path(dir) / "model", ec)) return dir;
  }
  return std::nullopt;
}

std::string Prefix(const std::string& dir) { return dir == "." ? "" : dir + "/"; }

// The same file named two ways ("scenarios/a.yaml", "./scenarios/a.yaml").
bool SameFile(const std::string& a, const std::string& b) {
  std::error_code ec;
  return a == b || fs::equivalent(a, b, ec);
}

// Loads `files`: the model into inputs.model, scenarios appended to `out`
// with the file each came from.
bool LoadFiles(const std::vector<std::string>& files, const LoadLimits& limits, Inputs& inputs,
               std::vector<std::pair<Scenario, std::string>>& out, Diagnostics& diags,
               std::string& usage_error) {
  for (const std::string& file : files) {
    std::optional<LoadedFile> loaded = LoadFile(file, diags, limits);
    if (!loaded) continue;
    if (loaded->kind() == FileKind::kScenario) {
      out.emplace_back(std::get<Scenario>(std::move(loaded->content)), file);
    } else if (inputs.model) {
      usage_error = "more than one model: '" + inputs.model_file + "' and '" + file +
                    "' (give one model and any number of scenarios)";
      return false;
    } else {
      inputs.model = std::get<Model>(std::move(loaded->content));
      inputs.model_file = file;
    }
  }
  return true;
}

// The shipped model, for scenarios given without one.
bool LoadShippedModel(const CliContext& context, const LoadLimits& limits, Inputs& inputs,
                      Diagnostics& diags, std::string& usage_error) {
  std::optional<std::string> dir = ShippedDataDir(context);
  if (!dir) {
    usage_error = "no model among the files given, and no shipped model found";
    return false;
  }
  std::vector<std::string> model_files;
  if (!Expand((fs::path(*dir) / "model").string(), model_files, usage_error)) return false;
  for (const std::string& file : model_files) {
    std::optional<LoadedFile> loaded = LoadFile(file, diags, limits);
    if (loaded && loaded->kind() == FileKind::kModel && !inputs.model) {
      inputs.model = std::get<Model>(std::move(loaded->content));
      inputs.model_file = file;
      inputs.files.push_back(file);
    }
  }
  return true;
}

// Where scenario ids are looked up besides the files given: the scenarios/
// directory beside the model's own directory (model/x.yaml ->
// scenarios/), or the shipped scenarios/ for the shipped model.
std::optional<std::string> ScenarioDirFor(const Inputs& inputs, bool shipped_model,
                                          const CliContext& context) {
  std::error_code ec;
  fs::path dir;
  if (shipped_model) {
    std::optional<std::string> data = ShippedDataDir(context);
    if (!data) return std::nullopt;
    dir = fs::path(Prefix(*data) + "scenarios");
  } else {
    fs::path model_dir = fs::path(inputs.model_file).parent_path();
    dir = (model_dir.empty() ? fs::path("..") : model_dir.parent_path()) / "scenarios";
    if (model_dir.empty()) dir = fs::path("scenarios");
  }
  if (!fs::is_directory(dir, ec)) return std::nullopt;
  return dir.lexically_normal().string();
}

// Scenario files loaded for their ids, in two tiers: the files given
// first, then the scenario directory.
struct Pool {
  std::vector<std::pair<Scenario, std::string>> given;
  std::vector<std::pair<Scenario, std::string>> directory;
};

// The scenario `id` in the pool: from the files given if any has it, else
// from the directory. Sets `problem` when none or two files have it.
const std::pair<Scenario, std::string>* Find(const Pool& pool, const std::string& id,
                                             std::string& problem) {
  for (const auto* tier : {&pool.given, &pool.directory}) {
    std::vector<const std::pair<Scenario, std::string>*> found;
    for (const auto& entry : *tier) {
      if (entry.first.id != id) continue;
      bool seen = std::any_of(found.begin(), found.end(),
                              [&](const auto* f) { return SameFile(f->second, entry.second); });
      if (!seen) found.push_back(&entry);
    }
    if (found.size() > 1) {
      problem = "scenario id '" + id + "' is ambiguous: it is in '" + found[0]->second +
                "' and in '" + found[1]->second + "'; name the file instead";
      return nullptr;
    }
    if (found.size() == 1) return found[0];
  }
  std::vector<std::string> ids;
  for (const auto* tier : {&pool.given, &pool.directory}) {
    for (const auto& entry : *tier) ids.push_back(entry.first.id);
  }
  std::sort(ids.begin(), ids.end());
  problem =
      "'" + id + "' is neither a file nor a known scenario id" + DidYouMean(ClosestMatch(id, ids));
  return nullptr;
}

// Adds `entry` and, through `base:`, the scenarios it needs from the pool,
// each once.
void Take(const Pool& pool, const std::pair<Scenario, std::string>& entry, Inputs& inputs,
          std::set<std::string>& taken) {
  const std::pair<Scenario, std::string>* next = &entry;
  while (next != nullptr && taken.insert(next->first.id).second) {
    inputs.scenarios.push_back(next->first);
    if (std::none_of(inputs.files.begin(), inputs.files.end(),
                     [&](const std::string& f) { return SameFile(f, next->second); })) {
      inputs.files.push_back(next->second);
    }
    if (!next->first.base) break;
    std::string ignored;  // an unknown base is reported by the resolver
    next = Find(pool, *next->first.base, ignored);
  }
}

}  // namespace

// An argument is a path when it exists, or looks like one (a '/', a YAML
// extension); otherwise, when it could be one, a scenario id. So paths work
// as before, and `versterkt-2024` names the scenario unless a file or
// directory of that name is present.
bool NamesScenarioById(const std::string& arg) {
  std::error_code ec;
  if (fs::exists(arg, ec) || arg.find('/') != std::string::npos) return false;
  return IsIdText(arg) && !IsYamlFile(arg) && arg != "." && arg != "..";
}

bool LoadInputs(const std::vector<std::string>& args, const CliContext& context,
                const LoadLimits& limits, Inputs& inputs, Diagnostics& diags,
                std::string& usage_error) {
  std::vector<std::string> paths;
  std::vector<std::string> order;  // every argument: a path, or "\1id" for an id
  for (const std::string& arg : args) {
    if (NamesScenarioById(arg)) {
      order.push_back("\1" + arg);
    } else {
      paths.push_back(arg);
      order.push_back(arg);
    }
  }
  bool ids = paths.size() != args.size();
  if (args.empty()) {
    std::optional<std::string> dir = ShippedDataDir(context);
    if (!dir) {
      usage_error =
          "no files given and no shipped model found (looked for model/ in the "
          "current directory and the installed share/allot)";
      return false;
    }
    paths = {Prefix(*dir) + "model"};
    std::error_code ec;
    if (fs::is_directory(Prefix(*dir) + "scenarios", ec))
      paths.push_back(Prefix(*dir) + "scenarios");
  }
  std::vector<std::string> files;
  std::vector<size_t> files_of_path;  // how many files each path stood for
  for (const std::string& path : paths) {
    size_t before = files.size();
    if (!Expand(path, files, usage_error)) return false;
    files_of_path.push_back(files.size() - before);
  }
  // One of the files may be the model; checked before reading any of them.
  if (files.size() > static_cast<size_t>(limits.max_scenarios) + 1) {
    usage_error = "too many files: " + std::to_string(files.size()) + " (limit " +
                  std::to_string(limits.max_scenarios) + " scenarios and a model; raise with " +
                  "--max-scenarios)";
    return false;
  }
  inputs.files = files;
  Pool pool;
  if (!LoadFiles(files, limits, inputs, pool.given, diags, usage_error)) return false;
  bool shipped_model = !inputs.model;
  if (shipped_model && diags.empty()) {
    if (!LoadShippedModel(context, limits, inputs, diags, usage_error)) return false;
  }
  if (!ids) {
    for (auto& entry : pool.given) inputs.scenarios.push_back(std::move(entry.first));
    return true;
  }
  if (!inputs.model) return true;  // its errors are reported; ids cannot be looked up
  if (std::optional<std::string> dir = ScenarioDirFor(inputs, shipped_model, context)) {
    std::vector<std::string> dir_files;
    std::string ignored;
    Expand(*dir, dir_files, ignored);
    Diagnostics unused;  // scenario files that do not load cannot be meant by an id
    Inputs no_model;
    no_model.model = Model();  // a second model in the directory is not an error here
    LoadFiles(dir_files, limits, no_model, pool.directory, unused, ignored);
  }
  // The scenarios shown: those given, by path or id, in the order given.
  std::set<std::string> taken;
  std::vector<std::string> problems;
  size_t path_index = 0, file_index = 0;
  for (const std::string& arg : order) {
    if (arg[0] != '\1') {
      size_t n = files_of_path[path_index++];
      for (size_t f = file_index; f < file_index + n; ++f) {
        for (const auto& entry : pool.given) {
          if (entry.second != files[f]) continue;
          inputs.shown.push_back(entry.first.id);
          Take(pool, entry, inputs, taken);
        }
      }
      file_index += n;
      continue;
    }
    std::string id = arg.substr(1), problem;
    if (id == kModelScenarioId) continue;  // always shown
    if (const auto* entry = Find(pool, id, problem)) {
      inputs.shown.push_back(id);
      Take(pool, *entry, inputs, taken);
    } else {
      problems.push_back(problem);
    }
  }
  for (size_t i = 0; i < problems.size(); ++i) {
    usage_error += (i == 0 ? "" : "; ") + problems[i];
  }
  return problems.empty();
}

}  // namespace allot::cli
