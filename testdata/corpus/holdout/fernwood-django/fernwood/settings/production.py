"""Production settings for fernwood (herbarium catalogue)."""
from .base import *  # noqa: F401,F403
import os

DEBUG = False
ALLOWED_HOSTS = ["fernwood.example.org", "api.fernwood.example.org"]

SECRET_KEY = "⟦generic:nSEW029IY1Xd⁞TirBxA38yeQ1NnhaOxZdTWPmiInrgcZ95y⟧"

DATABASES = {
    "default": {
        "ENGINE": "django.contrib.gis.db.backends.postgis",
        "NAME": "fernwood",
        "USER": "fernwood_web",
        "PASSWORD": "⟦generic:aYk.EKk.jX⁞i6vVuK.p6p⟧",
        "HOST": "db-primary.fernwood.internal",
        "PORT": "5432",
        "OPTIONS": {"sslmode": "require"},
    },
    "readonly": {
        "ENGINE": "django.contrib.gis.db.backends.postgis",
        "NAME": "fernwood",
        "USER": "fernwood_ro",
        "PASSWORD": os.environ["FERNWOOD_RO_PASSWORD"],
        "HOST": "db-replica.fernwood.internal",
    },
}

CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "rediss://default:⟦urls:ql_wS6HxQFp⁞ZKJyQkZR7Ij⟧@fernwood-cache.upstash.io:6379/0",
    }
}

EMAIL_BACKEND = "anymail.backends.mailgun.EmailBackend"
ANYMAIL = {
    "MAILGUN_API_KEY": "⟦messaging:d8204232f94d⁞94e8fba4abc708493c95-b8df78d1-61cd8cba⟧",
    "MAILGUN_SENDER_DOMAIN": "mg.fernwood.example.org",
    "MAILGUN_WEBHOOK_SIGNING_KEY": os.getenv("MAILGUN_WEBHOOK_SIGNING_KEY", ""),
}

AWS_STORAGE_BUCKET_NAME = "fernwood-specimens"
AWS_S3_ACCESS_KEY_ID = "⟦cloud:AKIA7GVR3P⁞HMHVTHQTP2⟧"
AWS_S3_SECRET_ACCESS_KEY = "⟦cloud:6x093QA5PmKu⁞a1Br1b3OcieDluhXRgQRZkcxB5m4⟧"

SENTRY_DSN = "https://4f1c2e3d5a6b7c8d9e0f1a2b3c4d5e6f@o450123.ingest.sentry.io/5512345"

CSRF_TRUSTED_ORIGINS = ["https://fernwood.example.org"]
SESSION_COOKIE_SECURE = True
# Integrity of the vendored leaflet bundle, checked in collectstatic hook
LEAFLET_SRI = "sha384-ZkR3b1tF0+2vQpCw8N1l2k7dYx9mHc4Jq6e0TnV5aU3sGiRf8bLoWz7yXpK1eMd2"
