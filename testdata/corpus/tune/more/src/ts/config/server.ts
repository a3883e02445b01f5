import { z } from "zod";

const schema = z.object({
  PORT: z.coerce.number().default(3000),
  DATABASE_URL: z.string().url(),
  SESSION_SECRET: z.string().min(32),
});

export const env = schema.parse(process.env);

export const integrations = {
  linear: {
    apiKey: "⟦saas:lin_api_v8LVv3PiW013Hf93⁞DiiuqQhB89rpKUhKXaGwqS8B⟧",
    teamId: "0d49d502-b175-45da-861a-eb02a50eb972",
  },
  notion: {
    token: process.env.NOTION_TOKEN ?? "",
  },
};

// Key used to sign outbound webhook payloads (RS256). Public half is served at /.well-known/jwks.json
export const webhookSigningKey = `⟦keys:-----BEGIN PRIV⁞ATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCwC2wEO6VFuV37
WouGbKa3o7O2Hnc6W5AbkRjacgeONivxPbVKXySX0WdNUSK+y5Ovo6HvlrdTYU2i
UvQnjho20Eix3VCaHpfY76E+5LQ6nEjkHF4dsNk/aG99WPZV3ysLGUNYxrMjFRks
5nw5qmztO9CZPK3zUAnxzP9PmTDtvRH1k5+AdKhJz+aCd1Flye/9MmfCwRsOfLvL
eoLL3uFD0pRe/LoBVJ6kmiIPMOjoeNGGZ/JAQOow2+Z9HjAsrC2cCoNVIUBFwft3
1i+oLqRIWoN2aoGb1JX5xbf7bPu/9y27hJGJjv7LjkrzKjaFrWaPi7wTA6aR1iUT
i9AyPzG/AgMBAAECggEAAL4jmAb6ZQdprphMs2X89BRkOzX4sc3WF0+u56kIgCCZ
YdytSaGKIXvYMDrR5zUrq9eIZN7haiAkeDVaY1pVoPqS+/EfmG7dnCQyrXXAjui+
4/t8qCppWDukEMbRzz3wTA0wvAymj9TUdNyKFKIz8HJKqILZhwfE6vi+8QKH8tDS
GmofpBk8H7P2N5n3ZlzSFvNa9GdowtpghwWy+61IkCIO1gvUYraNAgwOkubA/ntF
tZ0BrvHlqJuh+moapECrRVrO8FNPhzvNhTgXTfcS09yJYOGF2GTYE+PJrJHpd6rU
xGWIRjRckxvFcjmSiC42VXY75LB3J/Ol00LdsfaH7QKBgQDYT3ywbfTYfIyiIErt
5oprSgpe4c1L32NwlVZ3VXn33qWBtxjWFTlR2jCgNn9tCdS0RTuQW+++v1csMhao
s0cTqnnG93hHqxIy6vT1zZIjGMCgYN00/Wb99RWm6YFc8g8L8/zk4VqPqwg7aQpJ
fjUeYCC14TgPm+QekxznANaiCwKBgQDQWJIFjNPb5UF9Q+m5wqG0IWJzk05kASQN
RautmkGBxr3/lEsvzZy3LH46IYhhQ8aoPUUbG8tJh3gmHKkKJys2n42vvi5uJbjO
jFBOoj8vTr48gYGEP1otU/kmfxeQYU4Jfwki8pxVsZAxzMT0M69bd5KB3iLDeoZe
iudQHyUTnQKBgBXkjaEpr9NNX8p07ECBydasCrqpreaU+HKHmtW/H/YXYbbsOiZI
xaFkLPG6MlFt4kpQi4PD2lL6+K6vbx2p73KtGWAq4dCXHuNqZlqOcND+i1hwFVNs
pkTjzkozbfVjRmSWUC02Jb1OuSmSKwlfLa8iWY0u+0aRJ5h0mUNEEXUbAoGACfkD
XFKmXXM21Eko6eRgGyAx9zhI206WrC/2jMPCePTLaW1uv+YGp1nw3NV4ErfMzYbJ
RQfqjiV24dQjX0IKtn2iqZPf4xPZKcHbojfv8FLDll/YlDz4Ew1e8rHIrfeKZbf3
9v1H8G4kac3Ua6ABt84cbCz22waFYgciFVq4Sp0CgYEA0SjM5LJVyOqwpUpU8/Tz
c8a6w57qnrDPK+leslHyN4cql+KZ+SmosPISJxv65Ojz6YvNWV/RbRRZxQ1vfuHJ
Ua9c+cfMPPPb27QYVL54mKPAoAHinBrXkG8KZ0pFnCQbAhCUOmFVoL4R6n0CisbA
a1VIV8gQeuOCxnnI5LKjrHs=
-----END PRIVATE KEY-----⟧`;

export const cookieOptions = { httpOnly: true, secure: true, sameSite: "lax" as const };
