/** The shared conformance suite (support/suites/conformance.ts) over every registered API. */
import { API_MODULES } from '../src/server/registry.js';
import { testApp } from './support/app.js';
import { conformanceSuite } from './support/suites/conformance.js';

for (const api of API_MODULES) conformanceSuite(api, () => testApp());
