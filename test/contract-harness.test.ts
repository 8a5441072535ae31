/** The harness that validates every response must itself catch a wrong response, or it proves nothing. */
import type { Response } from 'supertest';
import { describe, expect, it } from 'vitest';
import { expectMatchesSpec } from './support/contract.js';

function fake(status: number, type: string, body: unknown): Response {
  return {
    status,
    headers: { 'content-type': type },
    body,
    text: typeof body === 'string' ? body : JSON.stringify(body),
  } as unknown as Response;
}

const URL = '/digitalcx/acme/projects/shop/interactions?startDate=2025-02-28&endDate=2025-03-01';

describe('contract harness', () => {
  it('accepts a response that matches the spec', async () => {
    await expectMatchesSpec('GET', URL, fake(200, 'application/json', []));
  });

  it('rejects a JSON row missing a documented column', async () => {
    await expect(
      expectMatchesSpec('GET', URL, fake(200, 'application/json', [{ LogId: 1 }])),
    ).rejects.toThrow();
  });

  it('rejects a status the operation does not document', async () => {
    await expect(expectMatchesSpec('GET', URL, fake(418, 'text/plain', 'teapot'))).rejects.toThrow(
      /does not document/,
    );
  });

  it('rejects a content type the response does not document', async () => {
    await expect(expectMatchesSpec('GET', URL, fake(200, 'text/html', '<p>'))).rejects.toThrow();
  });

  it('rejects a token reply without access_token, by Prism as well as ajv', async () => {
    await expect(
      expectMatchesSpec(
        'POST',
        '/digitalcx/oauth2/token',
        fake(200, 'application/json', { token_type: 'Bearer', expires_in: '1' }),
      ),
    ).rejects.toThrow();
  });
});
