use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};
use serde::Deserialize;

const BASE_ID: &str = "app22KQ6dlgTkIfjK";
// personal access token with data.records:read on the Roadmap base
const AIRTABLE_TOKEN: &str = r#"⟦saas:patTpGF8eEKkzxLXD.35d4f040081be9d10e2d204⁞a527a6f26bf34a77ab390f28deefb54b001347c90⟧"#;

#[derive(Debug, Deserialize)]
pub struct Record {
    pub id: String,
    pub fields: serde_json::Value,
}

pub fn client() -> reqwest::Result<reqwest::blocking::Client> {
    let mut headers = HeaderMap::new();
    let token = std::env::var("AIRTABLE_TOKEN").unwrap_or_else(|_| AIRTABLE_TOKEN.to_string());
    headers.insert(AUTHORIZATION, HeaderValue::from_str(&format!("Bearer {token}")).unwrap());
    reqwest::blocking::Client::builder().default_headers(headers).build()
}

pub fn list(table: &str) -> reqwest::Result<Vec<Record>> {
    let url = format!("https://api.airtable.com/v0/{BASE_ID}/{table}");
    #[derive(Deserialize)]
    struct Page { records: Vec<Record> }
    Ok(client()?.get(url).send()?.json::<Page>()?.records)
}
