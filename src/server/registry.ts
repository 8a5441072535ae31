/** The registry of emulated APIs: adding an API is one folder, one spec and one line here. */

import { chatbotcom } from '../apis/chatbotcom/index.js';
import { chatlayer } from '../apis/chatlayer/index.js';
import { digitalcx } from '../apis/digitalcx/index.js';
import { generalbots } from '../apis/generalbots/index.js';
import { logicdialog } from '../apis/logicdialog/index.js';
import type { ApiModule } from '../core/api.js';

/** Every API the mock can serve, in URL-table order. */
export const API_MODULES: readonly ApiModule[] = [logicdialog, chatlayer, chatbotcom, digitalcx, generalbots];

/** Their names (URL prefixes). */
export const API_NAMES: readonly string[] = API_MODULES.map((api) => api.name);
