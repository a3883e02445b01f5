cd ~/src/fernwood/billing-service
git pull --rebase
poetry install
poetry run pytest -q -k webhooks
docker compose up -d db redis
export GITHUB_TOKEN=⟦vcs:ghp_0h⁞W2JjtTiTWvTcQ9OmyvKpNNll6iFk1f9uML⟧
gh pr list --author @me
gh pr checkout 1842
curl -s https://api.anthropic.com/v1/messages -H "x-api-key: ⟦ai:sk-ant-api03-ZUf3⁞6H3x3GDqKCddQ1QGTP-UR2aj3w0YxobCifIlRzBRbhpTRt7kKspCBlkcRl_vnuwTDpy5DJ5X52ID2D6M0EASEUVWpAA⟧" -H "anthropic-version: 2023-06-01" -H "content-type: application/json" -d '{"model":"claude-3-haiku-20240307","max_tokens":64,"messages":[{"role":"user","content":"ping"}]}'
history | grep docker
docker login -u mkowalski -p ⟦registry:dckr_pat_cB⁞LiTrtjxbjze6cqpIdQC18wwzX⟧
docker pull fernwood/billing-service:2.14.0
kubectl config use-context homelab
kubectl -n billing get pods
kubectl -n billing logs deploy/billing-web --tail=200 | grep -i error
mysql -h report-01.ams.fernwood.dev -u reports -p'⟦generic:Saffr⁞on#111meadow?⟧' reports -e 'select count(*) from daily_revenue'
export TOKEN=$(gcloud auth print-access-token)
curl -H "Authorization: Bearer $TOKEN" https://europe-west1-run.googleapis.com/apis/serving.knative.dev/v1/namespaces/fernwood/services
vim ~/.aws/credentials
aws sts get-caller-identity --profile fernwood-sandbox
unset GITHUB_TOKEN
export GITHUB_TOKEN=⟦vcs:ghp_0h⁞W2JjtTiTWvTcQ9OmyvKpNNll6iFk1f9uML⟧
gh release view v2.14.0
ls -la ~/.ssh
ssh-keygen -t ed25519 -C "marta@fernwood-laptop"
cat ~/.ssh/id_ed25519.pub | pbcopy
