// Who may talk to `allot serve` (internal to src/serve/).
//
// A page on any web site can make the browser send requests to localhost,
// so the server answers only requests that are addressed to it by one of
// its own names (the Host header: this defeats DNS rebinding, where
// evil.example resolves to 127.0.0.1) and, when the browser says where a
// request comes from, that come from a page the server served itself (the
// Origin and Sec-Fetch-Site headers: this defeats cross-site request
// forgery). API calls must also be JSON, which a cross-site form cannot
// send without the browser asking first (and the server never says yes).
// Each client gets a bounded rate of requests.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace allot::serve {

// What the guard looks at in a request. `has_*` tell an absent header from
// an empty one; `host_count` catches a request with two Host headers.
struct RequestHead {
  std::string method;  // "GET", "POST", ...
  std::string path;    // decoded path, e.g. "/api/evaluate"
  std::string host;
  size_t host_count = 0;
  std::string origin;
  bool has_origin = false;
  std::string sec_fetch_site;  // "same-origin", "same-site", "cross-site", "none" or ""
  std::string sec_fetch_mode;  // "navigate", "cors", "no-cors", ... or ""
  std::string content_type;
  std::string client;  // the remote address
};

// A refusal: an HTTP status and a sentence for the body; status 0 = allowed.
struct Verdict {
  int status = 0;
  std::string reason;
  bool allowed() const { return status == 0; }
};

// Token buckets per client: `rate` requests a second on average, bursts of
// up to `burst`. rate <= 0 means no limit.
class RateLimiter {
 public:
  RateLimiter(double rate, double burst) : rate_(rate), burst_(burst) {}
  bool Allow(const std::string& client, std::chrono::steady_clock::time_point now);

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point last;
  };
  double rate_, burst_;
  std::mutex mutex_;
  std::map<std::string, Bucket> buckets_;
};

class RequestGuard {
 public:
  // `names`: the host names the server answers to (e.g. "127.0.0.1",
  // "localhost", "[::1]"), `port` the port it listens on.
  RequestGuard(const std::vector<std::string>& names, int port, double rate, double burst);

  // Checks Host, Origin, Sec-Fetch-Site, the method, the content type of API
  // calls, and the client's rate.
  Verdict Check(const RequestHead& request,
                std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now());

  // The origins of pages this server serves: "http://127.0.0.1:8080", ...
  const std::vector<std::string>& origins() const { return origins_; }

 private:
  std::vector<std::string> hosts_;    // allowed Host values, lower case
  std::vector<std::string> origins_;  // "http://" + each of them
  RateLimiter limiter_;
};

// Whether `address` is a loopback address or name ("127.0.0.1", "::1",
// "localhost", any 127.x.y.z).
bool IsLoopback(const std::string& address);

}  // namespace allot::serve
