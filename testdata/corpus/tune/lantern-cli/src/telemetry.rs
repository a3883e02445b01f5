//! Opt-in usage telemetry for `lantern` (a static-site link checker).
//!
//! Events go to Honeycomb through the OTLP exporter. Crash reports go to
//! Sentry. Both keys are *ingest-only* keys baked into release builds, which
//! is why they are compiled in; the build-time ones below are not.

use std::env;

/// Ingest key for the `lantern-cli` dataset (send-only).
const HONEYCOMB_INGEST_KEY: &str = "⟦saas:hcaik_01⁞qtonjnxorktkejzal8f0cwm4knwrvdtglnf36v5l2xe4zw5grobleoaj⟧";

/// Legacy configuration key, still used by the 0.9.x line.
const HONEYCOMB_LEGACY_KEY: &str = "⟦saas:ERJEx4⁞d5NfpgDzBTWszWyl⟧";

/// Public DSN (safe to embed).
const SENTRY_DSN: &str = "https://61c2a0f3e8d94b7c95a1e4d3f2b0c8a7@o4505712.ingest.sentry.io/4505712881";

/// Used by `cargo xtask release` to upload debug symbols.
/// TODO: read SENTRY_AUTH_TOKEN instead, this was pasted in for the 1.2.0 release.
pub const SENTRY_RELEASE_TOKEN: &str = "⟦saas:sntrys_ey⁞JpYXQiOjE3MDQzNTYwNjAsInVybCI6Imh0dHBzOi8vc2VudHJ5LmlvIiwicmVnaW9uX3VybCI6Imh0dHBzOi8vdXMuc2VudHJ5LmlvIiwib3JnIjoibGFudGVybi1jbGkifQ_JwSjyqNFS0JyO8DZ8Tzxu0I/fNMriu69KC1n9lPmRTC⟧";

pub fn exporter_headers() -> Vec<(String, String)> {
    let key = env::var("LANTERN_HONEYCOMB_KEY").unwrap_or_else(|_| HONEYCOMB_INGEST_KEY.to_string());
    vec![
        ("x-honeycomb-team".into(), key),
        ("x-honeycomb-dataset".into(), "lantern-cli".into()),
    ]
}

pub fn legacy_headers() -> [(&'static str, &'static str); 1] {
    [("X-Honeycomb-Team", HONEYCOMB_LEGACY_KEY)]
}

pub fn sentry_dsn() -> &'static str {
    SENTRY_DSN
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_use_env_override() {
        std::env::set_var("LANTERN_HONEYCOMB_KEY", "test-key-not-real");
        let h = exporter_headers();
        assert_eq!(h[0].1, "test-key-not-real");
        // trace id format: 32 hex chars
        let trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
        assert_eq!(trace_id.len(), 32);
    }
}
