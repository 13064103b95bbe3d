// Who may talk to `allot serve`: Host, Origin, fetch metadata, rate.
#include "serve/guard.hpp"

#include <algorithm>
#include <cctype>

namespace allot::serve {

namespace {

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// A browser never reaches the bucket map with more clients than this; a
// flood of spoofed addresses (only possible when serving beyond loopback)
// empties it instead of growing it without bound.
constexpr size_t kMaxClients = 4096;

}  // namespace

bool RateLimiter::Allow(const std::string& client, std::chrono::steady_clock::time_point now) {
  if (rate_ <= 0) return true;
  std::lock_guard<std::mutex> lock(mutex_);
  if (buckets_.size() >= kMaxClients && buckets_.count(client) == 0) buckets_.clear();
  auto [it, inserted] = buckets_.try_emplace(client, Bucket{burst_, now});
  Bucket& bucket = it->second;
  std::chrono::duration<double> elapsed = now - bucket.last;
  bucket.tokens = std::min(burst_, bucket.tokens + elapsed.count() * rate_);
  bucket.last = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

RequestGuard::RequestGuard(const std::vector<std::string>& names, int port, double rate,
                           double burst)
    : limiter_(rate, burst) {
  for (const std::string& name : names) {
    std::string host = Lower(name);
    hosts_.push_back(host + ":" + std::to_string(port));
    // Browsers leave out the default port.
    if (port == 80) hosts_.push_back(host);
  }
  for (const std::string& host : hosts_) origins_.push_back("http://" + host);
}

Verdict RequestGuard::Check(const RequestHead& r, std::chrono::steady_clock::time_point now) {
  if (r.host_count != 1 || !Contains(hosts_, Lower(r.host))) {
    return {403, "this server answers only to " + hosts_.front() +
                     " (and its other local names), not to '" + r.host + "'"};
  }
  if (r.has_origin && !Contains(origins_, Lower(r.origin))) {
    return {403, "requests from pages of '" + r.origin + "' are refused"};
  }
  // A link from another site may open the page; nothing else from another
  // site (an image, a script, a fetch) may reach the server.
  bool other_site = r.sec_fetch_site == "cross-site" || r.sec_fetch_site == "same-site";
  if (other_site && !(r.method == "GET" && r.sec_fetch_mode == "navigate")) {
    return {403, "requests from other sites are refused"};
  }
  if (r.method != "GET" && r.method != "HEAD" && r.method != "POST") {
    return {405, "method " + r.method + " is not allowed"};
  }
  if (r.method == "POST") {
    std::string type = Lower(r.content_type.substr(0, r.content_type.find(';')));
    type.erase(std::remove(type.begin(), type.end(), ' '), type.end());
    if (type != "application/json") return {415, "API calls must be application/json"};
  }
  if (!limiter_.Allow(r.client, now)) return {429, "too many requests; try again in a second"};
  return {};
}

bool IsLoopback(const std::string& address) {
  std::string a = Lower(address);
  return a == "localhost" || a == "::1" || a == "[::1]" || a.rfind("127.", 0) == 0;
}

}  // namespace allot::serve
