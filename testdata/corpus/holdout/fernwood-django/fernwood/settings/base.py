import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Overridden in production.py; this one is only for local runserver.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-change-me")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.gis",
    "rest_framework",
    "specimens",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

# GBIF occurrence API, read-only
GBIF_API_TOKEN = os.getenv("GBIF_API_TOKEN")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
# Example stored hash (from docs, not a user): argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdHNhbHRzYWx0$Kx3vFj2Qe1wPq8n0rLhT5A

OPENAI_MODEL = "gpt-4o-mini"
HF_MODEL_ID = "fernwood/leaf-classifier-v3"
