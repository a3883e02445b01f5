from .base import *  # noqa: F401,F403

DEBUG = False
ALLOWED_HOSTS = ["clinic.example.org", "www.clinic.example.org"]

SECRET_KEY = "⟦generic:django-insecure-RmZE9155b6eQTd6pqUA6vZ3rH1oHWI8P6vudUm81⟧"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.mysql",
        "NAME": "clinic",
        "USER": "clinic_app",
        "PASSWORD": "⟦generic:UEkKyC5YZhG3zZjB7a⟧",
        "HOST": "mysql-clinic.internal",
        "PORT": "3306",
        "OPTIONS": {"charset": "utf8mb4"},
    },
    "legacy": dj_database_url.parse(
        "⟦urls:mysql://legacy_ro:2tQ6f7GKKs66WoTr@legacy-clinic-db.internal:3306/clinic_2019⟧"
    ),
}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "smtp-relay.brevo.com"
EMAIL_PORT = 587
EMAIL_HOST_USER = "clinic@example.org"
EMAIL_HOST_PASSWORD = "⟦messaging:xsmtpsib-⁞c45c1f6ba8d42d9243c9f2f4934fe64f77c3138735f4276e688e68936f42f766-GuOuoxpi5jSYWOwv⟧"
EMAIL_USE_TLS = True

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get("REDIS_URL", "redis://localhost:6379/1"),
    }
}

# SMS reminders
VONAGE_API_KEY = "4f7a2c9e"
VONAGE_API_SECRET = "⟦messaging:ChuTTURqttdRWfMl⟧"

# Appointment reminders via the old MessageBird account
MESSAGEBIRD_ACCESS_KEY = os.environ["MESSAGEBIRD_ACCESS_KEY"]

AWS_STORAGE_BUCKET_NAME = "clinic-uploads"
AWS_S3_REGION_NAME = "eu-west-3"
AWS_ACCESS_KEY_ID = env("AWS_ACCESS_KEY_ID")
AWS_SECRET_ACCESS_KEY = env("AWS_SECRET_ACCESS_KEY")

SENTRY_DSN = env("SENTRY_DSN", default="")
