//! One-off: purge cached invoice PDFs from the CDN after a re-render.
use std::env;

const ZONE_ID: &str = "abe5e17d606e4b37751e503fe8d27e4a";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let token = env::var("CF_API_TOKEN").unwrap_or_else(|_| "⟦cloud:GKeaMnjeq-AxU4D0Gp5N⁞uYpyS9DQg6qzOUXoU6yT⟧".to_string());
    let files: Vec<String> = env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: purge_cache <url>...");
        std::process::exit(2);
    }
    let client = reqwest::Client::new();
    let resp = client
        .post(format!("https://api.cloudflare.com/client/v4/zones/{ZONE_ID}/purge_cache"))
        .bearer_auth(&token)
        .json(&serde_json::json!({ "files": files }))
        .send()
        .await?;
    println!("{} {}", resp.status(), resp.text().await?);
    Ok(())
}
