import os
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

SECRET_KEY = env("DJANGO_SECRET_KEY")
DEBUG = env.bool("DJANGO_DEBUG", default=False)

DATABASES = {"default": env.db("DATABASE_URL", default="sqlite:///db.sqlite3")}

EMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", "")
TWILIO_AUTH_TOKEN = os.environ.get("TWILIO_AUTH_TOKEN")
STRIPE_SECRET_KEY = env.str("STRIPE_SECRET_KEY", default=None)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Password hashes in fixtures are PBKDF2 of throwaway values.
FIXTURE_ADMIN_HASH = "pbkdf2_sha256$720000$Qm7Xz2Lp9Rv4Tn1Wb8YcJA$kZ3xV6bN9mQ2wE5rT8yU1iO4pA7sD0fG3hJ6kL9zX2c="

STATIC_URL = "static/"
MEDIA_ROOT = BASE_DIR / "media"
