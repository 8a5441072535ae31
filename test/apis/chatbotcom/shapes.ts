/** The ChatBot.com bodies as the tests read them, the documented sources, and the suite's account token. */

/** The documented sources, in the vendor doc's order. */
export const SOURCES = ['messenger', 'livechat', 'livechat3', 'slack', 'widget', 'app', 'custom'];

/** The account every test reads unless it says otherwise. */
export const TOKEN = 'acme-developer-token';

/** A series body as the reports send it. */
export interface Series {
  data: Array<{ date: string; value: number }>;
  summary: { total: number; min: number; max: number; avg: number };
  groups?: Array<{ group: string } & Series>;
}

/** One cell of the busiest-period grid. */
export interface Cell {
  day: number;
  hour: number;
  value: number;
  usage: number;
}

/** One entry of the popularity report. */
export interface Entry {
  id?: string;
  parentId?: string;
  type?: string;
  name: string;
  usage: number;
  value: number;
}

/** The values of a series. */
export function values(series: Series): number[] {
  return series.data.map((p) => p.value);
}

/**
 * The points (merged and per group) where `ok(a, b)` fails for two series of the same request shape,
 * as `group@date a b` lines: an empty list means the relation holds everywhere.
 */
export function violations(a: Series, b: Series, ok: (x: number, y: number) => boolean): string[] {
  const pairs: Array<[string, Series, Series | undefined]> = [['all', a, b]];
  a.groups?.forEach((g, k) => {
    pairs.push([g.group, g, b.groups?.[k]]);
  });
  const out: string[] = [];
  for (const [name, x, y] of pairs) {
    if (!y || y.data.length !== x.data.length) out.push(`${name}: the series differ in length`);
    x.data.forEach((p, i) => {
      const q = y?.data[i];
      if (!q || q.date !== p.date || !ok(p.value, q.value))
        out.push(`${name}@${p.date} ${p.value} ${q?.value}`);
    });
  }
  return out;
}
