#include "cli/remove_on_signal.hpp"

#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace allot::cli {

namespace {

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};
constexpr int kSignalCount = sizeof(kSignals) / sizeof(kSignals[0]);

// The registry lives in static storage and is read by the handler with
// only async-signal-safe operations: lock-free atomics, unlink, sigaction
// and raise. A slot's path is written before the slot is marked in use.
char g_paths[RemoveOnSignal::kMaxFiles][PATH_MAX];
std::atomic<bool> g_used[RemoveOnSignal::kMaxFiles];
int g_guards = 0;  // guards alive; changed on the writing thread only
struct sigaction g_previous[kSignalCount];
bool g_installed[kSignalCount];  // false where the signal was ignored (nohup)

void RemoveAndRaise(int signal) {
  for (int k = 0; k < RemoveOnSignal::kMaxFiles; ++k) {
    if (g_used[k].load()) ::unlink(g_paths[k]);
  }
  // Then what the signal did before; for the default, the exit status
  // says "killed by SIGINT" as the shell expects.
  for (int k = 0; k < kSignalCount; ++k) {
    if (kSignals[k] == signal) ::sigaction(signal, &g_previous[k], nullptr);
  }
  ::raise(signal);
}

void Install() {
  struct sigaction action {};
  action.sa_handler = RemoveAndRaise;
  sigemptyset(&action.sa_mask);
  for (int signal : kSignals) sigaddset(&action.sa_mask, signal);  // one cleanup at a time
  for (int k = 0; k < kSignalCount; ++k) {
    // An ignored signal (SIGHUP under nohup) stays ignored: the write goes on.
    ::sigaction(kSignals[k], nullptr, &g_previous[k]);
    g_installed[k] = g_previous[k].sa_handler != SIG_IGN;
    if (g_installed[k]) ::sigaction(kSignals[k], &action, nullptr);
  }
}

void Restore() {
  for (int k = 0; k < kSignalCount; ++k) {
    if (g_installed[k]) ::sigaction(kSignals[k], &g_previous[k], nullptr);
  }
}

}  // namespace

RemoveOnSignal::RemoveOnSignal(const std::string& path) {
  if (path.size() >= PATH_MAX) return;
  for (int k = 0; k < kMaxFiles; ++k) {
    if (g_used[k].load()) continue;
    std::memcpy(g_paths[k], path.c_str(), path.size() + 1);
    g_used[k].store(true);
    slot_ = k;
    if (g_guards++ == 0) Install();
    return;
  }
}

RemoveOnSignal::~RemoveOnSignal() {
  if (slot_ < 0) return;
  g_used[slot_].store(false);
  if (--g_guards == 0) Restore();
}

int CreateTemporary(std::string& path_template, std::optional<RemoveOnSignal>& guard) {
  sigset_t held;
  sigset_t before;
  sigemptyset(&held);
  for (int signal : kSignals) sigaddset(&held, signal);
  ::pthread_sigmask(SIG_BLOCK, &held, &before);
  int fd = ::mkstemp(path_template.data());
  int error = errno;
  if (fd >= 0) guard.emplace(path_template);
  ::pthread_sigmask(SIG_SETMASK, &before, nullptr);  // a signal that came meanwhile acts now
  errno = error;
  return fd;
}

}  // namespace allot::cli
