import type { RequestListener } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/core/scenario.js';
import { BUSY } from '../../fixtures/digitalcx-scenarios.js';
import { testApp } from '../../support/app.js';
import { apiClient } from '../../support/client.js';
import { csvRows, DAY, interactionsPath } from './support.js';

/** DigitalCX requests with an accepted bearer token, each checked against the spec. */
const digitalcx = (app: RequestListener) => apiClient('digitalcx', app);

const SMALL_PAGES: Scenario = {
  name: 'small-pages',
  description: 'pages of 37 rows',
  knobs: { pageSize: 37 },
  rules: [],
};
const SCENARIO = { 'X-Mock-Scenario': 'small-pages' };

async function allPages(
  query: Record<string, string | number | boolean>,
  headers: Record<string, string> = {},
) {
  const mock = testApp({}, [SMALL_PAGES]);
  const pages: Record<string, string>[][] = [];
  let token: string | undefined;
  for (let i = 0; i < 500; i++) {
    const res = await digitalcx(mock).get(
      interactionsPath({ ...query, paginateData: true, ...(token ? { continuationToken: token } : {}) }),
      {
        headers: {
          ...SCENARIO,
          ...headers,
        },
      },
    );
    if (res.status === 204) return { pages, last: res };
    expect(res.status).toBe(200);
    token = res.headers.continuationtoken as string;
    expect(token, 'every 200 page carries a token').toBeTruthy();
    pages.push(csvRows(res.text));
  }
  throw new Error('pagination did not end');
}

describe('DigitalCX pagination', () => {
  it('yields exactly the unpaginated rows, in order, without duplicates, ending in 204', async () => {
    const query = { startDate: '2025-02-28T06:00:00Z', endDate: '2025-02-28T14:00:00Z' };
    const whole = csvRows((await digitalcx(testApp()).get(interactionsPath(query))).text);
    const { pages, last } = await allPages(query);
    const paged = pages.flat();
    expect(whole.length).toBeGreaterThan(37 * 3);
    expect(paged.map((r) => r.LogId)).toEqual(whole.map((r) => r.LogId));
    expect(new Set(paged.map((r) => r.InteractionUuid)).size).toBe(paged.length);
    expect(last.text).toBe('');
  });

  it('takes its page size from the pageSize knob', async () => {
    const { pages } = await allPages({ startDate: '2025-02-28T06:00:00Z', endDate: '2025-02-28T14:00:00Z' });
    expect(pages.slice(0, -1).every((p) => p.length === 37)).toBe(true);
    expect(pages.at(-1)?.length).toBeLessThanOrEqual(37);
  });

  it('pages the filtered rows only', async () => {
    const query = { ...DAY, interactionTypes: 2, culture: 'en' };
    const whole = csvRows((await digitalcx(testApp()).get(interactionsPath(query))).text);
    const { pages } = await allPages(query);
    expect(pages.flat().map((r) => r.LogId)).toEqual(whole.map((r) => r.LogId));
  });

  it('answers 200 with a header row and a token for an empty window, then 204', async () => {
    const query = { startDate: '2025-03-01T13:00:00Z', endDate: '2025-03-01T14:00:00Z' }; // after now
    const { pages, last } = await allPages(query);
    expect(pages).toEqual([[]]);
    expect(last.status).toBe(204);
    expect(last.headers['content-type']).toBeUndefined();
    expect(last.text).toBe('');
  });

  it('refuses a token used with other filters', async () => {
    const mock = testApp({}, [SMALL_PAGES]);
    const first = await digitalcx(mock).get(interactionsPath({ ...DAY, paginateData: true }), {
      headers: SCENARIO,
    });
    const token = first.headers.continuationtoken as string;
    const res = await digitalcx(mock).get(
      interactionsPath({ ...DAY, paginateData: true, culture: 'en', continuationToken: token }),
      { headers: SCENARIO },
    );
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/^Invalid continuationToken: it was issued for another query or seed/);
  });

  it('refuses a token from another seed and a tampered token', async () => {
    const mock = testApp({}, [SMALL_PAGES]);
    const first = await digitalcx(mock).get(interactionsPath({ ...DAY, paginateData: true }), {
      headers: SCENARIO,
    });
    const token = first.headers.continuationtoken as string;
    const otherSeed = await digitalcx(mock).get(
      interactionsPath({ ...DAY, paginateData: true, continuationToken: token }),
      {
        headers: {
          ...SCENARIO,
          'X-Mock-Seed': '2',
        },
      },
    );
    expect(otherSeed.status).toBe(400);
    const tampered = await digitalcx(mock).get(
      interactionsPath({ ...DAY, paginateData: true, continuationToken: `x${token}` }),
      { headers: SCENARIO },
    );
    expect(tampered.status).toBe(400);
  });

  it('accepts a token in another app instance with the same seed', async () => {
    const first = await digitalcx(testApp({}, [SMALL_PAGES])).get(
      interactionsPath({ ...DAY, paginateData: true }),
      { headers: SCENARIO },
    );
    const token = first.headers.continuationtoken as string;
    const url = interactionsPath({ ...DAY, paginateData: true, continuationToken: token });
    const a = await digitalcx(testApp({}, [SMALL_PAGES])).get(url, { headers: SCENARIO });
    const b = await digitalcx(testApp({}, [SMALL_PAGES])).get(url, { headers: SCENARIO });
    expect(a.status).toBe(200);
    expect(a.text).toBe(b.text);
    expect(csvRows(a.text)[0]?.LogId).not.toBe(csvRows(first.text)[0]?.LogId);
  });

  it('pages JSON the same way as CSV', async () => {
    const mock = testApp({}, [SMALL_PAGES]);
    const csv = await digitalcx(mock).get(interactionsPath({ ...DAY, paginateData: true }), {
      headers: SCENARIO,
    });
    const json = await digitalcx(mock).get(interactionsPath({ ...DAY, paginateData: true }), {
      headers: {
        ...SCENARIO,
        Accept: 'application/json',
      },
    });
    expect(json.headers.continuationtoken).toBe(csv.headers.continuationtoken);
    expect((json.body as { LogId: number }[]).map((r) => String(r.LogId))).toEqual(
      csvRows(csv.text).map((r) => r.LogId),
    );
  });
});

describe('DigitalCX page bodies', () => {
  /** The bodies of every page of a query, walked with one app (its caches warm as a client's would be). */
  async function pageBodies(
    mock: RequestListener,
    query: Record<string, string | number | boolean>,
    accept: string,
    scenario: Record<string, string> = SCENARIO,
  ) {
    const bodies: string[] = [];
    let token: string | undefined;
    for (let i = 0; i < 500; i++) {
      const res = await digitalcx(mock).get(
        interactionsPath({ ...query, paginateData: true, ...(token ? { continuationToken: token } : {}) }),
        { headers: { ...scenario, Accept: accept } },
      );
      if (res.status === 204) return bodies;
      expect(res.status).toBe(200);
      token = res.headers.continuationtoken as string;
      bodies.push(res.text);
    }
    throw new Error('pagination did not end');
  }

  // A filter leaves gaps between the rows of an hour, and pages of 37 start and end inside hours.
  const query = { startDate: '2025-02-28T06:00:00Z', endDate: '2025-02-28T12:00:00Z', interactionTypes: 2 };

  it("hold the streamed body's CSV records byte for byte, written fresh and again", async () => {
    const mock = testApp({}, [SMALL_PAGES]);
    const whole = (await digitalcx(mock).get(interactionsPath(query), { headers: SCENARIO })).text;
    const header = whole.slice(0, whole.indexOf('\r\n') + 2);
    for (let pass = 0; pass < 2; pass++) {
      const bodies = await pageBodies(mock, query, 'text/csv');
      expect(bodies.length).toBeGreaterThan(3);
      for (const body of bodies) expect(body.startsWith(header)).toBe(true);
      expect(header + bodies.map((b) => b.slice(header.length)).join('')).toBe(whole);
    }
  });

  it("hold the streamed body's JSON records byte for byte, written fresh and again", async () => {
    const mock = testApp({}, [SMALL_PAGES]);
    const json = { ...SCENARIO, Accept: 'application/json' };
    const whole = (await digitalcx(mock).get(interactionsPath(query), { headers: json })).text;
    for (let pass = 0; pass < 2; pass++) {
      const bodies = await pageBodies(mock, query, 'application/json');
      expect(bodies.length).toBeGreaterThan(3);
      expect(`[${bodies.map((b) => b.slice(1, -1)).join(',')}]`).toBe(whole);
    }
  });

  // Ten times the traffic: six hours hold more rows than a stream keeps (log-reader.ts), so the
  // first stream writes its last hours afresh, row by row, and the second one finds them all kept,
  // written whole by the pages in between.
  const busyQuery = {
    startDate: '2025-02-28T06:00:00Z',
    endDate: '2025-02-28T12:00:00Z',
  };
  const BUSY_SCENARIO = { 'X-Mock-Scenario': BUSY.name };

  it.each([
    ['CSV', 'text/csv'],
    ['JSON', 'application/json'],
  ])('stream a busy window as %s the same, hours written afresh or kept', async (_, accept) => {
    const mock = testApp({}, [BUSY]);
    const stream = async () =>
      (
        await digitalcx(mock).get(interactionsPath(busyQuery), {
          headers: { ...BUSY_SCENARIO, Accept: accept },
        })
      ).text;
    const fresh = await stream();
    const bodies = await pageBodies(mock, busyQuery, accept, BUSY_SCENARIO);
    const kept = await stream();
    expect(bodies.length).toBeGreaterThan(5);
    if (accept === 'text/csv') {
      const header = fresh.slice(0, fresh.indexOf('\r\n') + 2);
      expect(header + bodies.map((b) => b.slice(header.length)).join('')).toBe(fresh);
    } else {
      expect(`[${bodies.map((b) => b.slice(1, -1)).join(',')}]`).toBe(fresh);
      expect(JSON.parse(fresh).length).toBeGreaterThan(5000);
    }
    expect(kept).toBe(fresh);
  });
});
