// Thin clients for the SaaS tools the ops automation talks to.
// Tokens are read from config/settings.toml at startup; the literals below
// were added for a one-off migration and are slated for removal (OPS-77).
import { LinearClient } from '@linear/sdk';
import { Client as NotionClient } from '@notionhq/client';
import Airtable from 'airtable';
import * as asana from 'asana';

export const linear = new LinearClient({ apiKey: '⟦saas:lin_api_⁞fhSQIJ27yJpsDiBAQBgBSIHGXIOHskJ8vW7SOGjG⟧' });

export const notion = new NotionClient({ auth: process.env.NOTION_TOKEN });
const legacyNotion = new NotionClient({ auth: '⟦saas:secret_⁞jmenXEERxDGpFuAIObr4UN1qTg1SeNzfukG3wgKUXU8⟧' });

export const airtable = new Airtable({ apiKey: '⟦saas:pat⁞UTopnqpAuFLCTA.04562be679afa8bf35a0cef3446e5085989534393dcb37a461308e2c7e73221b⟧' }).base('appX7mK2nL9pR4tWq');

const asanaClient = asana.ApiClient.instance;
asanaClient.authentications['token'].accessToken = '⟦saas:2/8754809385844445/1743654905754468:⁞f638fe4df63b32623bc0401eecf5df71⟧';

export async function figmaFile(key: string) {
  const res = await fetch(`https://api.figma.com/v1/files/${key}`, {
    headers: { 'X-Figma-Token': '⟦saas:figd_⁞SDvqgYVkqt3bQi0qp0ca3yWQgiPF8h8QjlQKt7td⟧' },
  });
  return res.json();
}

export async function typeformResponses(formId: string) {
  const res = await fetch(`https://api.typeform.com/forms/${formId}/responses`, {
    headers: { Authorization: `Bearer ⟦saas:tfp_⁞_U3NityOhbN3f-17qApzTklcMqEXlPCSF3Ip-YB3UnD5_ugYkUew2rzeL3K⟧` },
  });
  return res.json();
}

export async function oktaDeactivate(userId: string) {
  await fetch(`https://acme.okta.com/api/v1/users/${userId}/lifecycle/deactivate`, {
    method: 'POST',
    headers: { Authorization: 'SSWS ⟦saas:00⁞M5rG0muwxKkfJ2F_NINdCItf0_8mMOLECFdV4Cz1⟧', Accept: 'application/json' },
  });
}

export const auth0Mgmt = {
  domain: 'acme.eu.auth0.com',
  clientId: 'Xk2mP9qL4rT7wZ1vB5nC8dF3gH6jK0lM',
  clientSecret: '⟦saas:kiHHjH-xbaExm2Gx9_edp2f2pvyGKmOQjELlHog59jKWdJ3EY6aTrAS92docIyzT⟧',
};

export const launchdarkly = { apiToken: '⟦saas:sdk-⁞b319619d-e60d-4b48-94e6-22f794834f37⟧', project: 'web' };

export const segmentPublicApi = { token: '⟦saas:sgp_⁞srqsj2SkLE9xbSMV813bM27zrvP7hce3vxJiOiI6EmMOhSOKnKPcOzqLaESpggQb⟧' };

// Segment write keys are not secret (they are in every browser bundle).
export const SEGMENT_WRITE_KEY = 'Qx7mK2nL9pR4tWq1Zs8Yb3Vc6Nd0Fg5H';

export const twitch = { clientId: 'gp762nuuoqcoxypju8c569th9wz7q5', clientSecret: '⟦saas:swvpxmzsx1tpvz2i5ano9xswm1xj6z⟧' };
