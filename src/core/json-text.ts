/**
 * Sending a JSON text a handler wrote itself (for a shape it knows, faster than JSON.stringify):
 * the bytes `res.json` of the value it stands for sends, headers included.
 */
import type { Response } from 'express';

/** Express sends a string body below this many characters as is, and a longer one as a Buffer. */
const STRING_BODY_LIMIT = 1000;

/**
 * Sends `text` (a JSON text) as `res.json` would send its value. The usual case (no Content-Type
 * yet, a status with a body, no conditional request) is written directly, as the app's `res.json`
 * does (src/server/front/fast-json.ts); anything else goes Express's way (`res.json` = type + send).
 */
export function sendJsonText(res: Response, text: string): void {
  const { req, statusCode } = res;
  if (
    res.hasHeader('content-type') ||
    statusCode === 204 ||
    statusCode === 205 ||
    statusCode === 304 ||
    req.headers['if-none-match'] !== undefined ||
    req.headers['if-modified-since'] !== undefined
  ) {
    if (!res.get('Content-Type')) res.set('Content-Type', 'application/json');
    res.send(text);
    return;
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  const bytes = Buffer.byteLength(text, 'utf8');
  res.setHeader('Content-Length', String(bytes));
  if (req.method === 'HEAD') res.end();
  // A long text of ASCII only is the same bytes in latin1 (head included): see fast-json.ts.
  else if (text.length < STRING_BODY_LIMIT) res.end(text, 'utf8');
  else if (bytes === text.length) res.end(text, 'latin1');
  else res.end(Buffer.from(text, 'utf8'));
}
