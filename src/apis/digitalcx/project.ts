/** A DigitalCX project: its tenant key for the world model and the cultures it serves. */
import { hashKey } from '../../core/rng.js';
import { EXTRA_CULTURES } from './catalog.js';

/** One customer's project. */
export interface Project {
  customerKey: string;
  projectKey: string;
  /** `en` first, then up to two more, derived from the keys. */
  cultures: string[];
  /** Share of sessions in each culture, aligned with `cultures`. */
  cultureWeights: number[];
}

/** The project behind a pair of keys (a pure function of the keys). */
export function projectOf(customerKey: string, projectKey: string): Project {
  const h = hashKey('digitalcx-project', customerKey, projectKey);
  const extra = h % 3; // 0, 1 or 2 extra cultures
  const cultures = ['en'];
  for (let i = 0; i < extra; i++) {
    const c = EXTRA_CULTURES[(h >>> (4 + i * 3)) % EXTRA_CULTURES.length] as string;
    if (!cultures.includes(c)) cultures.push(c);
  }
  const cultureWeights = cultures.map((_, i) => (i === 0 ? 0.6 : 0.4 / (cultures.length - 1)));
  return { customerKey, projectKey, cultures, cultureWeights };
}

/** The tenant of a project in the world model. */
export function tenantOf(project: Project): string {
  return `${project.customerKey}/${project.projectKey}`;
}
