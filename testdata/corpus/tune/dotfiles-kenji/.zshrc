# ~/.zshrc — kenji
export ZSH="$HOME/.oh-my-zsh"
ZSH_THEME="robbyrussell"
plugins=(git docker kubectl aws fzf)
source $ZSH/oh-my-zsh.sh

export EDITOR=nvim
export GOPATH="$HOME/go"
export PATH="$HOME/.local/bin:$GOPATH/bin:/opt/homebrew/bin:$PATH"

# --- tokens (TODO move to 1password-cli: op run --env-file) ---
export ANACONDA_API_TOKEN=⟦registry:ja-99713c7b-7190-4f3f-be91-e7611c1fabca⟧
export OPENROUTER_API_KEY=⟦ai:sk-or-v1-⁞5def9cb3a6f7e5ea63bf6e7e3ecaf7ef832bc1c7b901d6290e0c73b6d86db586⟧
export GROQ_API_KEY=⟦ai:gsk_⁞31IUIEUPdnznGwKO1Wogf348ZcOJideVLtphBn61nRuV8UAkzqxf⟧
export REPLICATE_API_TOKEN=⟦ai:r8_⁞vMux7J8E5608fdCH7tH8G150Gt9Llmb6aYw68⟧
export TOGETHER_API_KEY=⟦ai:89777ea6880f7f9390ea09339be06933435974e97eccab1866a394081395003e⟧
export NGROK_AUTHTOKEN=$(op read op://Private/ngrok/credential)
export OP_SERVICE_ACCOUNT_TOKEN=⟦saas:ops_⁞eyJzaWduSW5BZGRyZXNzIjoibXkuMXBhc3N3b3JkLmNvbSIsInVzZXJBdXRoIjp7Im1ldGhvZCI6IlNSUGctNDA5NiIsImFsZyI6IlBCRVMyZy1IUzI1NiIsIml0ZXJhdGlvbnMiOjY1MDAwMCwic2FsdCI6Ims2VGQySEFiZlhSLUR0RUd5eVVRSUEifSwiZW1haWwiOiI3YmVscTE1bXZjbmFrQDFwYXNzd29yZHNlcnZpY2VhY2NvdW50cy5jb20iLCJzcnBYIjoiYTljZWFhNjI3YThlMDUxODEwOWQ3MDM1NThiNDg4ZjEzODg3YjE0ZTU2OTZiZWQyMzgxZTBlY2E0MzAzOTU4ZCIsIm11ayI6eyJhbGciOiJBMjU2R0NNIiwiZXh0Ijp0cnVlLCJrIjoiVVNTNkZqMWhGSTl0YmVUaE5UT1dUbG1XOFM2NE41ekg2bmdTYzU5YXladyIsImtleV9vcHMiOlsiZW5jcnlwdCIsImRlY3J5cHQiXSwia3R5Ijoib2N0Iiwia2lkIjoibXAifSwic2VjcmV0S2V5IjoiQTMtVThCTllQLUo3VE9PUi1FVDVVSy1aTktESC1MSkUwSy1OUkVQSyIsInRocm90dGxlU2VjcmV0Ijp7InNlZWQiOiIxNThhYTY5OGZmMWJlN2JmZWYwZjEyODVkM2UxNDA0NjBkNWNjZmJjYjRmMDBjMGNiOTk5MmQwM2E0YTZmOTZmIiwidXVpZCI6IjNMUVY1VkdJV1BOTEU1UFBYRkpGTFUwVjdBIn0sImRldmljZVV1aWQiOiIwc3FsaHc0Y2RzMWF5djhjYzZhdzdtdmEydyJ9⟧
export HOMEBREW_GITHUB_API_TOKEN=⟦vcs:github_pat_⁞11YEOULV2XMRHHNFEKSNT3_ixqwVur5MfMl7Vafl0JiFaxeMKgkZeCac3cSIBdZTAl8Y6TszgktPKGtxPv⟧
export TF_TOKEN_app_terraform_io=$(cat ~/.terraform.d/credentials.tfrc.json | jq -r '.credentials["app.terraform.io"].token')
export SRC_ACCESS_TOKEN=⟦vcs:sgp_⁞1971615e090b307a_7fa3d104bf61e37d0e3bf97bacc69b2338e3b6a7⟧
export GITEA_TOKEN=⟦vcs:93e88893f9d4cd8da66414ebd397e387e3e3785b⟧
export GITLAB_TOKEN=⟦vcs:glpat-⁞3uV3BP3nHGGTkY0oFTWh⟧
export TFE_TOKEN=⟦vcs:9Yx5fVY0FzD9cX.atlasv1.⁞6VMJFOkK0BpME9VfJwQgD7tndaHzr1qwylP7qURSUXLEUE8E1tuuBgusylp354MIVBW⟧
export BUILDKITE_API_TOKEN=⟦vcs:bkua_⁞011d6f219eb6ecf66cf32b4c37a5c75351c5bf08⟧
export CIRCLECI_CLI_TOKEN=⟦vcs:CCIPAT_⁞Dkt85JZFsdWucXKpwh5lvt_7db86fa707042f9afd6c61bd3cd7f2459c829d68⟧
export INFRACOST_API_KEY=⟦saas:ico-⁞TnkXQMNclCOjJXSe4hUiFiATB0lvHUex⟧
export SNYK_TOKEN=${SNYK_TOKEN:-}

alias k=kubectl
alias tf=terraform
alias gpgkill='gpgconf --kill gpg-agent'
