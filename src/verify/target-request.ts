/** Turns a probe into a request to a base URL (the live target or the in-process mock). */
import type { Probe } from '../core/probe.js';
import type { OutgoingRequest } from './http.js';

/** The probe's path and query, as sent (for reports and recorded rules). */
export function pathAndQuery(probe: Probe): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(probe.query ?? {})) {
    if (typeof value === 'string') params.append(name, value);
    else for (const item of value) params.append(name, item);
  }
  const query = params.toString();
  return query ? `${probe.path}?${query}` : probe.path;
}

/** The request for `probe` against `base`, with the credentials unless the probe is anonymous. */
export function requestFor(
  probe: Probe,
  base: string,
  credentials: Readonly<Record<string, string>>,
  extra: Readonly<Record<string, string>> = {},
): OutgoingRequest {
  const headers: Record<string, string> = {
    ...(probe.anonymous ? {} : credentials),
    ...probe.headers,
    ...extra,
  };
  const request: OutgoingRequest = {
    method: probe.method,
    url: `${base.replace(/\/+$/, '')}${pathAndQuery(probe)}`,
    headers,
  };
  if (probe.body !== undefined) request.body = probe.body;
  return request;
}
