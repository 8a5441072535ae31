import type { RequestListener } from 'node:http';
import { describe, expect, it } from 'vitest';
import { projectOf } from '../../../src/apis/digitalcx/project.js';
import { testApp } from '../../support/app.js';
import { apiClient } from '../../support/client.js';
import { csvRows, DAY, interactionsPath } from './support.js';

/** DigitalCX requests with an accepted bearer token, each checked against the spec. */
const digitalcx = (app: RequestListener) => apiClient('digitalcx', app);

const FLAGS: Record<string, number> = {
  Event: 1,
  QA: 2,
  FaqClick: 4,
  Dialog: 8,
  LinkClick: 16,
  Feedback: 32,
  FaqSearch: 64,
  TransactionalDialog: 128,
  DataRetrieval: 256,
  GenerativeAI: 512,
};

function typesOf(row: Record<string, string>): string[] {
  return JSON.parse(row.AllInteractionTypes ?? '[]') as string[];
}

async function rows(
  query: Record<string, string | number | boolean>,
  headers: Record<string, string> = {},
  customer = 'acme',
  project = 'shop',
) {
  const res = await digitalcx(testApp()).get(interactionsPath({ ...DAY, ...query }, customer, project), {
    headers,
  });
  expect(res.status).toBe(200);
  return csvRows(res.text);
}

describe('DigitalCX filters', () => {
  it('serves en plus the cultures derived from the project keys, and filters by culture', async () => {
    const all = await rows({});
    const cultures = new Set(all.map((r) => r.Culture as string));
    expect([...cultures].sort()).toEqual([...projectOf('acme', 'shop').cultures].sort());
    for (const culture of cultures) {
      const only = await rows({ culture });
      expect(only.length).toBe(all.filter((r) => r.Culture === culture).length);
    }
  });

  it('gives an empty result for a culture the project does not serve', async () => {
    const served = projectOf('acme', 'shop').cultures;
    const other = ['nl', 'de', 'fr', 'es', 'it'].find((c) => !served.includes(c)) as string;
    expect(await rows({ culture: other })).toEqual([]);
  });

  it('treats empty parameters as not given, as the vendor example sends them', async () => {
    const plain = await rows({});
    const empty = await rows({
      culture: '',
      filterText: '',
      interactionTypes: '',
      mainInteractionType: '',
      sessionMode: '',
      continuationToken: '',
    });
    expect(empty).toEqual(plain);
  });

  it('filters InteractionValue by a case-sensitive substring', async () => {
    const all = await rows({});
    const hits = await rows({ filterText: 'order' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBe(all.filter((r) => (r.InteractionValue ?? '').includes('order')).length);
    const upper = await rows({ filterText: 'ORDER' });
    expect(upper.length).toBe(all.filter((r) => (r.InteractionValue ?? '').includes('ORDER')).length);
    expect(upper.length).toBeLessThan(hits.length);
  });

  it('matches interactionTypes 131 on overlap: Event or QA or TransactionalDialog', async () => {
    const all = await rows({});
    const picked = await rows({ interactionTypes: 131 });
    const expected = all.filter((r) =>
      typesOf(r).some((t) => ['Event', 'QA', 'TransactionalDialog'].includes(t)),
    );
    expect(picked.map((r) => r.LogId)).toEqual(expected.map((r) => r.LogId));
    const union = new Set(
      [
        ...(await rows({ interactionTypes: 1 })),
        ...(await rows({ interactionTypes: 2 })),
        ...(await rows({ interactionTypes: 128 })),
      ].map((r) => r.LogId),
    );
    expect(new Set(picked.map((r) => r.LogId))).toEqual(union);
  });

  it('filters mainInteractionType on the main type only', async () => {
    const all = await rows({});
    const dialogs = await rows({ mainInteractionType: FLAGS.Event as number });
    expect(dialogs.every((r) => r.MainInteractionType === 'Event')).toBe(true);
    expect(dialogs.length).toBe(all.filter((r) => r.MainInteractionType === 'Event').length);
    // An event that starts a dialog is a Dialog by interactionTypes but an Event by mainInteractionType.
    const byAll = await rows({ interactionTypes: FLAGS.Dialog as number });
    expect(byAll.some((r) => r.MainInteractionType === 'Event')).toBe(true);
  });

  it('accepts the spellings of the vendor doc (mainInteractionTypes, includeUserinfo, Environment)', async () => {
    expect(await rows({ Environment: 'Staging', sessionMode: 'Test' })).toEqual(
      await rows({ environment: 'Staging', sessionMode: 'Test' }),
    );
    expect(await rows({ mainInteractionTypes: 2 })).toEqual(await rows({ mainInteractionType: 2 }));
    expect(await rows({ includeUserinfo: true })).toEqual(await rows({ includeUserInfo: true }));
  });

  it('keeps only active sessions with activeSessionOnly', async () => {
    const all = await rows({});
    const active = await rows({ activeSessionOnly: true });
    expect(active.every((r) => r.SessionIsActive === 'True')).toBe(true);
    expect(active.length).toBe(all.filter((r) => r.SessionIsActive === 'True').length);
    expect(active.length).toBeLessThan(all.length);
    const inactive = all.filter((r) => r.SessionIsActive === 'False');
    expect(inactive.every((r) => ['Event', 'DataRetrieval'].includes(r.MainInteractionType as string))).toBe(
      true,
    );
  });

  it('separates environments and session modes (Production/Public by default)', async () => {
    const production = await rows({});
    const staging = await rows({ environment: 'Staging', sessionMode: 'Test' });
    const internal = await rows({ sessionMode: 'Internal' });
    expect(staging.length).toBeGreaterThan(0);
    expect(internal.length).toBeGreaterThan(0);
    const ids = new Set(production.map((r) => r.SessionUuid));
    expect(staging.some((r) => ids.has(r.SessionUuid as string))).toBe(false);
    expect(await rows({ environment: 'Staging', sessionMode: 'Public' })).toEqual([]);
  });

  it('fills AdditionalSessionInfo and Variables only when asked and the caller has the role', async () => {
    const admin = await rows({ includeUserInfo: true });
    expect(admin.every((r) => r.AdditionalSessionInfo !== '' && r.Variables !== '')).toBe(true);
    expect(JSON.parse(admin[0]?.Variables ?? '')).toHaveProperty('customerId');
    const viewer = await rows({ includeUserInfo: true }, { Authorization: 'Bearer viewer' });
    expect(viewer.every((r) => r.AdditionalSessionInfo === '' && r.Variables === '')).toBe(true);
    const notAsked = await rows({});
    expect(notAsked.every((r) => r.AdditionalSessionInfo === '' && r.Variables === '')).toBe(true);
    expect(viewer.map((r) => r.LogId)).toEqual(admin.map((r) => r.LogId));
  });
});
