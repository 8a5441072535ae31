/** The start-up banner: where each API, the control plane and the docs are, and what is in force. */
import { isoMs } from '../../core/time.js';
import { apiUrls } from '../front/listen.js';
import { rootApi } from '../single-api.js';
import type { Config } from './config.js';

/** What the banner reports beyond the config. */
export interface BannerFacts {
  /** The base URL, e.g. http://localhost:4010. */
  base: string;
  /** The mounted APIs, in mount order. */
  apis: readonly string[];
  /** The scenario in force at start (a file given to --scenario shows its name). */
  scenario: string;
  /** Whether scenario files are watched (--watch). */
  watching: boolean;
}

/** The banner's lines, printed once at start-up (by the cluster primary with --workers). */
export function bannerLines(config: Config, facts: BannerFacts): string[] {
  const { base, apis, scenario, watching } = facts;
  const root = rootApi(apis);
  return [
    `bot-analytics-mock listening on ${base}`,
    ...Object.entries(apiUrls(base, apis)).map(
      ([name, url]) => `  ${name.padEnd(12)} ${url}${name === root ? ` (also at ${base}/)` : ''}`,
    ),
    `  seed ${config.seed} · clock ${config.now === undefined ? 'real' : isoMs(config.now)} · scenario ${scenario}${watching ? ' · watching scenario files' : ''}${config.workers > 1 ? ` · workers: ${config.workers}` : ''}`,
    config.admin
      ? `  control plane ${base}/__mock/health · console ${base}/__mock/console · docs ${base}/docs`
      : '  control plane and docs disabled (--no-admin)',
  ];
}
