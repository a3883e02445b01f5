import os

ELASTICSEARCH = {
    "hosts": [os.getenv("ES_URL", "https://elastic:⟦urls:8E⁞1r6xsYqLAAoYfYca-bpw⟧@es-01.internal.fernwood.dev:9200")],
    "verify_certs": True,
    "ca_certs": "/etc/ssl/fernwood/internal-ca.pem",
    "request_timeout": 10,
}

INDEX_SETTINGS = {
    "number_of_shards": 3,
    "number_of_replicas": 1,
    "analysis": {"analyzer": {"folded": {"tokenizer": "standard", "filter": ["lowercase", "asciifolding"]}}},
}
