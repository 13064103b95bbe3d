// The options of the commands that compare scenarios A and B under exactly
// one weight set, what-it-takes and tornado (internal to src/cli/).
#pragma once

#include <string>
#include <vector>

#include "cli/command.hpp"

namespace allot::cli {

class PairCommand : public Command {
 public:
  explicit PairCommand(const char* weights_help) : weights_help_(weights_help) {}

  void Options(OptionList& options) override {
    options.Add()("weights,w", po::value<std::string>(&weights_), weights_help_);
    options.Results(kLangHelp);
    options.Files("A, B, then model and scenario files");
  }

  void Check(const po::variables_map&, std::vector<std::string>& problems) override {
    if (weights_.empty() || weights_.find(',') != std::string::npos)
      problems.push_back("--weights must name exactly one weight set");
  }

 protected:
  std::string weights_;

 private:
  const char* weights_help_;
};

}  // namespace allot::cli
