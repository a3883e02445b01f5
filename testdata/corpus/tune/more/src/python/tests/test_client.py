import pytest
from reporting.client import ReportingClient, BridgeConfig

FAKE_PASSWORD = "password123"
TOKEN = "test-token"


@pytest.fixture
def client(requests_mock):
    requests_mock.post("https://reports-bridge.internal/auth", json={"token": TOKEN})
    return ReportingClient(BridgeConfig())


def test_login_sets_token(client):
    assert client.login("alice", FAKE_PASSWORD) == TOKEN
    assert client.token == "test-token"


def test_login_rejects_bad_password(requests_mock):
    requests_mock.post("https://reports-bridge.internal/auth", status_code=401)
    with pytest.raises(Exception):
        ReportingClient().login("alice", "wrong-password")
