//! Signs release archives with the project's ed25519 key (minisign-compatible output).
use ed25519_dalek::{pkcs8::DecodePrivateKey, Signer, SigningKey};
use std::{env, fs};

// TODO: read from $QUILLMARK_SIGNING_KEY only; embedded copy is for the 0.x release laptop
const EMBEDDED_KEY: &str = "⟦keys:-----BEGIN PR⁞IVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIPsUjk5jvHcOlh4okz6+VzhHTjy9NOFOx3Fyl+sN15Q8
-----END PRIVATE KEY-----⟧";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pem = env::var("QUILLMARK_SIGNING_KEY").unwrap_or_else(|_| EMBEDDED_KEY.to_string());
    let key = SigningKey::from_pkcs8_pem(&pem)?;
    for path in env::args().skip(1) {
        let data = fs::read(&path)?;
        let sig = key.sign(&data);
        fs::write(format!("{path}.sig"), sig.to_bytes())?;
        println!("signed {path}");
    }
    Ok(())
}
