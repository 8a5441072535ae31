/**
 * Sending a JSON text: the bytes `res.json` of the value it stands for sends, headers included.
 * The app's own `res.json` (src/server/front/fast-json.ts) writes JSON.stringify's text this way,
 * and a handler that writes the text of a shape it knows (faster than JSON.stringify) sends it
 * with `sendJsonText`.
 */
import type { Response } from 'express';

/** Express sends a string body below this many characters as is, and a longer one as a Buffer. */
const STRING_BODY_LIMIT = 1000;

/**
 * The usual case, written directly: no Content-Type set yet, a status that has a body, no
 * conditional request. Anything else goes Express's way.
 */
export function writesDirectly(res: Response): boolean {
  const { req, statusCode } = res;
  return !(
    res.hasHeader('content-type') ||
    statusCode === 204 ||
    statusCode === 205 ||
    statusCode === 304 ||
    req.headers['if-none-match'] !== undefined ||
    req.headers['if-modified-since'] !== undefined
  );
}

/** Writes a JSON text as Express would send it, in the usual case (`writesDirectly`). */
export function writeJsonText(res: Response, text: string): void {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  const bytes = Buffer.byteLength(text, 'utf8');
  res.setHeader('Content-Length', String(bytes));
  if (res.req.method === 'HEAD') res.end();
  // Express sends a short text as is (Node writes the head in the body's encoding, UTF-8) and a
  // long one as a Buffer (the head in latin1). A long text of ASCII only is the same bytes in
  // latin1, head included: sent as is, Node writes head and body in one piece without a Buffer.
  else if (text.length < STRING_BODY_LIMIT) res.end(text, 'utf8');
  else if (bytes === text.length) res.end(text, 'latin1');
  else res.end(Buffer.from(text, 'utf8'));
}

/** Sends `text` (a JSON text) as `res.json` would send its value (`res.json` = type + send). */
export function sendJsonText(res: Response, text: string): void {
  if (writesDirectly(res)) {
    writeJsonText(res, text);
    return;
  }
  if (!res.get('Content-Type')) res.set('Content-Type', 'application/json');
  res.send(text);
}
