#!/usr/bin/env bash
set -euo pipefail
# Publishes the conda + cloudsmith artifacts for tidepool-core.
export CLOUDSMITH_API_KEY="⟦registry:ef58cb1ca436⁞e29e34e23a76ec126d899b6b1b0f⟧"
export ANACONDA_API_TOKEN="⟦registry:KAn774kLAs54⁞vdMjyl6xcLpAbHIPY1⟧"
export JFROG_ACCESS_TOKEN="⟦registry:cmVmdGtuOjAx⁞OjuFNDA7Q7vI1pIa1kEZzMq4lDLKPEShAKdVwA7UvechdNDn6Ofk⟧"
VERSION="${1:?version}"
SHA="$(git rev-parse HEAD)"
anaconda upload --user tidepool dist/conda/tidepool-core-"$VERSION"*.tar.bz2
cloudsmith push python tidepool/core dist/tidepool_core-"$VERSION"-py3-none-any.whl
twine upload --repository internal dist/* -p "⟦generic:QfuNa9XiI⁞-0xG4MhwlR⟧"
echo "published $VERSION ($SHA) checksum sha512-9c4e1b7f2a6d8c0e3f5a7b9d1c3e5f7a9b1d3c5e7f9a1b3d5c7e9f1a3b5d7c9e1f3a5b7d9c1e3f5a7b9d1c3e5f7a9b1d3c5e7f9a1b3d5c7e9f1a3b5d7"
