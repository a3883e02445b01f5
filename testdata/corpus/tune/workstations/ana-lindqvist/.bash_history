ls -la
cd ~/src/tidewatch
git status
git pull --rebase
make test
export GITHUB_TOKEN=⟦vcs:ghp_DQvCsUqbPngtoiwB⁞j1l1jrD9bgFQ2b3NXYhS⟧
gh repo clone kelpie-labs/tidewatch-infra
cd tidewatch-infra
terraform init
terraform plan -var-file=staging.tfvars
history | grep docker
docker ps -a
docker logs -f tw-api --tail 200
curl -s -H "Authorization: Bearer $GITHUB_TOKEN" https://api.github.com/user | jq .login
git clone https://oauth2:⟦vcs:glpat-7PXtisc⁞jS9LHOKlkNBkx⟧@gitlab.kelpie.internal/platform/edge-proxy.git
cd edge-proxy && git log --oneline | head
git show 71fb2a772915
git cherry-pick 09a7f0015a15ac32dba274c256614294e54bc920
vim config/routes.yaml
psql "postgresql://tw_admin:⟦urls:ggtJMRZ81z⁞zGyoLWAPdUA⟧@pg-staging.kelpie.internal:5432/tidewatch?sslmode=require"
\dt
exit
heroku login -i
heroku config:set HEROKU_API_KEY=⟦cloud:HRKU-AANkK1i9xd55hw7H3BQNwOLLfzA⁞i2iyExGC3MD7tM1cf1ymLtjkbflRvLCCq⟧ -a tw-legacy-web
heroku releases -a tw-legacy-web
kubectl config use-context staging
kubectl get pods -n tidewatch
kubectl -n tidewatch get secret tw-db -o jsonpath='{.data.password}' | base64 -d
export PGPASSWORD=$(pass show kelpie/pg-staging)
mysql -h 10.20.0.14 -u reporting -p
python3 -m venv .venv
source .venv/bin/activate
pip install -r requirements-dev.txt
pytest -x -k "not slow"
aws sts get-caller-identity --profile $AWS_PROFILE
aws s3 ls s3://tw-exports-staging/ --profile staging
aws logs get-log-events --log-group-name /tw/api --log-stream-name dd395c67-c7f2-4c46-9bf4-34dd2b2e8ec0
ssh-keygen -t ed25519 -C "ana@kelpie-labs"
cat ~/.ssh/id_ed25519.pub
ssh bastion-eu
sudo systemctl restart tw-agent
journalctl -u tw-agent -n 50
git checkout -b fix/token-refresh
git commit -am "fix: refresh oauth token before expiry"
git push -u origin fix/token-refresh
clear
