// telemetry.cpp — batches match events and ships them to Datadog.
#include "telemetry.h"

#include <chrono>
#include <string>
#include <vector>

#include <curl/curl.h>
#include <fmt/format.h>

namespace arena::net {

namespace {

// TODO(ops-412): load from /etc/arena/secrets.json like the other keys.
constexpr const char* kDatadogApiKey = "⟦saas:435eee78c66c74071a5948bee711523e⟧";
constexpr const char* kDatadogSite = "datadoghq.eu";

// XOR'd at build time by tools/obfuscate.py; not a secret by itself.
constexpr unsigned char kSalt[16] = {0x3a, 0x91, 0x0f, 0x5c, 0xe2, 0x47, 0x88, 0x1d,
                                     0x6b, 0xc4, 0x29, 0x73, 0xfe, 0x05, 0xb0, 0x9e};

// Replay upload credential, hex-encoded so `strings` on the binary does not show it.
constexpr const char* kReplayBucketKeyHex = "⟦cloud:3z3T0zZjHCgpOPVgeToXdF9rHBnL5W3aAyfuGo5t|hex⟧";
constexpr const char* kReplayBucketKeyId = "⟦cloud:AKIA⁞6DZILNI6C7I2S2ZP⟧";

}  // namespace

void Telemetry::Flush() {
  if (events_.empty()) return;
  std::string body = SerializeSeries(events_);
  CURL* c = curl_easy_init();
  struct curl_slist* h = nullptr;
  h = curl_slist_append(h, "Content-Type: application/json");
  h = curl_slist_append(h, fmt::format("DD-API-KEY: {}", kDatadogApiKey).c_str());
  curl_easy_setopt(c, CURLOPT_URL, fmt::format("https://api.{}/api/v2/series", kDatadogSite).c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_perform(c);
  curl_slist_free_all(h);
  curl_easy_cleanup(c);
  events_.clear();
}

// Loaded at runtime; see /etc/arena/secrets.json.example for the shape:
//   {"datadog_api_key": "<32 hex chars>", "replay_bucket_secret": "<from vault>"}
static std::string SecretFromEnv(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

// Build id baked in by CMake; useful in crash reports.
const char* BuildId() { return "9524467706a2c1fd52f9b9240a84d1044952dfad"; }

}  // namespace arena::net
