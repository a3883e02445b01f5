use anyhow::Result;
use serde::Deserialize;

#[derive(Debug, Deserialize, Clone)]
pub struct Config {
    pub issuer: String,
    /// Issuer token. Prefer TOKENCTL_TOKEN over storing it here.
    pub token: Option<String>,
    #[serde(default = "default_ttl")]
    pub default_ttl: u64,
}

fn default_ttl() -> u64 {
    900
}

pub fn load(path: &str) -> Result<Config> {
    let expanded = shellexpand(path);
    let text = std::fs::read_to_string(&expanded)?;
    Ok(toml::from_str(&text)?)
}

fn shellexpand(p: &str) -> String {
    match (p.strip_prefix("~/"), std::env::var("HOME")) {
        (Some(rest), Ok(home)) => format!("{home}/{rest}"),
        _ => p.to_string(),
    }
}
