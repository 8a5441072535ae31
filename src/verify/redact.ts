/**
 * Keeps credentials out of every output: headers and fields known to carry them are masked by name,
 * and every secret value seen (header values, client secret, tokens received) is masked wherever it
 * appears — in URLs, bodies, messages and files.
 */

/** What a masked value is replaced with. */
export const REDACTED = '[REDACTED]';

/** Header names that carry credentials, whatever the API. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);

/** Body fields and query parameters that carry credentials (OAuth2 and the usual spellings). */
const SECRET_FIELDS = new Set([
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'password',
  'secret',
  'api_key',
  'apikey',
  'token',
  'authorization',
]);

/**
 * Shorter values are masked by name only: replacing a one-letter token ("Bearer t") everywhere it
 * occurs would garble the report without hiding anything worth hiding.
 */
const MIN_SECRET_LENGTH = 4;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Collects secrets and masks them. */
export class Redactor {
  private readonly secrets = new Set<string>();
  private readonly headerNames = new Set(SECRET_HEADERS);
  private pattern: RegExp | undefined;

  /** Remembers a secret value, and the parts of it that are secrets too (a Basic pair, a Bearer token). */
  addSecret(value: string | undefined): void {
    if (!value) return;
    const add = (v: string) => {
      if (v.length >= MIN_SECRET_LENGTH && !this.secrets.has(v)) {
        this.secrets.add(v);
        this.secrets.add(encodeURIComponent(v));
        this.pattern = undefined;
      }
    };
    add(value);
    const scheme = /^(\w+)\s+(.+)$/.exec(value.trim());
    if (!scheme) return;
    const credential = scheme[2] as string;
    add(credential);
    if (scheme[1]?.toLowerCase() === 'basic') {
      const pair = Buffer.from(credential, 'base64').toString('utf8');
      add(pair);
      add(pair.slice(pair.indexOf(':') + 1));
    }
  }

  /** A header the caller sent: its value is a secret, and the header is masked by name from now on. */
  addSecretHeader(name: string, value: string): void {
    this.headerNames.add(name.toLowerCase());
    this.addSecret(value);
  }

  /** The text with every known secret replaced by [REDACTED]. */
  text(text: string): string {
    if (this.secrets.size === 0) return text;
    this.pattern ??= new RegExp(
      [...this.secrets]
        .sort((a, b) => b.length - a.length)
        .map(escapeRegex)
        .join('|'),
      'g',
    );
    return text.replace(this.pattern, REDACTED);
  }

  /** Headers with credential headers masked and secret values masked in the rest. */
  headers(headers: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers))
      out[name] = this.headerNames.has(name.toLowerCase()) ? REDACTED : this.text(value);
    return out;
  }

  /** A URL (or path and query) with credential parameters masked. */
  url(url: string): string {
    const q = url.indexOf('?');
    if (q < 0) return this.text(url);
    const params = new URLSearchParams(url.slice(q + 1));
    for (const name of [...params.keys()])
      if (SECRET_FIELDS.has(name.toLowerCase())) params.set(name, REDACTED);
    return this.text(`${url.slice(0, q)}?${params.toString()}`);
  }

  /** A JSON value (or text) with credential fields and secret values masked, deep. */
  value(value: unknown, depth = 0): unknown {
    if (typeof value === 'string') return this.text(value);
    if (value === null || typeof value !== 'object' || depth > 64) return value;
    if (Array.isArray(value)) return value.map((item) => this.value(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value as Record<string, unknown>))
      out[this.text(key)] =
        SECRET_FIELDS.has(key.toLowerCase()) && child !== null && child !== ''
          ? REDACTED
          : this.value(child, depth + 1);
    return out;
  }
}
