import type { RequestListener } from 'node:http';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { apiClient } from '../../support/client.js';
import { sum } from '../../support/numbers.js';
import { type Cell, type Series, TOKEN } from './shapes.js';

/** ChatBot.com requests with the suite's account token, each checked against the spec. */
const chatbotcom = (app: RequestListener) => apiClient('chatbotcom', app, { secret: TOKEN });

const WINDOW = 'from=2025-02-03&to=2025-02-16';
const BUSIEST = `/reports/conversations.busiestPeriod?${WINDOW}`;

function flat(grid: Cell[][]): Cell[] {
  return grid.flat();
}

/** The value of a local (day, hour) slot, for a grid read at another offset. */
function at(grid: Cell[][], day: number, hour: number): number {
  return grid[(day + 7) % 7]?.[hour]?.value ?? Number.NaN;
}

describe('ChatBot.com busiest period', () => {
  it('answers 7 rows of 24 cells numbered by day and hour', async () => {
    const app = testApp();
    const grid = await chatbotcom(app).ok<Cell[][]>(BUSIEST);
    expect(grid).toHaveLength(7);
    grid.forEach((row, day) => {
      expect(row.map((c) => [c.day, c.hour])).toEqual(Array.from({ length: 24 }, (_, hour) => [day, hour]));
    });
  });

  it("adds up to the window's conversations, whatever the offset and filters", async () => {
    const app = testApp();
    for (const extra of ['', '&offset=90', '&offset=-720', '&offset=45&source=widget']) {
      const grid = await chatbotcom(app).ok<Cell[][]>(`${BUSIEST}${extra}`);
      const series = await chatbotcom(app).ok<Series>(
        `/reports/conversations?${WINDOW}${extra.replace(/&offset=-?\d+/, '')}`,
      );
      expect(sum(flat(grid).map((c) => c.value)), extra).toBe(series.summary.total);
    }
  });

  it('filters by one story and adds up to that story', async () => {
    const app = testApp();
    const stories = await chatbotcom(app).ok<Series>(`/reports/conversations?${WINDOW}&group=storyId`);
    const story = stories.groups?.[1];
    const grid = await chatbotcom(app).ok<Cell[][]>(`${BUSIEST}&storyId=${story?.group}`);
    expect(sum(flat(grid).map((c) => c.value))).toBe(story?.summary.total);
  });

  it('gives usage 100 to the busiest cell and the others their share of it', async () => {
    const app = testApp();
    const cells = flat(await chatbotcom(app).ok<Cell[][]>(BUSIEST));
    const max = Math.max(...cells.map((c) => c.value));
    expect(max).toBeGreaterThan(0);
    expect(cells.map((c) => c.usage)).toEqual(cells.map((c) => Math.round((c.value / max) * 10000) / 100));
    expect(cells.filter((c) => c.usage === 100).every((c) => c.value === max)).toBe(true);
  });

  it('answers all zeros, usage included, when the window holds no conversations', async () => {
    const app = testApp();
    const cells = flat(
      await chatbotcom(app).ok<Cell[][]>(
        '/reports/conversations.busiestPeriod?from=2010-01-01&to=2010-02-01',
      ),
    );
    expect(cells.every((c) => c.value === 0 && c.usage === 0)).toBe(true);
  });

  it('shifts the hours by a whole-hour offset: UTC+2 sees every slot two hours later', async () => {
    const app = testApp();
    const utc = await chatbotcom(app).ok<Cell[][]>(BUSIEST);
    const plus2 = await chatbotcom(app).ok<Cell[][]>(`${BUSIEST}&offset=120`);
    for (let day = 0; day < 7; day++) {
      for (let hour = 0; hour < 24; hour++) {
        const from = hour - 2 < 0 ? [day - 1, hour + 22] : [day, hour - 2];
        expect(at(plus2, day, hour), `${day}/${hour}`).toBe(at(utc, from[0] as number, from[1] as number));
      }
    }
  });

  it('shifts the other way for a negative offset, wrapping Sunday to Saturday', async () => {
    const app = testApp();
    const utc = await chatbotcom(app).ok<Cell[][]>(BUSIEST);
    const minus5 = await chatbotcom(app).ok<Cell[][]>(`${BUSIEST}&offset=-300`);
    expect(at(minus5, 6, 19)).toBe(at(utc, 0, 0)); // Sunday 00:00 UTC is Saturday 19:00 at UTC-5
    expect(at(minus5, 2, 4)).toBe(at(utc, 2, 9));
  });

  it('splits each hour between two local hours for a half-hour offset', async () => {
    const app = testApp();
    const utc = await chatbotcom(app).ok<Cell[][]>(BUSIEST);
    const half = await chatbotcom(app).ok<Cell[][]>(`${BUSIEST}&offset=30`);
    const plus1 = await chatbotcom(app).ok<Cell[][]>(`${BUSIEST}&offset=60`);
    // Every local slot of UTC+00:30 holds part of the UTC hour and part of the one before it.
    for (let day = 0; day < 7; day++) {
      for (let hour = 0; hour < 24; hour++) {
        const value = at(half, day, hour);
        expect(value).toBeLessThanOrEqual(at(utc, day, hour) + at(plus1, day, hour));
      }
    }
    expect(flat(half).map((c) => c.value)).not.toEqual(flat(utc).map((c) => c.value));
  });

  it('ignores dimension and group, which this report does not document', async () => {
    const app = testApp();
    const plain = await chatbotcom(app).ok<Cell[][]>(BUSIEST);
    const extra = await chatbotcom(app).ok<Cell[][]>(`${BUSIEST}&dimension=hour&group=source`);
    expect(extra).toEqual(plain);
  });
});
