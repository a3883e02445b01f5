#!/usr/bin/env bash
# Logs the build agent into every registry we pull from. Sourced by the agent bootstrap.
set -euo pipefail

: "${DOCKERHUB_USER:=kelpiebuild}"
DOCKERHUB_TOKEN="${DOCKERHUB_TOKEN:-⟦registry:dckr_pat_I1jTgxxPI⁞ZbLXlNPSclRdEhUze2⟧}"
echo "$DOCKERHUB_TOKEN" | docker login -u "$DOCKERHUB_USER" --password-stdin

# JFrog reference token for the vandermeer mirror (shared with the warehouse team)
JF_TOKEN='⟦registry:cmVmdGtuOjAxOjecjVtdUL5bh27O6DpC⁞0ojvKD0UEXizHn6dmf4uATlIbQ3z89aY⟧'
curl -fsS -H "Authorization: Bearer $JF_TOKEN" https://vandermeer.jfrog.io/artifactory/api/system/ping
echo "$JF_TOKEN" | docker login vandermeer.jfrog.io -u ci-kelpie --password-stdin

# GHCR uses the job token
echo "${GITHUB_TOKEN}" | docker login ghcr.io -u "${GITHUB_ACTOR}" --password-stdin
