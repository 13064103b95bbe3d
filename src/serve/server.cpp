// The HTTP server of `allot serve`: cpp-httplib, the guard in front of
// every request, the workbench behind the API.
#include "serve/server.hpp"

#include <httplib.h>

#include <deque>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>

#include "serve/assets.hpp"
#include "serve/guard.hpp"

namespace allot::serve {

const char* const kPageCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'";
const char* const kReportCsp =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'";

namespace {

using Json = nlohmann::json;
constexpr const char* kJson = "application/json; charset=utf-8";

// The last reports rendered, by a random token: the page opens one in a
// new tab with GET /report/TOKEN. Bounded: the oldest goes first.
class ReportStore {
 public:
  std::string Put(std::string html) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::string token;
    static const char kHex[] = "0123456789abcdef";
    for (int i = 0; i < 32; ++i) token += kHex[random_() % 16];
    reports_[token] = std::move(html);
    order_.push_back(token);
    if (order_.size() > kMaxReports) {
      reports_.erase(order_.front());
      order_.pop_front();
    }
    return token;
  }

  bool Get(const std::string& token, std::string& html) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = reports_.find(token);
    if (it == reports_.end()) return false;
    html = it->second;
    return true;
  }

 private:
  static constexpr size_t kMaxReports = 16;
  std::mutex mutex_;
  std::random_device random_;
  std::map<std::string, std::string> reports_;
  std::deque<std::string> order_;
};

void SetJson(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, kJson);
}

void SetError(httplib::Response& res, int status, const std::string& reason) {
  SetJson(res, status, Json{{"error", reason}}.dump());
}

RequestHead Head(const httplib::Request& req) {
  RequestHead head;
  head.method = req.method;
  head.path = req.path;
  head.host = req.get_header_value("Host");
  head.host_count = req.get_header_value_count("Host");
  head.has_origin = req.has_header("Origin");
  head.origin = req.get_header_value("Origin");
  head.sec_fetch_site = req.get_header_value("Sec-Fetch-Site");
  head.sec_fetch_mode = req.get_header_value("Sec-Fetch-Mode");
  head.content_type = req.get_header_value("Content-Type");
  head.client = req.remote_addr;
  return head;
}

}  // namespace

struct Server::Impl {
  Impl(const Workbench& b, const SaveDir& d, const ServeOptions& o)
      : bench(b), dir(d), options(o) {}

  void Routes();
  void Get(const httplib::Request& req, httplib::Response& res);
  void Post(const httplib::Request& req, httplib::Response& res);
  void Save(const httplib::Request& req, httplib::Response& res);

  const Workbench& bench;
  const SaveDir& dir;
  ServeOptions options;
  std::unique_ptr<RequestGuard> guard;  // made in Bind, once the port is known
  ReportStore reports;
  // Last, so that it is destroyed first: its handlers use the members above.
  httplib::Server http;
};

void Server::Impl::Get(const httplib::Request& req, httplib::Response& res) {
  // Exact paths only: nothing here maps a URL to a file name.
  for (size_t i = 0; i < kAssetCount; ++i) {
    if (req.path == kAssets[i].path) {
      res.set_content(reinterpret_cast<const char*>(kAssets[i].data), kAssets[i].size,
                      kAssets[i].content_type);
      return;
    }
  }
  if (req.path == "/api/describe") {
    WorkbenchReply reply = bench.Describe("{}");
    return SetJson(res, reply.status, reply.body);
  }
  const std::string prefix = "/report/";
  std::string html;
  if (req.path.rfind(prefix, 0) == 0 && reports.Get(req.path.substr(prefix.size()), html)) {
    // In place of the page's policy (a default header), not beside it: two
    // policies would both apply.
    res.headers.erase("Content-Security-Policy");
    res.set_header("Content-Security-Policy", kReportCsp);
    res.set_content(html, "text/html; charset=utf-8");
    return;
  }
  SetError(res, 404, "no such page: " + req.path);
}

void Server::Impl::Post(const httplib::Request& req, httplib::Response& res) {
  WorkbenchReply reply;
  if (req.path == "/api/evaluate") {
    reply = bench.Evaluate(req.body);
  } else if (req.path == "/api/smaa") {
    reply = bench.Smaa(req.body);
  } else if (req.path == "/api/report") {
    std::string html;
    reply = bench.Report(req.body, html);
    if (reply.status == 200) {
      reply.body = Json{{"url", "/report/" + reports.Put(std::move(html))}}.dump();
    }
  } else if (req.path == "/api/save") {
    return Save(req, res);
  } else {
    return SetError(res, 404, "no such API call: " + req.path);
  }
  SetJson(res, reply.status, reply.body);
}

void Server::Impl::Save(const httplib::Request& req, httplib::Response& res) {
  DraftFile file;
  WorkbenchReply reply = bench.Save(req.body, file);
  if (reply.status != 200) return SetJson(res, reply.status, reply.body);
  SaveDir::Result result = dir.Write(file.file, file.yaml, file.overwrite);
  switch (result.outcome) {
    case SaveDir::Outcome::kWritten:
      return SetJson(res, 200,
                     Json{{"saved", true}, {"file", file.file}, {"dir", dir.path()}}.dump());
    case SaveDir::Outcome::kExists:
      return SetJson(res, 409,
                     Json{{"exists", true},
                          {"file", file.file},
                          {"dir", dir.path()},
                          {"error", "'" + file.file + "' already exists in " + dir.path()}}
                         .dump());
    case SaveDir::Outcome::kRefused:
      return SetError(res, 400, result.message);
    case SaveDir::Outcome::kFailed:
      return SetError(res, 500, result.message);
  }
}

void Server::Impl::Routes() {
  http.set_payload_max_length(options.max_body);
  http.set_keep_alive_max_count(1000);
  // Headers and body go out in separate writes: without TCP_NODELAY, Nagle's
  // algorithm holds the body back until the client's delayed ACK (40 ms).
  http.set_tcp_nodelay(true);
  http.set_default_headers({{"Content-Security-Policy", kPageCsp},
                            {"X-Content-Type-Options", "nosniff"},
                            {"Referrer-Policy", "no-referrer"},
                            {"X-Frame-Options", "DENY"},
                            {"Cross-Origin-Opener-Policy", "same-origin"},
                            {"Cross-Origin-Resource-Policy", "same-origin"},
                            {"Cache-Control", "no-store"}});
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    Verdict verdict = guard->Check(Head(req));
    if (verdict.allowed()) return httplib::Server::HandlerResponse::Unhandled;
    if (verdict.status == 429) res.set_header("Retry-After", "1");
    res.set_header("Connection", "close");
    SetError(res, verdict.status, verdict.reason);
    return httplib::Server::HandlerResponse::Handled;
  });
  http.Get(".*", [this](const httplib::Request& req, httplib::Response& res) { Get(req, res); });
  http.Post(".*", [this](const httplib::Request& req, httplib::Response& res) { Post(req, res); });
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) {
      SetError(res, res.status, res.status == 413 ? "the request is too large" : "refused");
    }
  });
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, const std::exception_ptr& error) {
        std::string what = "unknown";
        try {
          std::rethrow_exception(error);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        SetError(res, 500, "internal error: " + what);
      });
}

Server::Server(const Workbench& bench, const SaveDir& dir, const ServeOptions& options)
    : impl_(std::make_unique<Impl>(bench, dir, options)) {
  impl_->Routes();
}

Server::~Server() = default;

int Server::Bind(std::string& error) {
  const ServeOptions& o = impl_->options;
  int port = o.port == 0 ? impl_->http.bind_to_any_port(o.bind)
                         : (impl_->http.bind_to_port(o.bind, o.port) ? o.port : -1);
  if (port < 0) {
    error = "cannot listen on " + o.bind + ":" + std::to_string(o.port) +
            " (is the port in use, or the address not this machine's?)";
    return -1;
  }
  // A burst of twice the rate lets a slider drag through without refusals.
  impl_->guard = std::make_unique<RequestGuard>(o.names, port, o.max_rate, 2 * o.max_rate);
  return port;
}

void Server::Run() { impl_->http.listen_after_bind(); }

void Server::Stop() { impl_->http.stop(); }

}  // namespace allot::serve
