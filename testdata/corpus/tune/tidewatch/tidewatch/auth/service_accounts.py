"""Service-account credentials used by internal jobs to call partner APIs.

The SMHI partner API requires RS256 client assertions signed with a key they
registered for us in 2022. It should live in the secret store -- see TW-931.
"""
from __future__ import annotations

import time
import uuid

import jwt

SMHI_CLIENT_ID = "tidewatch-prod"
SMHI_TOKEN_URL = "https://partner-auth.smhi.se/oauth2/token"
SMHI_SIGNING_KEY = "⟦keys:-----BEGIN RS⁞A PRIVATE KEY-----\nMIIEowIBAAKCAQEAmoG+OgmeSE/1eKWCOoGWl8xpYT7CZtfs/qHlaOZ4Qno5aUEK\n93XcU1WrbObu5xTGXrQ706pQbw/+BOXkzeXBComr+MiY61Vl0Tx9DI+QwBnKWDnR\n8/mfHGILggr2FxxL6caYGPwnW2GUSgG4dvNochaa2+muv48e2Dy3gr3PSR9+z7m+\nFiZx7VURHJTxdSmC68rauV3iAlFdQk9c5JslOJHOErec6z4wlJZOI38AI7xovuh5\nwUkQSmkxc2QlRu385S2KipBSipLLE9kNIqFWZfmagN00gmpx7QFGN4egk/JuVavc\nszG5sucmWhkzCeHgdKITYn9VlBVa8sUqjsQmcwIDAQABAoIBAAjPtGMH8GRsVvHx\n8mrWwBlZGXtnwltuHgBpiDVCy4HzCXoksPTq3k1MWfHke6RnDWcSPUU1dc/XqCNs\nXu+VFjy9HDccbYgiPyO/INyKBXXHIsCET6JrznSmbMSWTnGD9hpXbo4iNzZhar0L\nuxLhj8fN3TgEbChVh6tKTybgH0WqtO1LLKpIM2+tJxSiP61J/yFF5FgCJac0s5/I\nQAFYdIfgXrxKaksskMLQ/rlkVcQg6CGbdBdgarxlXa/dTi5+w7ZAr+Qqs7EtCF+J\nuJ3RG62V/LFgu1xev07AlujysCTj6zoFSHCNLnJLlRzajTzxWuVc4NeFK5VTU4/3\nC0iOZs0CgYEA01arGNljLLRQT5F0sMdO/gh0Iv3Bu15+s1vDpdvmWvV6bLz/sWEr\nSG3i335GzCKjr8ykJNicHta1QUQVUkUaeaE1KpaDQTe3jLH0VNSQ2lNPFLhQgFT8\n74GUZyR9VhKo8yKzSoXGAr6XlMsajgIFBX9LABzkSK/8Cg4QEbcm1o8CgYEAuyiA\nCq5werEEBOxDeNeoa6nV8GtVn9FQQshQWClzE98Ybyjpkrq/yuly6DtSfpBGA5rc\njFU9Uqi+yfupyE0j4J98hqm6RFOYLwjgs9Df2oOjI+nPIKqhEvGut9vCDohE6xb9\neJsbcE2pGQvIA3xVAa1m0Krf6jubf5ZF+y1Sw90CgYBeZ1mYiQrnHki9slD44p8j\nlO0j8EyJASYBwpz7yuX0fbFJP4fMWYZ3HTb59LN1XofV8Mjl+KiMkgZ3eA06Kcow\nyNUyB/fruxLP03I8LpPiItKxg7/aA5zU9AIxrLgcKcu0iCykvmr8MN0PR0a+ZqKN\nmRYMn9tNqOciKrP85d6AewKBgD3F5VUhNFDaokf5r19wVs+KU+mxk6ZXUNVqBlLD\nA4+YgBkYeNeMOgeAPAP4qIbLmcBQ2eCbtczVk3tZTDWneGMIYPKVjLxGlyFXHctb\n8rbN4gfVgR74EogNKyzWJNvlEFJD2U94ansLtvdkUxULcYdHM3tGGvfVysI22ExK\nLlolAoGBALFsjafeSi194Sm4eTkTBDARmZ7cdweIxv+R4hOnSCfM5ZGvlMiIFyac\n0XhYfNmBMKhroAMrI9XMhnfJ4AxJDs6eAus6PY0rfvC7jQQkqDIwMrRgXbVIiTZG\nVJ9xXDioRjfmxwQqgOclWao7HfPxoEyRdfVUilHuxWROIAGTslO5\n-----END RSA PRIVATE KEY-----⟧"

# long-lived token for the nightly exporter (issued before token TTLs existed)
EXPORTER_TOKEN = "⟦keys:eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJ0aWRld2F0Y2giLCJzdWIiOiJzdmM6ZXhwb3J0ZXIiLCJzY29wZSI6WyJleH⁞BvcnRzOndyaXRlIl0sImlhdCI6MTcxOTgwMDAwMCwiZXhwIjoxNzUxMzM2MDAwfQ.LjJbVliWPeHMohTJSgXLNAbQ6COGgxZFVZRuorA9xjg⟧"


def client_assertion() -> str:
    now = int(time.time())
    claims = {
        "iss": SMHI_CLIENT_ID,
        "sub": SMHI_CLIENT_ID,
        "aud": SMHI_TOKEN_URL,
        "iat": now,
        "exp": now + 300,
        "jti": str(uuid.uuid4()),
    }
    return jwt.encode(claims, SMHI_SIGNING_KEY, algorithm="RS256", headers={"kid": "c84d1d242a0bfbd2"})
