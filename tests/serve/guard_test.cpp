#include "serve/guard.hpp"

#include <catch2/catch.hpp>

using namespace allot::serve;

namespace {

RequestHead Get(const std::string& host) {
  RequestHead r;
  r.method = "GET";
  r.path = "/";
  r.host = host;
  r.host_count = 1;
  r.client = "127.0.0.1";
  return r;
}

RequestHead Post(const std::string& origin) {
  RequestHead r = Get("127.0.0.1:8080");
  r.method = "POST";
  r.path = "/api/evaluate";
  r.content_type = "application/json";
  r.has_origin = true;
  r.origin = origin;
  return r;
}

RequestGuard Guard(double rate = 0) {
  return RequestGuard({"127.0.0.1", "localhost", "[::1]"}, 8080, rate, 2 * rate);
}

}  // namespace

TEST_CASE("only requests addressed to the server's own names are answered", "[serve]") {
  RequestGuard guard = Guard();
  CHECK(guard.Check(Get("127.0.0.1:8080")).allowed());
  CHECK(guard.Check(Get("LocalHost:8080")).allowed());
  CHECK(guard.Check(Get("[::1]:8080")).allowed());
  // DNS rebinding: a name of the attacker's that resolves to 127.0.0.1.
  Verdict rebinding = guard.Check(Get("evil.example:8080"));
  CHECK(rebinding.status == 403);
  CHECK(rebinding.reason ==
        "this server answers only to 127.0.0.1:8080 (and its other local names), not to "
        "'evil.example:8080'");
  CHECK(guard.Check(Get("127.0.0.1")).status == 403);  // the port is not 80
  CHECK(guard.Check(Get("127.0.0.1:8081")).status == 403);
  CHECK(guard.Check(Get("")).status == 403);
  RequestHead twice = Get("127.0.0.1:8080");
  twice.host_count = 2;
  CHECK(guard.Check(twice).status == 403);
  RequestHead none = Get("");
  none.host_count = 0;
  CHECK(guard.Check(none).status == 403);
}

TEST_CASE("on port 80 the host may come without a port, as browsers send it", "[serve]") {
  RequestGuard guard({"localhost"}, 80, 0, 0);
  CHECK(guard.Check(Get("localhost")).allowed());
  CHECK(guard.Check(Get("localhost:80")).allowed());
  CHECK(guard.origins() == std::vector<std::string>{"http://localhost:80", "http://localhost"});
}

TEST_CASE("requests from other origins and other sites are refused", "[serve]") {
  RequestGuard guard = Guard();
  CHECK(guard.Check(Post("http://127.0.0.1:8080")).allowed());
  CHECK(guard.Check(Post("http://localhost:8080")).allowed());
  CHECK(guard.Check(Post("http://evil.example")).status == 403);
  CHECK(guard.Check(Post("null")).status == 403);
  CHECK(guard.Check(Post("https://127.0.0.1:8080")).status == 403);
  CHECK(guard.Check(Post("")).status == 403);  // present but empty
  RequestHead image = Get("127.0.0.1:8080");
  image.sec_fetch_site = "cross-site";
  image.sec_fetch_mode = "no-cors";
  CHECK(guard.Check(image).status == 403);
  image.sec_fetch_site = "same-site";  // another port of localhost
  CHECK(guard.Check(image).status == 403);
  RequestHead link = image;
  link.sec_fetch_site = "cross-site";
  link.sec_fetch_mode = "navigate";  // a link to the page from elsewhere opens it
  CHECK(guard.Check(link).allowed());
  RequestHead form = Post("http://127.0.0.1:8080");
  form.has_origin = false;
  form.sec_fetch_site = "cross-site";
  form.sec_fetch_mode = "navigate";  // but a form posted from elsewhere does not
  CHECK(guard.Check(form).status == 403);
}

TEST_CASE("API calls must be JSON and only GET, HEAD and POST are allowed", "[serve]") {
  RequestGuard guard = Guard();
  RequestHead post = Post("http://127.0.0.1:8080");
  post.content_type = "application/json; charset=UTF-8";
  CHECK(guard.Check(post).allowed());
  for (const char* type : {"text/plain", "application/x-www-form-urlencoded",
                           "multipart/form-data; boundary=x", "", "application/jsonx"}) {
    post.content_type = type;
    CHECK(guard.Check(post).status == 415);
  }
  for (const char* method : {"PUT", "DELETE", "OPTIONS", "PATCH", "TRACE"}) {
    RequestHead r = Get("127.0.0.1:8080");
    r.method = method;
    CHECK(guard.Check(r).status == 405);
  }
}

TEST_CASE("each client gets its rate and a burst of twice that", "[serve]") {
  RequestGuard guard = Guard(5);  // 5 a second, bursts of 10
  auto t0 = std::chrono::steady_clock::time_point{};
  RequestHead a = Get("127.0.0.1:8080");
  RequestHead b = a;
  b.client = "127.0.0.2";
  for (int i = 0; i < 10; ++i) CHECK(guard.Check(a, t0).allowed());
  Verdict over = guard.Check(a, t0);
  CHECK(over.status == 429);
  CHECK(guard.Check(b, t0).allowed());  // another client has its own bucket
  // A fifth of a second later, one more request is allowed, and only one.
  auto later = t0 + std::chrono::milliseconds(200);
  CHECK(guard.Check(a, later).allowed());
  CHECK(guard.Check(a, later).status == 429);
  // Rate 0: no limit.
  RequestGuard unlimited = Guard(0);
  for (int i = 0; i < 1000; ++i) REQUIRE(unlimited.Check(a, t0).allowed());
}

TEST_CASE("loopback addresses are told from others", "[serve]") {
  for (const char* a : {"127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]"}) {
    CHECK(IsLoopback(a));
  }
  for (const char* a : {"0.0.0.0", "::", "192.168.1.5", "10.0.0.1", "example.org", "128.0.0.1"}) {
    CHECK_FALSE(IsLoopback(a));
  }
}
