cd ~/src/catalog
git pull --rebase
make test
mysql -h mysql-primary.internal -u dba_ops -p'⟦generic:Copper_8255meadow-KE⟧' catalog -e 'show processlist'
export OPENAI_API_KEY=⟦ai:sk-lOUY7TBXzEsSAYJN942mT3⁞BlbkFJqPkikBnU8HjYCM99qyfG⟧
python scripts/summarize.py --limit 50
aws configure list
aws sts get-caller-identity
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
kubectl -n catalog get pods
kubectl -n catalog create secret generic catalog-db --from-literal=username=catalog --from-literal=password=⟦generic:Maple.1494thistle*QU⟧
kubectl -n catalog rollout restart deploy/catalog-api
docker run -d --name pg15 -e POSTGRES_PASSWORD=postgres -p 5432:5432 postgres:15
docker run --rm -e MINIO_ROOT_USER=minio -e MINIO_ROOT_PASSWORD=⟦generic:qxIWyjeNC9jv29II8KK_⟧ -p 9000:9000 minio/minio server /data
history | grep secret
kubectl -n catalog create secret generic catalog-db --from-literal=username=catalog --from-literal=password=⟦generic:Maple.1494thistle*QU⟧ --dry-run=client -o yaml > /tmp/s.yaml
vim /tmp/s.yaml
rm /tmp/s.yaml
git log --oneline -5
git show 35eba38f6561b829e8fd9475fdfd16944dd1e9a8
