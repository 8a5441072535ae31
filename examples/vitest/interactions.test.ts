/** Example tests of a client against the mock that global-setup.ts started. */
import { expect, inject, it } from 'vitest';

const WINDOW = 'startDate=2025-02-28T00:00:00Z&endDate=2025-02-28T06:00:00Z';

async function interactions(headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${inject('digitalcxUrl')}/acme/projects/shop/interactions?${WINDOW}`, {
    headers: { Authorization: 'Bearer s3cret', Accept: 'application/json', ...headers },
  });
}

it('reads the interaction log of a project', async () => {
  const res = await interactions();
  expect(res.status).toBe(200);
  expect(res.headers.get('x-mock-seed')).toBe('42');
  const rows = (await res.json()) as { SessionUuid: string }[];
  expect(rows.length).toBeGreaterThan(0);
});

it('handles the documented 500 (forced per request, so parallel tests do not interfere)', async () => {
  const res = await interactions({ Prefer: 'code=500' });
  expect(res.status).toBe(500);
  expect(await res.text()).toBe('Something went wrong');
});

it('can check what the client sent, through the control plane', async () => {
  await interactions({ 'X-Client': 'example' });
  const journal = await fetch(`${inject('mockUrl')}/__mock/requests`);
  const { requests } = (await journal.json()) as { requests: { headers: Record<string, string> }[] };
  expect(requests.some((r) => r.headers['x-client'] === 'example')).toBe(true);
});
