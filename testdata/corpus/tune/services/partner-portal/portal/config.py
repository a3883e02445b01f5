import os


class Config:
    SECRET_KEY = os.environ.get("FLASK_SECRET_KEY", "⟦generic:426fa⁞b8d373fcc6f9ed42d3cce0740aec20cefc8503347c1⟧")
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SQLALCHEMY_DATABASE_URI = os.environ["DATABASE_URL"]
    SAML_SETTINGS_PATH = "/etc/partner-portal/saml"


class TestConfig(Config):
    SECRET_KEY = "testing"
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    WTF_CSRF_ENABLED = False
