/**
 * The app's `res.json`: the bytes Express's own would send, without its per-call work (settings
 * lookups, a MIME-database lookup, parsing and re-formatting the Content-Type) in the usual case:
 * no Content-Type set yet, a status that has a body, no conditional request. Anything else is left
 * to Express's `res.json`. The app disables ETags and sets no JSON replacer, spaces or escaping.
 */
import type { Express, Response } from 'express';

/** Express sends a string body below this many characters as is, and a longer one as a Buffer. */
const STRING_BODY_LIMIT = 1000;

/** Installs the lean `res.json` on an app (its responses only). */
export function installFastJson(app: Express): void {
  const expressJson = app.response.json;
  app.response.json = function json(this: Response, body: unknown): Response {
    const { req, statusCode } = this;
    if (
      this.hasHeader('content-type') ||
      statusCode === 204 ||
      statusCode === 205 ||
      statusCode === 304 ||
      req.headers['if-none-match'] !== undefined ||
      req.headers['if-modified-since'] !== undefined
    )
      return expressJson.call(this, body);
    const text = JSON.stringify(body) as string | undefined;
    if (text === undefined) return expressJson.call(this, body);
    this.setHeader('Content-Type', 'application/json; charset=utf-8');
    if (text.length < STRING_BODY_LIMIT) {
      this.setHeader('Content-Length', String(Buffer.byteLength(text, 'utf8')));
      if (req.method === 'HEAD') this.end();
      else this.end(text, 'utf8');
    } else {
      const chunk = Buffer.from(text, 'utf8');
      this.setHeader('Content-Length', String(chunk.length));
      if (req.method === 'HEAD') this.end();
      else this.end(chunk);
    }
    return this;
  };
}
