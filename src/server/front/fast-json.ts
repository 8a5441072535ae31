/**
 * The app's `res.json`: the bytes Express's own would send, without its per-call work (settings
 * lookups, a MIME-database lookup, parsing and re-formatting the Content-Type) in the usual case:
 * no Content-Type set yet, a status that has a body, no conditional request. Anything else is left
 * to Express's `res.json`. The app disables ETags and sets no JSON replacer, spaces or escaping. A
 * body's fragments (core/json-fragments.ts) write their own text, the text JSON.stringify gives.
 */
import type { Express, Response } from 'express';
import { jsonWithFragments } from '../../core/json-fragments.js';
import { writeJsonText, writesDirectly } from '../../core/json-text.js';

/** An object JSON.stringify writes key by key: not a list, no toJSON of its own. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}

/** Installs the lean `res.json` on an app (its responses only). */
export function installFastJson(app: Express): void {
  const expressJson = app.response.json;
  app.response.json = function json(this: Response, body: unknown): Response {
    if (!writesDirectly(this)) return expressJson.call(this, body);
    // A plain object may hold fragments that write their own text (series rows): the same text.
    const text = isPlainObject(body) ? jsonWithFragments(body) : (JSON.stringify(body) as string | undefined);
    if (text === undefined) return expressJson.call(this, body);
    writeJsonText(this, text);
    return this;
  };
}
