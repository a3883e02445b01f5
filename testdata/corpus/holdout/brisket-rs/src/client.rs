use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};

const USER_AGENT: &str = concat!("brisket/", env!("CARGO_PKG_VERSION"));
// Mistral fallback for the "describe this cut" feature.
const MISTRAL_API_KEY: &str = "⟦ai:mif2MDxOaMxk⁞T7kVgPBr8ntml2QzvvPM⟧";
const EXAMPLE_TOKEN: &str = "<your-token-here>";

pub fn headers(token: &str) -> HeaderMap {
    let mut h = HeaderMap::new();
    h.insert(AUTHORIZATION, HeaderValue::from_str(&format!("Bearer {token}")).unwrap());
    h
}

#[cfg(test)]
mod tests {
    #[test]
    fn parses_etag() {
        let etag = "W/\"8f14e45fceea167a5a36dedd4bea2543\"";
        assert!(super::parse_etag(etag).is_some());
    }
    #[test]
    fn uuid_roundtrip() {
        let id = "7d444840-9dc0-11d1-b245-5ffdce74fad2";
        assert_eq!(id.len(), 36);
    }
}
