#include "cli/inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace allot::cli {

namespace fs = std::filesystem;

namespace {

bool IsYamlFile(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
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

}  // namespace

bool LoadInputs(const std::vector<std::string>& args, const CliContext& context,
                const LoadLimits& limits, Inputs& inputs, Diagnostics& diags,
                std::string& usage_error) {
  std::vector<std::string> paths = args;
  if (paths.empty()) {
    std::optional<std::string> dir = ShippedDataDir(context);
    if (!dir) {
      usage_error =
          "no files given and no shipped model found (looked for model/ in the "
          "current directory and the installed share/allot)";
      return false;
    }
    std::string prefix = *dir == "." ? "" : *dir + "/";
    paths = {prefix + "model"};
    std::error_code ec;
    if (fs::is_directory(prefix + "scenarios", ec)) paths.push_back(prefix + "scenarios");
  }
  for (const std::string& path : paths) {
    if (!Expand(path, inputs.files, usage_error)) return false;
  }
  // One of the files may be the model; checked before reading any of them.
  if (inputs.files.size() > static_cast<size_t>(limits.max_scenarios) + 1) {
    usage_error = "too many files: " + std::to_string(inputs.files.size()) + " (limit " +
                  std::to_string(limits.max_scenarios) + " scenarios and a model; raise with " +
                  "--max-scenarios)";
    return false;
  }
  for (const std::string& file : inputs.files) {
    std::optional<LoadedFile> loaded = LoadFile(file, diags, limits);
    if (!loaded) continue;
    if (loaded->kind() == FileKind::kScenario) {
      inputs.scenarios.push_back(std::get<Scenario>(std::move(loaded->content)));
    } else if (inputs.model) {
      usage_error = "more than one model: '" + inputs.model_file + "' and '" + file +
                    "' (give one model and any number of scenarios)";
      return false;
    } else {
      inputs.model = std::get<Model>(std::move(loaded->content));
      inputs.model_file = file;
    }
  }
  if (inputs.model || !diags.empty()) return true;
  // Scenarios alone are read against the shipped model.
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

}  // namespace allot::cli
