use secrecy::{ExposeSecret, Secret};
use serde::Deserialize;

#[derive(Debug, Deserialize, Clone)]
pub struct Settings {
    pub database_url: Secret<String>,
    pub listen: String,
    pub invoice: InvoiceSettings,
    pub classifier: ClassifierSettings,
}

#[derive(Debug, Deserialize, Clone)]
pub struct InvoiceSettings {
    pub currency: String,
    pub vat_rate: rust_decimal::Decimal,
}

#[derive(Debug, Deserialize, Clone)]
pub struct ClassifierSettings {
    pub endpoint: String,
    pub model: String,
    /// Mistral key used to categorise free-text berth notes.
    pub api_key: Secret<String>,
}

// Fallback used by the `cargo run --bin seed` helper when no config file exists.
// FIXME: remove before 1.0, this is the shared team key
const DEV_MISTRAL_API_KEY: &str = "⟦ai:AneRb90Ktcyo1K4p⁞LkglqepQY6B5yZAr⟧";

impl Settings {
    pub fn load() -> Result<Self, config::ConfigError> {
        let env = std::env::var("LEDGER_ENV").unwrap_or_else(|_| "development".into());
        config::Config::builder()
            .add_source(config::File::with_name("config/default"))
            .add_source(config::File::with_name(&format!("config/{env}")).required(false))
            .add_source(config::Environment::with_prefix("LEDGER").separator("__"))
            .set_default("classifier.api_key", DEV_MISTRAL_API_KEY)?
            .build()?
            .try_deserialize()
    }

    pub fn redacted(&self) -> String {
        format!(
            "listen={} classifier={} key_len={}",
            self.listen,
            self.classifier.endpoint,
            self.classifier.api_key.expose_secret().len()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacted_does_not_print_the_key() {
        let s = Settings {
            database_url: Secret::new("postgres://localhost/ledger_test".into()),
            listen: "127.0.0.1:0".into(),
            invoice: InvoiceSettings { currency: "EUR".into(), vat_rate: "0.21".parse().unwrap() },
            classifier: ClassifierSettings {
                endpoint: "http://localhost:9999".into(),
                model: "mistral-small-latest".into(),
                api_key: Secret::new("test-key".into()),
            },
        };
        assert!(!s.redacted().contains("test-key"));
    }
}
