/** The OAuth2 client-credentials flow some vendors require first (DigitalCX), as a probe of its own. */
import type { ClientCredentialsAuth, Probe } from '../core/probe.js';
import type { VerifyOptions } from './options.js';

/** Where the token comes from and the form sent, or why the flow cannot run. */
export interface TokenPlan {
  url: string;
  probe: Probe;
}

/** The token request of the flow, or undefined when no client credentials were given (headers as given). */
export function tokenPlan(auth: ClientCredentialsAuth, options: VerifyOptions): TokenPlan | undefined {
  if (options.clientId === undefined && options.clientSecret === undefined) return undefined;
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  form.set('client_id', options.clientId ?? '');
  form.set('client_secret', options.clientSecret ?? '');
  for (const [name, value] of Object.entries(auth.form ?? {})) form.set(name, options.params[name] ?? value);
  const url = options.tokenUrl ?? `${options.target.replace(/\/+$/, '')}${auth.tokenPath}`;
  return {
    url,
    probe: {
      name: `${auth.operationId} client credentials`,
      operationId: auth.operationId,
      method: 'POST',
      path: auth.tokenPath,
      body: form,
      // The form carries the client credentials; no other credential goes to the token endpoint.
      anonymous: true,
    },
  };
}

/** The access token of a token endpoint's JSON answer, if any. */
export function accessTokenOf(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const token = (body as Record<string, unknown>).access_token;
  return typeof token === 'string' && token !== '' ? token : undefined;
}
