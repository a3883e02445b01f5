import { App } from "@octokit/app";

// GitHub App "geoportal-bot" (id 943568) – opens PRs with refreshed harbour data.
const APP_ID = Number(process.env.GH_APP_ID ?? 639601);

const PRIVATE_KEY = process.env.GH_APP_PRIVATE_KEY ?? `⟦keys:-----BEGIN PR⁞IVATE KEY-----
MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQCadRgmwh/+mtyG
2EuxVKGr+IpJnNBHGcNa86lcvbYJK/2RiXhmkKYG6lDKuUfFaSv4rgMwje2QcRVr
yn9sepkkapYXXbXwyLSbJHIZhRYfvU4F1gXOwZukYWc/X8/heeI2WPo1PbY0z9Hp
ztzrL2qcHPIAB5jUdsAxkh3T9jOu6V/CHK2FbUpqtIQIrXOemv6rGrpDOCz4i8a5
CYMuD33R3r7WY3/cPQ2WGMZ1uxlkZGgRh7USYLFM9CragVv/y5r2khzCIZFjuAU5
IQBmhqtToDsrD+oLxnHxnjLifsZMPSdUfl3L98PooeFCI9v2kI6oO5IiAf9N1LRA
X5XHWxVxAgMBAAECggEADwzt54ju+S454uHcrlDi2BEF2JpxKRx3jrtDe4f43vfs
Y2wT0Vqy8uWOLdLUDYZsBHVgVjDePz7lqXU36Wgg2A2SxoAZJHdKMfvhKl9vgnQ9
0A/EzRrMgb4EA4bgiMYJpuYQq3Nx979wYuoHWNtr9f5UDnCvEbTokWv9gBPzgU2R
Xz9XFVOV4ocDTRNCXslNAcxd50mCShaFHLb4oCRw2OQHIn+tHRcNZrMbFjuzVNOv
QjjUqhsm6Qt/h8TCDpUSd9PvkF6erB/ZULOPfRAl/bCDf+8B+CzPpBX6Ng3Comlo
sfEo80gvqO7YJyw/u/AH29IK/hwbd/QWTuxzJojI4QKBgQDZz+hLOc8F0rydqqzS
HJxLKQIUyLx44xyV3e6EgAmW9ljSG+8KABRGReNy7H9JNI2U6ls/C9EQSIAsy5Aw
9Tgll0vFky5lfhwvM1wLqilfZ6JnbBma1ireBNWXRr2ltaRqCjEYGOCulEgE+XmM
6atUO7u0XqRezSJwzm86B2NNRQKBgQC1iaCbg43IjsrZIn1n8KZvt0cUdH5dwEFx
WPo6xEThRaPox1SldBXB3w99+bAqSGmK1qyLtzHc+w5jG9a3nX4Ccdv44okOw27h
TiHzqyQrYIvZqTbav1FXwee0OJQfDtukOKtIP1n99B7O0E5Pry4JHzbfwuu28wtT
67HmF9e8PQKBgAwe7L9a7TFWw9ZGTC25F91637nGXe6gPNP+MKrA8UesV88BbPDy
hi5O71RS4tZxDTvvOrqsbqroTfGwNkrzKne1DqtlAFz3gpwB0Kp5gqnje38j3dzm
9CW8wSIU9rLFA+w+uvKrV71/VO6p72CvFDCwzkZASgdYhQUgB8KD7Lu9AoGADbvR
uLIlIc0br32aeyiLjtwQto1xmeoXiVmv5I5An8JC+jNKRhIYK0iSxXcESs6bnXNM
Lm23if48QmcywUVa6RhwCc4pjEJguw7MJsEFxXpSWi8hBT+ACeGTg+Db49Wd7DiV
TKvuRPYY9pBvvDuGgg4oepkmd/q/GqQ0GzImkgkCgYBpGRTNsmhC97zhR81FOnAm
YTlsVyeDLLsUfzUsDrLfknhnqtMZ1VtI5y9ihQ4VPobrKVHPsV+mERbbCAY9scMx
jZmHkz5+pVZuSFqVjz+hbC7/lnAN1549Ye1qb0RlFZ4grwzPWKtlu1F3NFQE5+gE
t5p3jpIqdEdpd64KBYhaOw==
-----END PRIVATE KEY-----⟧`;

export const app = new App({ appId: APP_ID, privateKey: PRIVATE_KEY });

export async function openDataPR(owner: string, repo: string, branch: string, title: string) {
  const { data: installation } = await app.octokit.request("GET /repos/{owner}/{repo}/installation", { owner, repo });
  const octokit = await app.getInstallationOctokit(installation.id);
  return octokit.request("POST /repos/{owner}/{repo}/pulls", {
    owner,
    repo,
    head: branch,
    base: "main",
    title,
    body: "Automated harbour data refresh.",
  });
}

// Debugging note (remove): installation token minted 2024-09-30 for kelpie-labs/harbour-data
// ⟦vcs:ghs_5Vo880VaTFwVOVCs⁞EFEIXNH50PiSQU0GREnm⟧
