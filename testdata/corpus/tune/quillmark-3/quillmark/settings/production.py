"""Production settings for Quillmark (small-press publishing CMS).

TODO(mara): move the literals below into the ECS task definition before the
autumn catalogue launch. Everything marked "env" already comes from there.
"""
import os

from .base import *  # noqa: F401,F403

DEBUG = False
ALLOWED_HOSTS = ["quillmark.press", "www.quillmark.press", "admin.quillmark.press"]

SECRET_KEY = "⟦generic:q8#v)n2@x!kz0^t$w7⁞c&f4e(p1m+j6s%b9r*h3d_g5l=u⟧"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "quillmark",
        "USER": "quillmark_app",
        "PASSWORD": "⟦generic:Q.!-EBG2s*-xX⁞xzBbU⟧",
        "HOST": "quillmark-db.internal",
        "PORT": "5432",
        "CONN_MAX_AGE": 60,
    },
    "analytics": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "quillmark_analytics",
        "USER": "readonly",
        "PASSWORD": os.environ["ANALYTICS_DB_PASSWORD"],  # env
        "HOST": "analytics-replica.internal",
    },
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://:⟦urls:m33v.tZH.93_c3.E⁞pL⟧@quillmark-cache.internal:6379/1",
    }
}

# Celery talks to the same RabbitMQ as the print-on-demand bridge.
CELERY_BROKER_URL = "amqp://quillmark:⟦urls:1s-hK-_p.Ua_~d⁞12⟧@mq.internal:5672/quillmark"
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", "django-db")

# Media on S3
AWS_STORAGE_BUCKET_NAME = "quillmark-media-prod"
AWS_S3_REGION_NAME = "us-east-2"
AWS_ACCESS_KEY_ID = "⟦cloud:AKIAHW⁞VBWFNOHIF3HWUB⟧"
AWS_SECRET_ACCESS_KEY = "⟦cloud:wFxtD3⁞R85SNYMRCljFfkpbQUzuhivGloSMs+PhFf⟧"
AWS_S3_CUSTOM_DOMAIN = "media.quillmark.press"

# Transactional mail
EMAIL_BACKEND = "anymail.backends.mailgun.EmailBackend"
ANYMAIL = {
    "MAILGUN_API_KEY": "⟦messaging:07c14e⁞d62886d99e9b0dc228a23c9805-d92fe2d2-8dfd00e4⟧",
    "MAILGUN_SENDER_DOMAIN": "mg.quillmark.press",
    "MAILGUN_WEBHOOK_SIGNING_KEY": os.environ.get("MAILGUN_WEBHOOK_SIGNING_KEY"),  # env
}
# Old Mailgun key, still used by the newsletter cron until it is migrated.
LEGACY_MAILGUN_KEY = "⟦messaging:key-2e⁞686c2792be6989b70d1b0430c003ee⟧"

# Newsletter sign-up form
MAILCHIMP_API_KEY = "⟦messaging:75fef2⁞94011c2d2f937f54b11438bdbb-us12⟧"
MAILCHIMP_AUDIENCE_ID = "a41c9e07d2"

# Error tracking. The DSN is public by design (it ships to the browser).
SENTRY_DSN = "https://9e2d41c07ab54f3e8d16c2a07f4b9e31@o118822.ingest.sentry.io/4504410"
SENTRY_ENVIRONMENT = "production"

# Full-text search
ALGOLIA = {
    "APPLICATION_ID": "QM7X2K9PLA",
    "API_KEY": "⟦saas:bc3d8c⁞54d716ad5c82ab1ef41e490c38⟧",  # admin key: used for reindexing
    "SEARCH_ONLY_KEY": os.environ["ALGOLIA_SEARCH_KEY"],
}

STRIPE_PUBLISHABLE_KEY = "pk_live_51NqZ8cHf3KpT2wXvBn7YdLmR4sJ0aGuE9iOo6PqWtZyV1kC5bM8nF2hD3jS7lA4gQ0xU9eR6tY1iOp3aS5dF7gH9jK2lZ4xC6vB8nM0qW"
STRIPE_SECRET_KEY = os.environ["STRIPE_SECRET_KEY"]  # env
STRIPE_WEBHOOK_SECRET = "⟦payments:whsec_8z⁞j0MSbd5Otl9it5yIu8vvdnRWDKkhCT⟧"

# Password policy for author accounts (not credentials)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 259200
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
