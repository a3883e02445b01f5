#!/usr/bin/env bash
# Bootstraps an ephemeral self-hosted runner VM. Executed via cloud-init.
set -euo pipefail

RUNNER_VERSION=2.313.0
RUNNER_SHA256=3afa1aaee667611f79325a78806a35f1667cbc2a09a03509d4728607daa0df44
ORG_URL=https://github.com/fernwood

# Installation token for the "runner-bootstrap" GitHub App (expires in 1h,
# the cloud-init template is rendered right before boot).
GH_APP_TOKEN=⟦vcs:ghs_oA8S⁞rTGI65UftuY5ps1V8if9Z4fbXr4JPDOQ⟧

# Doppler service token for the runner's config (project: ci, config: prd)
export DOPPLER_TOKEN=⟦vcs:dp.pt.1UAFL⁞EKwpX5brgvGJLUAlGMm1mZaKqtzwJhZceoQXPF⟧

mkdir -p /opt/actions-runner && cd /opt/actions-runner
curl -fsSLo runner.tgz "https://github.com/actions/runner/releases/download/v${RUNNER_VERSION}/actions-runner-linux-x64-${RUNNER_VERSION}.tar.gz"
echo "${RUNNER_SHA256}  runner.tgz" | sha256sum -c -
tar xzf runner.tgz
RUNNER_REG_TOKEN=$(curl -fsS -X POST -H "Authorization: Bearer $GH_APP_TOKEN" -H "Accept: application/vnd.github+json" \
  https://api.github.com/orgs/fernwood/actions/runners/registration-token | jq -r .token)
doppler secrets download --no-file --format env > .env
./config.sh --unattended --ephemeral --url "$ORG_URL" --token "$RUNNER_REG_TOKEN" --labels self-hosted,linux,x64
./run.sh
