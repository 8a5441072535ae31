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
    const bytes = Buffer.byteLength(text, 'utf8');
    this.setHeader('Content-Length', String(bytes));
    if (req.method === 'HEAD') this.end();
    // Express sends a short text as is (Node writes the head in the body's encoding, UTF-8) and a
    // long one as a Buffer (the head in latin1). A long text of ASCII only is the same bytes in
    // latin1, head included: sent as is, Node writes head and body in one piece without a Buffer.
    else if (text.length < STRING_BODY_LIMIT) this.end(text, 'utf8');
    else if (bytes === text.length) this.end(text, 'latin1');
    else this.end(Buffer.from(text, 'utf8'));
    return this;
  };
}
