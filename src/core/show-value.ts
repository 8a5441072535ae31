/**
 * Values a client sent, shown back in a message: JSON-escaped (a control character cannot break the
 * line or the log) and cut after 60 characters.
 */

const MAX_SHOWN = 60;

function cut(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** A string for quotes the message provides (`'${showValue(v)}'`): escaped, without JSON's own quotes. */
export function showValue(value: string): string {
  return cut(JSON.stringify(value).slice(1, -1));
}

/** Any value as JSON (`"acme"`, `1.5`, `[1,2]`), `nothing` for undefined: scenario files' messages. */
export function showJson(value: unknown): string {
  return cut(value === undefined ? 'nothing' : JSON.stringify(value));
}
