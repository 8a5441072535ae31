/** Shared bits of the Chatlayer tests: an app serving it, its client with the vendor check, the bot series. */
import type { RequestListener } from 'node:http';
import type { SeriesData } from '../../../src/apis/chatlayer/series-data.js';
import type { Scenario } from '../../../src/core/scenario.js';
import type { Config } from '../../../src/server/cli/config.js';
import { testApp } from '../../support/app.js';
import { type ApiClient, apiClient } from '../../support/client.js';
import { expectMatchesVendor } from './vendor-contract.js';

export type { SeriesData };

/** A fresh app serving only Chatlayer (seed 1, fixed clock): building the other specs is wasted time here. */
export function chatlayerApp(
  overrides: Partial<Config> = {},
  scenarios: readonly Scenario[] = [],
): RequestListener {
  return testApp({ apis: ['chatlayer'], ...overrides }, scenarios);
}

/** Chatlayer requests with a valid token, each checked against our spec and the vendor's own (vendor-contract.ts). */
export function chatlayer(app: RequestListener): ApiClient {
  return apiClient('chatlayer', app, { check: expectMatchesVendor });
}

/** The bot conversations series for the parameters (expects 200). */
export async function botSeries(
  app: RequestListener,
  bot: string,
  params: Record<string, string | readonly string[] | undefined>,
): Promise<SeriesData> {
  const body = await chatlayer(app).ok<{ data: SeriesData }>(`/v1/bots/${bot}/conversations`, {
    query: { version: 'LIVE', ...params },
  });
  return body.data;
}
