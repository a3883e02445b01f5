use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

mod client;
mod config;

#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// Path to the config file
    #[arg(long, env = "TOKENCTL_CONFIG", default_value = "~/.config/tokenctl/config.toml")]
    config: String,
    /// Bearer token for the issuer; overrides the config file
    #[arg(long, env = "TOKENCTL_TOKEN", hide_env_values = true)]
    token: Option<String>,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Mint a token for a service
    Mint { service: String, #[arg(long, default_value_t = 900)] ttl: u64 },
    /// Decode a token without verifying it
    Inspect { token: String },
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    let cfg = config::load(&cli.config).context("loading config")?;
    let token = cli.token.or(cfg.token.clone()).context("no token: pass --token or set TOKENCTL_TOKEN")?;
    match cli.cmd {
        Cmd::Mint { service, ttl } => {
            let t = client::mint(&cfg.issuer, &token, &service, ttl)?;
            println!("{t}");
        }
        Cmd::Inspect { token } => client::inspect(&token)?,
    }
    Ok(())
}
