#!/usr/bin/env bash
# Publish every artifact of a release. Run on the release box only.
# Usage: scripts/publish-all.sh v2.8.0
set -euo pipefail
VERSION="${1:?version}"

# --- Ruby
GEM_HOST_API_KEY="⟦registry:rubygems_⁞7eef95a0a696e00b54f704128940a28d62e863fc77c416ec⟧" gem push "pkg/acme-client-${VERSION#v}.gem"

# --- Rust
cargo publish --token ⟦registry:cio⁞TvBLL4qzTzFPx6NEskrHgTLi8el908Ad⟧ -p acme-client

# --- .NET
dotnet nuget push "dist/Acme.Client.${VERSION#v}.nupkg" -k ⟦registry:oy2⁞h5wqy63p2gg3lk5etofp9afzm9q8lyf2hy2zvhurark⟧ -s https://api.nuget.org/v3/index.json

# --- Clojure
CLOJARS_USERNAME=acme CLOJARS_PASSWORD=⟦registry:CLOJARS_⁞9019c1dbe60928210e9cc2f9e452544d0f7bc88bea2cc493d1303542662d⟧ lein deploy clojars

# --- Elixir
HEX_API_KEY=⟦registry:73c70b28242e5a6c957453fd8fa3c273⟧ mix hex.publish --yes

# --- PHP (Private Packagist mirror update)
curl -sf -X POST -H "Authorization: PACKAGIST-TOKEN ⟦generic:packagist_ort_⁞1e575eb608bd13aa712a4623ce134ec4385dd439ca39763a419fe928384a1879⟧" \
  https://packagist.com/api/packages/acme/client/update

# --- Python
TWINE_USERNAME=__token__ TWINE_PASSWORD="⟦registry:pypi-⁞AgEIcHlwaS5vcmcCJDdmYmE1MTgxLWIyMWItNDI4Yy1iZTViLTYyYmJmN2RjMzJjYQACOHsidmVyc2lvbiI6IDEsICJwZXJtaXNzaW9ucyI6IHsicHJvamVjdHMiOiBbImx2enh3cXAiXX19AAAGIOtW7Py7HSL1QZwhzJJAOR7FLDFq4kaw8jfeMXXfyLin⟧" twine upload dist/*

# --- Containers
echo "⟦registry:dckr_oat_⁞3P2y9tTDDG_NGNWJREchWNmJpc2Ealqo⟧" | docker login -u acme --password-stdin
docker push "acme/client:${VERSION}"

# --- Artifactory (generic repo for the CLI binaries)
curl -sf -H "Authorization: Bearer ⟦registry:cmVmdGtu⁞OjAxOjIwNDA2Nzk0ODc6M1Z0MmxsN1c0YzNYaWFZUUxpME1OYTNlS1p6⟧" -T "dist/acme-cli-${VERSION}-linux-amd64.tar.gz" \
  "https://acme.jfrog.io/artifactory/cli-releases/${VERSION}/"

# --- Cloudsmith (debs)
CLOUDSMITH_API_KEY=⟦registry:6499a182a9cf1e69a4991a5c9790b927b4501db0⟧ cloudsmith push deb acme/tools/any-distro/any-version "dist/acme-cli_${VERSION#v}_amd64.deb"

# checksums for the release notes
sha256sum dist/* > dist/SHA256SUMS
# dist/acme-cli-v2.8.0-linux-amd64.tar.gz: b8e9e3c006ee5d470c8c9a2f52e625196961c165638dffdbf3f94b16660ded7a
