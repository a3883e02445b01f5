"""Production settings. Anything secret should come from the environment."""
import os

from .base import *  # noqa: F401,F403

DEBUG = False
ALLOWED_HOSTS = ["api.tidewatch.app", "tidewatch.app"]

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "⟦generic:django-)vu9-qsh!rjdxw8ys8r#e⁞6+xwp(!ht-t+0#a6q(q2hmegp^4kf⟧")

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("PGDATABASE", "tidewatch"),
        "USER": os.environ.get("PGUSER", "tw_api"),
        "PASSWORD": os.environ["PGPASSWORD"],
        "HOST": os.environ.get("PGHOST", "tw-pg-rw.tidewatch.svc"),
        "CONN_MAX_AGE": 60,
    }
}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "email-smtp.eu-north-1.amazonaws.com"
EMAIL_PORT = 587
EMAIL_USE_TLS = True
EMAIL_HOST_USER = "tidewatch-mailer"
EMAIL_HOST_PASSWORD = "⟦generic:g-J0#Y=r.⁞QcHLP^^jyv⟧"

SENTRY_DSN = "https://dc0c75ad0d6ccf4f8e3bcf00587d4525@o744877.ingest.de.sentry.io/9506874467369867"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get("REDIS_URL", "redis://localhost:6379/1"),
    }
}

SECURE_HSTS_SECONDS = 31536000
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = ["https://tidewatch.app"]
