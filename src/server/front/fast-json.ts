/**
 * The app's `res.json`: the bytes Express's own would send, without its per-call work (settings
 * lookups, a MIME-database lookup, parsing and re-formatting the Content-Type) in the usual case:
 * no Content-Type set yet, a status that has a body, no conditional request. Anything else is left
 * to Express's `res.json`. The app disables ETags and sets no JSON replacer, spaces or escaping.
 */
import type { Express, Response } from 'express';
import { writeJsonText, writesDirectly } from '../../core/json-text.js';

/** Installs the lean `res.json` on an app (its responses only). */
export function installFastJson(app: Express): void {
  const expressJson = app.response.json;
  app.response.json = function json(this: Response, body: unknown): Response {
    if (!writesDirectly(this)) return expressJson.call(this, body);
    const text = JSON.stringify(body) as string | undefined;
    if (text === undefined) return expressJson.call(this, body);
    writeJsonText(this, text);
    return this;
  };
}
