// allot serve: the what-if workbench in a browser (docs/serve.md).
#include <csignal>
#include <memory>

#include "allot/workbench.hpp"
#include "cli/command.hpp"
#include "cli/commands.hpp"
#include "serve/guard.hpp"
#include "serve/save_dir.hpp"
#include "serve/server.hpp"

namespace allot::cli {

namespace {

constexpr const char* kServeHelp = R"(Usage: allot serve [MODEL] [SCENARIO...] [options]

Starts a what-if workbench for the model in your browser: a local web page
on which you pick a baseline and a scenario to start from, change the money
per line and year (inputs and sliders, or move money between lines,
optionally budget-neutral), add or drop a line, and see at once what allot
compare computes for it: each objective's score, the weighted score and rank
under every weight set, the motions funded, the change against the
baseline, and what each figure rests on (sourced, reported, assumed,
judgement). After a pause the page also shows how often each scenario is
best under uniform random weights (SMAA).
You can save the scenario as an allot/1 file of changes against its base
(into --dir only, never over an existing file unless you confirm), download
it, and open the HTML report of the whole set. English and Dutch.

MODEL and SCENARIO are allot/1 files or directories, as for allot compare;
with none, the shipped model/ and scenarios/. Saved files are scenarios:
check them with 'allot check' and compare them with 'allot compare MODEL
SCENARIOS FILE' (a scenario based on another needs that one loaded too).

The server prints its address and runs until Ctrl+C. It listens on
127.0.0.1 (this machine only) and answers only requests addressed to it by
its own name and sent by its own page: other web sites cannot use it, even
though your browser can reach it. There is no login: --bind to any other
address lets everyone who can reach that address read the model and write
files into --dir, and prints a warning.

Examples:
  allot serve
  allot serve model/ scenarios/ --dir my-scenarios --port 8800
  allot serve --port 0              # any free port; the address says which

)";

// Ctrl+C and SIGTERM stop the server; Run then returns and the command
// ends normally. The handler only calls Server::Stop, which closes the
// listening socket.
serve::Server* volatile g_running = nullptr;

extern "C" void StopOnSignal(int) {
  if (g_running != nullptr) g_running->Stop();
}

void Serve(serve::Server& server) {
  g_running = &server;
  auto old_int = std::signal(SIGINT, StopOnSignal);
  auto old_term = std::signal(SIGTERM, StopOnSignal);
  // A browser that closes a connection mid-answer must not end the server.
  auto old_pipe = std::signal(SIGPIPE, SIG_IGN);
  server.Run();
  std::signal(SIGINT, old_int);
  std::signal(SIGTERM, old_term);
  std::signal(SIGPIPE, old_pipe);
  g_running = nullptr;
}

bool IsWildcard(const std::string& address) {
  return address == "0.0.0.0" || address == "::" || address == "[::]";
}

std::string Bracketed(const std::string& host) {
  return host.find(':') != std::string::npos && host[0] != '[' ? "[" + host + "]" : host;
}

class ServeCommand final : public Command {
 public:
  bool ShowsFigures() const override { return false; }
  void Options(OptionList& options) override {
    options.Add()("port,p", po::value<int>(&port_)->default_value(port_),
                  "the port to listen on; 0 takes any free port")(
        "dir,d", po::value<std::string>(&dir_)->default_value(dir_),
        "the existing directory that saved scenarios go into; nothing is written elsewhere")(
        "bind", po::value<std::string>(&bind_)->default_value(bind_),
        "the address to listen on; anything but this machine's loopback address makes the "
        "workbench reachable from other machines, without login (a warning is printed)")(
        "allow-host", po::value<std::vector<std::string>>(&allow_hosts_),
        "a further host name the server answers to (repeatable), e.g. the machine's name when "
        "--bind makes it reachable by that name")(
        "max-rate", po::value<double>(&max_rate_)->default_value(max_rate_),
        "requests a second per client (bursts of twice that); 0 = no limit")(
        "max-body", po::value<size_t>(&max_body_)->default_value(max_body_),
        "the largest request body, in bytes")(
        "smaa-samples", po::value<uint64_t>(&smaa_samples_)->default_value(smaa_samples_),
        "samples of the 'probability best' summary (1 to 1000000)");
    options.Files("model and scenario files or directories");
  }

  void Check(const po::variables_map&, std::vector<std::string>& problems) override {
    if (port_ < 0 || port_ > 65535) problems.push_back("--port must be from 0 to 65535");
    if (!(max_rate_ >= 0 && max_rate_ <= 1e6)) {
      problems.push_back("--max-rate must be from 0 (no limit) to 1000000");
    }
    if (max_body_ < 1024 || max_body_ > (size_t{1} << 30)) {
      problems.push_back("--max-body must be from 1024 to 1073741824 bytes");
    }
    if (smaa_samples_ < 1 || smaa_samples_ > 1'000'000) {
      problems.push_back("--smaa-samples must be from 1 to 1000000");
    }
    if (bind_.empty()) problems.push_back("--bind needs an address");
  }

  int Run(Session& s) override {
    std::string error;
    std::unique_ptr<serve::SaveDir> dir = serve::SaveDir::Open(dir_, error);
    if (!dir) return s.UsageError(error);
    const Inputs& inputs = s.inputs();
    Workbench bench(*inputs.model, inputs.scenarios, WorkbenchOptions{smaa_samples_, 1});
    serve::Server server(bench, *dir,
                         serve::ServeOptions{bind_, port_, HostNames(), max_rate_, max_body_});
    int port = server.Bind(error);
    if (port < 0) return s.Error(error);
    if (!serve::IsLoopback(bind_)) {
      s.err() << "allot serve: warning: listening on " << bind_
              << ", not only on this machine: anyone who can reach it can use the workbench and "
                 "write files into "
              << dir->path() << ", without login\n";
    }
    size_t scenarios = inputs.scenarios.size();
    std::string host = IsWildcard(bind_) ? "127.0.0.1" : Bracketed(bind_);
    std::string banner = "allot serve: http://" + host + ":" + std::to_string(port) + "/\n" +
                         "  model: " + inputs.model_file + ", " + std::to_string(scenarios) +
                         " scenario" + (scenarios == 1 ? "" : "s") + "\n" +
                         "  saving into: " + dir->path() + "\n" +
                         "Open the address in a browser; stop with Ctrl+C.\n";
    if (!s.WriteNow(banner)) return kExitFailure;
    Serve(server);
    s.text() << "allot serve: stopped\n";
    return kExitSuccess;
  }

 private:
  // The host names the server answers to: its loopback names, the address
  // it listens on (unless that is every address), and --allow-host.
  std::vector<std::string> HostNames() const {
    std::vector<std::string> names = {"127.0.0.1", "localhost", "[::1]"};
    if (!IsWildcard(bind_) && !serve::IsLoopback(bind_)) names.push_back(Bracketed(bind_));
    names.insert(names.end(), allow_hosts_.begin(), allow_hosts_.end());
    return names;
  }

  int port_ = 8080;
  std::string dir_ = ".";
  std::string bind_ = "127.0.0.1";
  std::vector<std::string> allow_hosts_;
  double max_rate_ = 50;
  size_t max_body_ = size_t{1024} * 1024;
  uint64_t smaa_samples_ = 4000;
};

}  // namespace

int RunServe(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context) {
  ServeCommand command;
  return RunCommand("serve", kServeHelp, Reads::kModelAndScenarios, command, args, out, err,
                    context);
}

}  // namespace allot::cli
