import { SignJWT, importPKCS8, importSPKI, jwtVerify } from "jose";

const ALG = "ES256";
const ISSUER = "https://auth.fernwood.dev/";

// Dev signing key. Prod loads AUTH_SIGNING_KEY from the secret store; this
// fallback only exists so `npm run dev` works without Vault.
const DEV_PRIVATE_KEY =
  "⟦keys:-----BEGIN PRI⁞VATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgag9xghs+9Zadn33B\nQDI62P4SwTG2lrH1T+FrGwAiuTKhRANCAATJ3b3Ts1MVeBg4x54wdeM+zKs2vCKj\nx/84XpQpQ8O19vK0Zl/EYJ5dlpeb+tJEiqS8/ZEPZ/zmfOX2NqYSxSgG\n-----END PRIVATE KEY-----⟧";

const PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEhCYRltLw77KDoe9gvwWzQ+JAXUVF
hIHR3AwIg4pmciqqAfrWoY1wnINJrPK4FmOXshE9hQnTzTDHowfQnXPscg==
-----END PUBLIC KEY-----`;

export async function sign(sub: string, scope: string[], ttlSeconds = 900) {
  const pem = process.env.AUTH_SIGNING_KEY ?? DEV_PRIVATE_KEY;
  const key = await importPKCS8(pem, ALG);
  return new SignJWT({ scope: scope.join(" ") })
    .setProtectedHeader({ alg: ALG, kid: "68fb1463a7059e11" })
    .setSubject(sub)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}

export async function verify(token: string) {
  const key = await importSPKI(PUBLIC_KEY, ALG);
  return jwtVerify(token, key, { issuer: ISSUER });
}
