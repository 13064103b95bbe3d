// Times the evaluate endpoint of `allot serve` over HTTP: requests per
// second and latency (p50, p99, max) of one change, against the real binary.
//
// Starts `allot serve --port 0 --max-rate 0` (no rate limit: the bench
// measures the server, not the limiter) on the given inputs, asks for a new
// draft, then sends POST /api/evaluate requests that each set the first
// line's amount in the first year (alternating between two amounts, so
// every request computes a change) from C client threads over keep-alive
// connections. Two kinds of request: `step` is what the page sends for a
// slider step (the reply lists only the changed line), `all` asks for every
// line (the page does so after edits that add, drop or move across lines).
// Prints one row per kind and client count; `cpu ms/req` is the server's
// user+system CPU time per request (from /proc), which a loaded machine
// disturbs less than the wall-clock columns.
//
//   allot_bench_serve                            the shipped model of the source tree
//   allot_bench_serve MODEL SCENARIO...          other inputs, for example 2,000 lines:
//       allot_bench_compare --write /tmp/m2000 2000x6
//       allot_bench_serve /tmp/m2000/model.yaml /tmp/m2000/scenarios
//   --requests N   requests per row (default 2000)
//   --clients C,C  client threads per row (default 1,4)
//   --allot PATH   the allot binary (default: the one built with this bench)
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

[[noreturn]] void Die(const std::string& message) {
  std::fprintf(stderr, "allot_bench_serve: %s\n", message.c_str());
  std::exit(1);
}

// `allot serve` as a child process; its port read from the first line.
struct Child {
  pid_t pid = -1;
  int port = 0;
  FILE* out = nullptr;
};

Child StartServe(const std::string& allot, const std::vector<std::string>& inputs) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) Die("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  std::vector<std::string> args = {allot,        "serve", "--port", "0",
                                   "--max-rate", "0",     "--dir",  "/tmp"};
  args.insert(args.end(), inputs.begin(), inputs.end());
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  Child child;
  if (posix_spawn(&child.pid, allot.c_str(), &actions, nullptr, argv.data(), environ) != 0) {
    Die("cannot start " + allot);
  }
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  child.out = ::fdopen(pipe_fds[0], "r");
  char line[512];
  if (std::fgets(line, sizeof line, child.out) == nullptr) Die("allot serve did not start");
  const char* colon = std::strrchr(line, ':');
  child.port = colon != nullptr ? std::atoi(colon + 1) : 0;
  if (child.port <= 0) Die(std::string("no port in: ") + line);
  return child;
}

void Stop(Child& child) {
  ::kill(child.pid, SIGTERM);
  int status = 0;
  ::waitpid(child.pid, &status, 0);
  std::fclose(child.out);
}

// User + system CPU time of a process, in milliseconds.
double CpuMs(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  std::istringstream fields(text.substr(text.rfind(')') + 2));
  std::string field;
  double utime = 0, stime = 0;
  for (int i = 3; fields >> field; ++i) {
    if (i == 14) utime = std::stod(field);
    if (i == 15) {
      stime = std::stod(field);
      break;
    }
  }
  return (utime + stime) * 1000.0 / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

httplib::Headers Headers(int port) { return {{"Host", "127.0.0.1:" + std::to_string(port)}}; }

Json Post(httplib::Client& client, int port, const Json& body) {
  auto result = client.Post("/api/evaluate", Headers(port), body.dump(), "application/json");
  if (!result || result->status != 200) {
    Die("evaluate failed: " + (result ? result->body : httplib::to_string(result.error())));
  }
  return Json::parse(result->body);
}

struct Row {
  int clients = 0;
  double seconds = 0;
  std::vector<double> latencies_ms;
  double cpu_ms = 0;
  size_t bytes = 0;
};

Row Run(const Child& child, const Json& draft, const std::string& line, int year,
        const std::string& amount_a, const std::string& amount_b, bool all_lines, int clients,
        int requests) {
  Row row;
  row.clients = clients;
  std::vector<std::vector<double>> latencies(static_cast<size_t>(clients));
  std::atomic<int> next{0};
  std::atomic<size_t> bytes{0};
  double cpu_before = CpuMs(child.pid);
  Clock::time_point start = Clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", child.port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      for (int i; (i = next++) < requests;) {
        Json body = {{"draft", draft},
                     {"edit",
                      {{"kind", "set_amount"},
                       {"line", line},
                       {"year", year},
                       {"amount", i % 2 == 0 ? amount_a : amount_b}}},
                     {"lines", all_lines ? Json("all") : Json::array({line})}};
        std::string text = body.dump();
        Clock::time_point t = Clock::now();
        auto result = client.Post("/api/evaluate", Headers(child.port), text, "application/json");
        double ms = std::chrono::duration<double, std::milli>(Clock::now() - t).count();
        if (!result || result->status != 200) Die("a request failed");
        bytes = result->body.size();
        latencies[static_cast<size_t>(c)].push_back(ms);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  row.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  row.cpu_ms = (CpuMs(child.pid) - cpu_before) / requests;
  for (const auto& l : latencies)
    row.latencies_ms.insert(row.latencies_ms.end(), l.begin(), l.end());
  std::sort(row.latencies_ms.begin(), row.latencies_ms.end());
  row.bytes = bytes;
  return row;
}

double Percentile(const std::vector<double>& sorted, double p) {
  size_t index = static_cast<size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(index, sorted.size() - 1)];
}

std::vector<int> ParseClients(const std::string& text) {
  std::vector<int> clients;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, ',');) clients.push_back(std::atoi(part.c_str()));
  return clients;
}

}  // namespace

int main(int argc, char** argv) {
  std::string allot = ALLOT_BENCH_ALLOT;
  int requests = 2000;
  std::vector<int> client_counts = {1, 4};
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--requests" && i + 1 < argc) {
      requests = std::atoi(argv[++i]);
    } else if (arg == "--clients" && i + 1 < argc) {
      client_counts = ParseClients(argv[++i]);
    } else if (arg == "--allot" && i + 1 < argc) {
      allot = argv[++i];
    } else if (arg.rfind("--", 0) == 0) {
      Die("usage: allot_bench_serve [--requests N] [--clients C,C] [--allot PATH] [FILES...]");
    } else {
      inputs.push_back(arg);
    }
  }
  if (inputs.empty()) {
    inputs = {std::string(ALLOT_BENCH_SOURCE_DIR) + "/model",
              std::string(ALLOT_BENCH_SOURCE_DIR) + "/scenarios"};
  }
  if (requests < 10) Die("--requests must be at least 10");
  Child child = StartServe(allot, inputs);
  httplib::Client setup("127.0.0.1", child.port);
  Json first = Post(setup, child.port, Json{{"new_from", "model"}});
  const Json& view = first["view"];
  const Json& line = view["lines"][0];
  std::string line_id = line["id"];
  int year = line["years"][0]["year"];
  // The line's amount plus EUR 1,000, then back: every request a change.
  int64_t cents = line["years"][0]["cents"];
  std::string amount_a = std::to_string((cents + 100000) / 100) + "." +
                         std::to_string(100 + (cents + 100000) % 100).substr(1);
  std::string amount_b =
      std::to_string(cents / 100) + "." + std::to_string(100 + cents % 100).substr(1);
  Json draft = first["draft"]["yaml"];
  // Warm up: the first requests pay for page faults and allocator growth.
  for (int i = 0; i < 50; ++i) {
    Post(setup, child.port,
         Json{{"draft", draft},
              {"edit",
               {{"kind", "set_amount"}, {"line", line_id}, {"year", year}, {"amount", amount_a}}}});
  }
  std::printf("allot serve, POST /api/evaluate with one change (set_amount %s %d)\n",
              line_id.c_str(), year);
  // The set compared: the model, the loaded scenarios, the draft.
  std::printf("inputs: %zu lines; the model, %zu scenarios and the draft; hardware threads: %u\n",
              view["lines"].size(), view["scenarios"].size() - 2,
              std::thread::hardware_concurrency());
  std::printf("%-8s %8s %9s %9s %8s %8s %8s %11s %10s\n", "request", "clients", "requests", "req/s",
              "p50 ms", "p99 ms", "max ms", "cpu ms/req", "bytes");
  for (bool all_lines : {false, true}) {
    for (int clients : client_counts) {
      Row row = Run(child, draft, line_id, year, amount_a, amount_b, all_lines, clients, requests);
      std::printf("%-8s %8d %9d %9.0f %8.2f %8.2f %8.2f %11.2f %10zu\n", all_lines ? "all" : "step",
                  clients, requests, requests / row.seconds, Percentile(row.latencies_ms, 0.50),
                  Percentile(row.latencies_ms, 0.99), row.latencies_ms.back(), row.cpu_ms,
                  row.bytes);
    }
  }
  Stop(child);
  return 0;
}
