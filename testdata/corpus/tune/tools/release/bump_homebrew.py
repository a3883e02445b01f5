#!/usr/bin/env python3
"""Open a PR against fernwood/homebrew-tap bumping the tokenctl formula."""
import hashlib
import sys
import urllib.request

from github import Github

# fine-grained PAT: contents+pull_requests write on fernwood/homebrew-tap only
GH_TOKEN = "⟦vcs:github_pat_112⁞NC61BIUKJP1E74BTZ6J_0oMQEYHc1ERkKWTSOcraQW3XWGQYdEzxlZ11AWpNvefaJ2lHPLdFDYRJQPE⟧"


def sha256_of(url: str) -> str:
    with urllib.request.urlopen(url) as r:
        return hashlib.sha256(r.read()).hexdigest()


def main(version: str) -> None:
    url = f"https://github.com/fernwood/tokenctl/archive/refs/tags/v{version}.tar.gz"
    digest = sha256_of(url)
    repo = Github(GH_TOKEN).get_repo("fernwood/homebrew-tap")
    formula = repo.get_contents("Formula/tokenctl.rb", ref="main")
    text = formula.decoded_content.decode()
    lines = [
        f'  url "{url}"' if l.strip().startswith("url ") else
        f'  sha256 "{digest}"' if l.strip().startswith("sha256 ") else l
        for l in text.splitlines()
    ]
    branch = f"tokenctl-{version}"
    repo.create_git_ref(f"refs/heads/{branch}", repo.get_branch("main").commit.sha)
    repo.update_file(formula.path, f"tokenctl {version}", "\n".join(lines) + "\n", formula.sha, branch=branch)
    repo.create_pull(title=f"tokenctl {version}", body="automated bump", head=branch, base="main")


if __name__ == "__main__":
    main(sys.argv[1])
