import pytest
import jwt as pyjwt

from tidewatch.auth.tokens import issue_token, verify_token, TokenError

TEST_SECRET = "not-a-real-secret"

# the example token from jwt.io; signature is for the secret "your-256-bit-secret"
JWT_IO_SAMPLE = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
)


@pytest.fixture
def settings_secret(settings):
    settings.JWT_SIGNING_SECRET = TEST_SECRET
    return settings


def test_roundtrip(settings_secret):
    tok = issue_token(user_id="e0072fb8-b4c8-4728-8e2e-7bc95b6c6e0a", role="viewer")
    claims = verify_token(tok)
    assert claims["role"] == "viewer"


def test_rejects_foreign_signature(settings_secret):
    with pytest.raises(TokenError):
        verify_token(JWT_IO_SAMPLE)


def test_rejects_none_alg(settings_secret):
    unsigned = pyjwt.encode({"sub": "x"}, key="", algorithm="none")
    with pytest.raises(TokenError):
        verify_token(unsigned)


@pytest.mark.parametrize("password", ["password", "test1234", "hunter2"])
def test_weak_passwords_rejected(password):
    from tidewatch.auth.passwords import validate
    with pytest.raises(ValueError):
        validate(password)
