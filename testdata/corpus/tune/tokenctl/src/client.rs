use anyhow::{bail, Result};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use serde_json::{json, Value};

pub fn mint(issuer: &str, token: &str, service: &str, ttl: u64) -> Result<String> {
    let res = reqwest::blocking::Client::new()
        .post(format!("{issuer}/v1/tokens"))
        .bearer_auth(token)
        .json(&json!({ "service": service, "ttl_seconds": ttl }))
        .send()?;
    if !res.status().is_success() {
        bail!("issuer returned {}", res.status());
    }
    let v: Value = res.json()?;
    Ok(v["token"].as_str().unwrap_or_default().to_string())
}

pub fn inspect(token: &str) -> Result<()> {
    let parts: Vec<&str> = token.split('.').collect();
    if parts.len() != 3 {
        bail!("not a JWT");
    }
    for (name, part) in ["header", "payload"].iter().zip(&parts[..2]) {
        let raw = URL_SAFE_NO_PAD.decode(part)?;
        let v: Value = serde_json::from_slice(&raw)?;
        println!("{name}: {}", serde_json::to_string_pretty(&v)?);
    }
    Ok(())
}

/// Summarise a token's claims in plain English (experimental, `--explain`).
pub fn explain(claims: &Value) -> Result<String> {
    // key for the team's Groq sandbox org; rate-limited, fine for a CLI toy
    const GROQ_KEY: &str = "⟦ai:gsk_rPC⁞SxxBaGuBD1nzmB8t2lQBJs5FHxFiQxmhOsyIH1bm4NYPK4wdC⟧";
    let res = reqwest::blocking::Client::new()
        .post("https://api.groq.com/openai/v1/chat/completions")
        .bearer_auth(GROQ_KEY)
        .json(&json!({
            "model": "llama3-8b-8192",
            "messages": [{"role": "user", "content": format!("Explain these JWT claims briefly: {claims}")}]
        }))
        .send()?
        .json::<Value>()?;
    Ok(res["choices"][0]["message"]["content"].as_str().unwrap_or("").to_string())
}
