import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoSeconds, startOf } from '../../../src/core/time.js';
import { addUp } from '../../support/numbers.js';
import { botSeries, chatlayer, chatlayerApp } from './helpers.js';

const H = 3_600_000;
const FEB_1 = Date.UTC(2025, 1, 1);
const iso = (ms: number): string => new Date(ms).toISOString();

/** Sums values by the start of the coarser unit their x value falls in. */
function rollUp(x: readonly string[], values: readonly number[], unit: 'day' | 'week'): Map<string, number> {
  const out = new Map<string, number>();
  x.forEach((start, i) => {
    const key = isoSeconds(startOf(Date.parse(start), unit));
    out.set(key, (out.get(key) ?? 0) + (values[i] ?? 0));
  });
  return out;
}

/** A window inside February 2025, at minute precision, of at least `minHours` hours. */
const windowArb = (minHours: number, maxHours: number) =>
  fc.record({
    start: fc.integer({ min: 0, max: 20 * 24 * 60 }).map((m) => FEB_1 + m * 60_000),
    minutes: fc.integer({ min: minHours * 60 + 1, max: maxHours * 60 }),
  });
const botArb = fc.stringMatching(/^[a-z0-9-]{1,12}$/);

describe('properties', () => {
  it.each([
    { fine: '1h', coarse: '1d', unit: 'day', minHours: 24, maxHours: 24 * 6, numRuns: 60 },
    { fine: '1d', coarse: '1w', unit: 'week', minHours: 24 * 7, maxHours: 24 * 20, numRuns: 40 },
  ] as const)('rolls $fine buckets up into $coarse ones for any bot and window', async (c) => {
    const app = chatlayerApp();
    await fc.assert(
      fc.asyncProperty(botArb, windowArb(c.minHours, c.maxHours), async (bot, w) => {
        const range = { start_time: iso(w.start), end_time: iso(w.start + w.minutes * 60_000) };
        const fine = await botSeries(app, bot, { ...range, bucket: c.fine });
        const coarse = await botSeries(app, bot, { ...range, bucket: c.coarse });
        const rolled = rollUp(fine.x_values, fine.series[0]?.values ?? [], c.unit);
        expect(coarse.x_values.map((x) => rolled.get(x) ?? 0)).toEqual(coarse.series[0]?.values);
      }),
      { seed: 42, numRuns: c.numRuns },
    );
  });

  it('adds grouped series up to the ungrouped one, and filters never raise a total', async () => {
    const app = chatlayerApp();
    const groupArb = fc.constantFrom('channel_type', 'language');
    const versionArb = fc.constantFrom('LIVE', 'DRAFT');
    const filterArb = fc.subarray(['WEB', 'WHATSAPP', 'MESSENGER', 'SLACK', 'SMS', 'API'], { minLength: 1 });
    await fc.assert(
      fc.asyncProperty(
        botArb,
        windowArb(2, 24 * 3),
        groupArb,
        versionArb,
        filterArb,
        async (bot, w, groupBy, version, channels) => {
          const range = {
            start_time: iso(w.start),
            end_time: iso(w.start + w.minutes * 60_000),
            bucket: '1h',
            version,
          };
          const all = await botSeries(app, bot, range);
          const grouped = await botSeries(app, bot, { ...range, group_by: groupBy });
          const length = all.x_values.length;
          expect(
            addUp(
              grouped.series.map((s) => s.values),
              length,
            ),
          ).toEqual(all.series[0]?.values);
          const filtered = await botSeries(app, bot, { ...range, channel_type: channels });
          filtered.series[0]?.values.forEach((v, i) => {
            expect(v).toBeLessThanOrEqual(all.series[0]?.values[i] ?? 0);
          });
        },
      ),
      { seed: 42, numRuns: 50 },
    );
  });

  it('never answers a 5xx, whatever the parameters', async () => {
    const app = chatlayerApp();
    const junk = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('', ' ', '%', '0000-01-01', '0099-12-31', '2025-02-30', '2025-02-01T25:00', '1h,1d'),
    );
    const instant = fc
      .oneof(
        {
          arbitrary: fc.integer({ min: -24 * 400, max: 24 * 400 }).map((h) => iso(FEB_1 + h * H)),
          weight: 6,
        },
        { arbitrary: fc.date({ min: new Date('0100-01-01'), max: new Date('9999-12-31') }), weight: 2 },
        { arbitrary: junk, weight: 1 },
      )
      .map((v) => (v instanceof Date ? (Number.isNaN(v.getTime()) ? 'x' : v.toISOString()) : v));
    // Mostly valid values, so that the deeper rules (bucket vs range, the cap, 404) are reached too.
    const param = (values: readonly string[], freq = 3) =>
      fc.option(
        fc.oneof({ arbitrary: fc.constantFrom(...values), weight: 5 }, { arbitrary: junk, weight: 1 }),
        {
          freq,
        },
      );
    const requestArb = fc.record({
      path: fc.constantFrom(
        '/v1/bots/{id}/conversations',
        '/v1/bots/{id}/conversations/insights',
        '/v1/bots/{id}/conversations/{id}/flow',
        '/v1/teams/{id}/conversations',
      ),
      id: fc.oneof(botArb, fc.string({ minLength: 1, maxLength: 8 })),
      version: param(['LIVE', 'DRAFT'], 12),
      start_time: fc.option(instant, { freq: 12 }),
      end_time: fc.option(instant, { freq: 12 }),
      bucket: param(['1h', '1d', '1w', '1m']),
      group_by: param(['channel_type', 'language', 'bot_id,language', 'campaign_source, team_id']),
      channel_type: param(['WEB', 'WEB,SMS', 'API']),
      language: param(['en', 'nl,fr']),
      stat: param(['num_conversations', 'duration_seconds', 'num_messages'], 8),
      message_id: fc.option(fc.string({ maxLength: 8 })),
    });
    await fc.assert(
      fc.asyncProperty(requestArb, async ({ path, id, ...params }) => {
        const search = new URLSearchParams();
        for (const [name, value] of Object.entries(params)) if (value !== null) search.append(name, value);
        const url = `${path.replaceAll('{id}', encodeURIComponent(id))}?${search.toString()}`;
        const res = await chatlayer(app).get(url);
        expect([200, 400, 404]).toContain(res.status);
        if (res.status !== 200) expect(typeof res.body.message).toBe('string');
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});
