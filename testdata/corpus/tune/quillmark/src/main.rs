use clap::Parser;
use std::path::PathBuf;

/// Render Markdown notes with wiki-links into a static site.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// Directory with .md files
    input: PathBuf,
    /// Output directory
    #[arg(short, long, default_value = "public")]
    out: PathBuf,
    /// Base URL used for absolute links
    #[arg(long, default_value = "/")]
    base_url: String,
    /// Fail when a [[wiki link]] has no target
    #[arg(long)]
    strict: bool,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let notes = quillmark::collect(&args.input)?;
    let graph = quillmark::link_graph(&notes, args.strict)?;
    quillmark::render(&notes, &graph, &args.out, &args.base_url)?;
    eprintln!("rendered {} notes into {}", notes.len(), args.out.display());
    Ok(())
}
