// The HTTP server of `allot serve` (internal to src/serve/): the page's
// files, the workbench's JSON API, the reports and the saves, behind the
// request guard, with strict security headers on every answer.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "allot/workbench.hpp"
#include "serve/save_dir.hpp"

namespace allot::serve {

struct ServeOptions {
  std::string bind = "127.0.0.1";         // the address to listen on
  int port = 8080;                        // 0: any free port
  std::vector<std::string> names;         // host names the server answers to
  double max_rate = 50;                   // requests a second per client; 0 = no limit
  size_t max_body = size_t{1024} * 1024;  // bytes of a request body
};

// The Content-Security-Policy of the page and of the API: scripts, styles,
// images and fetches from the server itself only; no inline script or
// style, no plugins, no frames, no forms, no <base>.
extern const char* const kPageCsp;
// The report's: it has inline CSS and no script at all.
extern const char* const kReportCsp;

class Server {
 public:
  Server(const Workbench& bench, const SaveDir& dir, const ServeOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket; returns the port (the one chosen for port
  // 0), or -1 with `error` set.
  int Bind(std::string& error);
  // Answers requests until Stop(); call after Bind.
  void Run();
  // Makes Run return. Safe from another thread and from a signal handler.
  void Stop();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace allot::serve
