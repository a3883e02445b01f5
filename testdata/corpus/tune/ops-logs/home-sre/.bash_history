cd ~/src/platform
git pull --rebase
kubectl config use-context prod-eu
kubectl -n payments get pods
kubectl -n payments logs deploy/payments-api --since=10m | grep -i timeout
export GITHUB_TOKEN=⟦vcs:ghp_⁞8DsMY4D9iQrqhlyDlqSnC2wbgErY8y3pY2Zj⟧
gh pr list --repo acme/platform --author @me
curl -s -H "Authorization: token $GITHUB_TOKEN" https://api.github.com/user | jq .login
curl -u admin:⟦generic:yxQcJ_wlcJawtsKQaYdP7G⟧ https://grafana.prod.internal/api/admin/stats
mysql -h reports-db.prod.internal -u reporter -p⟦generic:16CEGGfK1I.pet6V4NMo⟧ -e 'select count(*) from orders'
docker login registry.gitlab.com -u sre-bot -p ⟦vcs:glpat-⁞0_AwVT381Dk5r9D63YCN⟧
docker login -u acmeci --password ⟦registry:dckr_pat_⁞imuNuqPnJ_fCE1vy0wj63NNy9In⟧
aws configure set aws_access_key_id ⟦cloud:AKIA⁞2ZYXUFJSFJUWBVEP⟧ --profile legacy-batch
aws configure set aws_secret_access_key ⟦cloud:YYr+6jo9qhxCeQPMwHmmmdXVndfgTpvLwygXYKHv⟧ --profile legacy-batch
aws s3 ls s3://acme-legacy-batch/ --profile legacy-batch
heroku auth:token
export HEROKU_API_KEY=⟦cloud:b5f20ac6-f6cb-46d4-8731-b3571eafa6f2⟧
heroku ps -a acme-legacy-web
psql ⟦urls:postgresql://readonly:7Xxg6FK056AwoXbGAdEOfG@analytics-replica.prod.internal:5432/analytics⟧ -c '\dt'
curl -H "Authorization: Basic ⟦generic:svc-reports:iBgEswKYYbekBW8|b64⟧" https://reports.prod.internal/api/v2/export?fmt=csv -o export.csv
curl -H "Authorization: Basic ⟦saas:ops-bot@acme.example:ATATT3xFfGF0⁞gVlq4wp2J0vVAUX3uzoYIlAZOAf7TJUZHjmms_I15wgCxSmEUEkGK6fE_iteRZH4W18eK2WhA5rH1SUyHC-GSmQblrWGy_8ZoclagLfqOh11FdZgmLMUL9zh7E_JOoYC_LQ0vJU4D5xNa_vMpI1QIkpKCNGJItAqAeSDJFk77l9RTeR9L2rd=8B7F2CA1|b64⟧" https://acme.atlassian.net/rest/api/3/myself
curl -s -H "X-Api-Key: ⟦generic:e6f40e89746c1e68058b2ff3821e6a4a0de53168⟧" https://inventory.partner.example/v3/stock/KC-1042
curl -s -H "Authorization: Bearer ⟦generic:92KEOBrST33ijt0vns5LduCR8qzVuj7goT7G97sx⟧" https://billing.partner.example/api/invoices?status=open
export SCW_ACCESS_KEY=⟦cloud:SCW⁞MM9YPPMELWYYA1FJA⟧
export SCW_SECRET_KEY=⟦cloud:085062c8-5b8a-4db4-86e3-20cbd7c7ce7d⟧
history | grep -i token
export DIGITALOCEAN_ACCESS_TOKEN=⟦cloud:dop_v1_⁞49163aec7660a21d38f597d4d3bfbb977bae5082980dbc3e1c3739d98236648f⟧
doctl compute droplet list
export LINODE_TOKEN=⟦cloud:8d2b5930d983ac646d17b04c0cd2567e53ff93947def3b8358fa925630a74792⟧
linode-cli linodes list
export VULTR_API_KEY=⟦cloud:3TEPLKKN6QTB55BOXSS46TA9T2AOPXYMRHS2⟧
sha256sum ~/Downloads/terraform_1.7.5_linux_amd64.zip
# 5abe8f109ff4181a8b72ecc744b0c11e0ea1092f2dcce900576236f27ccdb918  terraform_1.7.5_linux_amd64.zip
git log --oneline -3
ssh -i ~/.ssh/id_ed25519 sre@bastion.prod.internal
vault login -method=oidc
export VAULT_TOKEN=$(vault print token)
gh auth token
gh api -H "Authorization: Bearer ⟦vcs:ghu_⁞0YAPLuFlcvmOo1LuIe0HEfaWgVxWrK2XIAyo⟧" /user/installations
export DOPPLER_TOKEN=⟦vcs:dp.st.⁞dev.b3WhFgQpOc9itCISLl6eLRMb21YoK85fh0LGb5C0V18⟧
doppler run -- ./scripts/smoke.sh
export SONAR_TOKEN=⟦vcs:squ_⁞67ad3bf11722fea92620c0f127452889cbce55cc⟧
export PULUMI_ACCESS_TOKEN=⟦vcs:pul-⁞49ad1601e8f6fb4fc0785fe5cd0c6f0fe71aaabd⟧
pulumi stack ls
unset GITHUB_TOKEN HEROKU_API_KEY DIGITALOCEAN_ACCESS_TOKEN LINODE_TOKEN
