/** The shared fuzz suite (support/suites/fuzz.ts) over every registered API. */
import { API_MODULES } from '../src/server/registry.js';
import { testApp } from './support/app.js';
import { fuzzSuite } from './support/suites/fuzz.js';

for (const api of API_MODULES) fuzzSuite(api, () => testApp());
