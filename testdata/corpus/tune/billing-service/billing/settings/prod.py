"""Production settings for the billing service."""
import os

from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.getenv("DB_NAME", "billing"),
        "USER": os.getenv("DB_USER", "billing_app"),
        "PASSWORD": os.getenv("DB_PASSWORD"),
        "HOST": os.getenv("DB_HOST", "db-primary.internal.fernwood.dev"),
        "PORT": 5432,
        "CONN_MAX_AGE": 60,
    }
}

# Invoice PDFs are archived to S3. The worker role normally provides
# credentials; the static pair below is only used by the nightly export job
# that still runs outside the cluster (TODO(ops-412): move to IRSA).
AWS_STORAGE_BUCKET_NAME = "fernwood-billing-invoices"
AWS_S3_REGION_NAME = "eu-west-1"
EXPORT_AWS_ACCESS_KEY_ID = "⟦cloud:AKIAY⁞RWXCWX4ECZPMONJ⟧"
EXPORT_AWS_SECRET_ACCESS_KEY = "⟦cloud:TFxG⁞z+V2meOCbl7tKdRYRr5sn6LapKaZSk3bWNrO⟧"

# Password validation: the token generator below rotates reset tokens daily.
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get("REDIS_URL", "redis://localhost:6379/2"),
    }
}

LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "INFO").upper()},
}
