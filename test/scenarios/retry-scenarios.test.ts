/** The retry scenarios as a client meets them: a token refresh that works, and statuses the loader accepts. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { digitalcx } from '../../src/apis/digitalcx/index.js';
import { apiFacts } from '../../src/scenarios/api-facts.js';
import { loadScenarioFile } from '../../src/scenarios/load-scenarios.js';
import { API_MODULES } from '../../src/server/registry.js';
import { testApp } from '../support/app.js';
import { apiClient } from '../support/client.js';
import { send } from '../support/contract.js';

const FACTS = apiFacts(API_MODULES);
const DIGITALCX = `/digitalcx${digitalcx.sample.path}`;
const FORM = {
  grant_type: 'client_credentials',
  client_id: 'my-client',
  client_secret: 's3cret',
  resource: 'https://digitalcx.onmicrosoft.com/external-api',
};

function scenarioFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'retry-')), 'mine.yaml');
  writeFileSync(file, text);
  return file;
}

/** The DigitalCX client's path: interactions, a 401, a new token, the same interactions again. */
async function refreshAndRetry(scenario: string, mock = testApp()) {
  const headers = { 'X-Mock-Scenario': scenario };
  const first = await send(
    request(mock)
      .get(DIGITALCX)
      .set({ ...headers, Authorization: 'Bearer old-token' }),
  );
  const tokens = [];
  for (const path of ['/digitalcx/oauth2/token', '/digitalcx/digitalcx.onmicrosoft.com/oauth2/token'])
    tokens.push(await send(request(mock).post(path).set(headers).type('form').send(FORM)));
  const retry = await send(
    request(mock)
      .get(DIGITALCX)
      .set({ ...headers, Authorization: `Bearer ${tokens[0]?.body.access_token}` }),
  );
  return { first, tokens, retry };
}

describe('token-expired', () => {
  it('fails the first try with 401, keeps both token endpoints working, and answers the retry', async () => {
    const { first, tokens, retry } = await refreshAndRetry('token-expired');
    expect(first.status).toBe(401);
    expect(first.text).toBe('Unauthorized');
    expect(tokens.map((t) => t.status)).toEqual([200, 200]);
    expect(retry.status).toBe(200);
    expect(retry.text).toMatch(/^LogId,/);
  });

  it('without match.attempt refuses every data request, while the token endpoints still answer', async () => {
    const file = scenarioFile(
      'description: Every data request is refused as expired.\nrules:\n  - match: { secured: true }\n    status: 401\n',
    );
    const mock = testApp({}, [loadScenarioFile(file, FACTS)]);
    const { first, tokens, retry } = await refreshAndRetry('mine', mock);
    expect([first.status, ...tokens.map((t) => t.status), retry.status]).toEqual([401, 200, 200, 401]);
  });

  it('with secured: false leaves the data operations alone', async () => {
    const file = scenarioFile(
      'description: The token endpoints fail.\nrules:\n  - match: { secured: false }\n    status: 500\n',
    );
    const mock = testApp({}, [loadScenarioFile(file, FACTS)]);
    const { first, tokens } = await refreshAndRetry('mine', mock);
    expect([first.status, ...tokens.map((t) => t.status)]).toEqual([200, 500, 500]);
    expect(tokens[0]?.body).toMatchObject({ error: 'invalid_request' });
  });
});

describe('retry statuses in scenario files', () => {
  // One data operation of every API; the loader used to refuse "status is 408, which … does not document".
  const OPERATIONS = {
    logicdialog: 'getMessageAnalytics',
    chatlayer: 'Analytics_GetConversations',
    chatbotcom: 'getConversationsReport',
    digitalcx: 'getInteractions',
    generalbots: 'getDailyUsage',
  };

  it.each(Object.entries(OPERATIONS))('accepts 408, 429 and 504 on %s %s', (_, operationId) => {
    for (const status of [408, 429, 504]) {
      const file = scenarioFile(
        `description: x\nrules:\n  - match: { operationId: ${operationId} }\n    status: ${status}\n`,
      );
      expect(loadScenarioFile(file, FACTS).rules[0]?.status).toBe(status);
    }
  });

  it('still refuses them on the token endpoint, which does not document them', () => {
    const file = scenarioFile(
      'description: x\nrules:\n  - match: { operationId: postToken }\n    status: 429\n',
    );
    expect(() => loadScenarioFile(file, FACTS)).toThrow(/status is 429, which postToken does not document/);
  });

  it('gives a persistent 429 with the Retry-After a scenario sets, on every try', async () => {
    const file = scenarioFile(
      "description: x\nrules:\n  - match: { api: generalbots }\n    status: 429\n    headers: { Retry-After: '30' }\n",
    );
    const mock = testApp({}, [loadScenarioFile(file, FACTS)]);
    for (let i = 0; i < 2; i++) {
      const res = await apiClient('generalbots', mock).sample({
        secret: 't',
        headers: { 'X-Mock-Scenario': 'mine' },
      });
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBe('30');
      expect(res.body).toEqual({
        error: 'rate_limit_exceeded',
        message: 'Too many requests. Please slow down.',
        retry_after_secs: 30,
      });
    }
  });
});
