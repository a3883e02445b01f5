'use strict';

// Ember Analytics — outbound integrations for the customer-health worker.
// Config precedence: env > this file. The literals are from the pilot with
// Orchard Co-op and MUST be removed before we onboard anyone else (EMB-59).

const hubspot = require('@hubspot/api-client');
const zendesk = require('node-zendesk');
const { Analytics } = require('@segment/analytics-node');

const config = {
  segment: {
    writeKey: process.env.SEGMENT_WRITE_KEY || 'YOUR_SEGMENT_WRITE_KEY',
    // Public API token (workspace admin) for managing sources/destinations
    publicApiToken: process.env.SEGMENT_PUBLIC_API_TOKEN || '⟦saas:sgp_9Q⁞lfMULPrXPTuO1IohcqHTuzhWdkaUrOwbgpDs8G6JZy6oTugbr9sPZNgvn7Q9du⟧',
  },
  hubspot: {
    accessToken: process.env.HUBSPOT_TOKEN || '⟦saas:pat-na1-16e3f802-66⁞79-4ffd-9eab-53146a7150bf⟧',
    portalId: '24681357',
  },
  zendesk: {
    subdomain: 'orchardcoop',
    username: 'integrations@ember-analytics.io',
    token: process.env.ZENDESK_API_TOKEN || '⟦saas:gz7wV9⁞ntJVPfoMSbLSZ1G0GUABH9tkVB4a88zbf3⟧',
  },
  freshdesk: {
    domain: 'orchardcoop.freshdesk.com',
    apiKey: process.env.FRESHDESK_API_KEY || '⟦saas:IefHUU⁞p9INzbDErfmGJA⟧',
  },
  pagerduty: {
    // REST API user token of the integrations bot
    apiKey: process.env.PAGERDUTY_API_KEY || '⟦saas:u+13pb⁞umQbZKJveNez7Q⟧',
    serviceId: 'PX3T9QZ',
  },
  logging: {
    sumologic: {
      accessId: 'susKbAlz8bfiH9',
      accessKey: '⟦saas:0bdaUR⁞9gt25xcq03LqDQka8QEubPb7SEJfaVsaMVywtDRf7my0zetaG7g3Vj06Gz⟧',
      endpoint: 'https://api.eu.sumologic.com/api/v1/',
    },
    loggly: { customerToken: '⟦saas:e4218328-9054-40a3-83⁞9a-bca0b28b44c9⟧', tag: 'ember-worker' },
    logzio: { token: '⟦saas:JRKXuE⁞tGWJNmcdPcfwaseHMhMWNwFWrQ⟧', host: 'listener-eu.logz.io' },
  },
  ids: {
    // not secrets: public identifiers
    sentryProject: '4506931204352000',
    buildSha: '91a3b350b56607a06d0ab4cbd3d510f2f6e5baad',
    installId: '42e90b17-bf42-48b9-85db-b2b6ad2398d9',
  },
};

function clients() {
  return {
    segment: new Analytics({ writeKey: config.segment.writeKey }),
    hubspot: new hubspot.Client({ accessToken: config.hubspot.accessToken }),
    zendesk: zendesk.createClient({
      username: config.zendesk.username,
      token: config.zendesk.token,
      remoteUri: `https://${config.zendesk.subdomain}.zendesk.com/api/v2`,
    }),
  };
}

async function freshdeskTicket(subject, body) {
  const auth = Buffer.from(`${config.freshdesk.apiKey}:X`).toString('base64');
  return fetch(`https://${config.freshdesk.domain}/api/v2/tickets`, {
    method: 'POST',
    headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ subject, description: body, email: 'health-bot@ember-analytics.io', priority: 2, status: 2 }),
  });
}

module.exports = { config, clients, freshdeskTicket };
