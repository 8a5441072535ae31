// The console's entry: the server's facts, the admin token when one is needed, then the three parts.
import { control, NeedsToken, setToken } from './api.js';
import { byId, h } from './dom.js';
import { startLive } from './live.js';
import { startPreview } from './preview.js';
import { loadScenarios, scenarioInForce } from './scenarios.js';

function showFacts(health) {
  const facts = [
    ['seed', String(health.seed)],
    [
      'clock',
      health.clock === 'real' ? `real (${health.now.slice(0, 19)}Z at load)` : `pinned at ${health.now}`,
    ],
    ['APIs', health.apis.map((a) => a.prefix).join(' ')],
    ['version', health.version],
  ];
  if (health.workers > 1) facts.push(['workers', String(health.workers)]);
  byId('facts').replaceChildren(...facts.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))));
}

/** Asks for the admin token; resolves once the control plane accepts it. */
function askForToken() {
  const form = byId('token');
  form.hidden = false;
  byId('console').hidden = true;
  return new Promise((resolve) => {
    form.onsubmit = async (event) => {
      event.preventDefault();
      setToken(new FormData(form).get('token'));
      try {
        await control('/scenarios');
        form.hidden = true;
        resolve();
      } catch (error) {
        form.querySelector('.problem').textContent =
          error instanceof NeedsToken ? 'The mock did not accept this token.' : error.message;
      }
    };
  });
}

async function start() {
  const health = await (await fetch('/__mock/health')).json();
  showFacts(health);
  try {
    await loadScenarios();
  } catch (error) {
    if (!(error instanceof NeedsToken)) throw error;
    await askForToken();
    await loadScenarios();
  }
  byId('console').hidden = false;
  const apis = health.apis.map((a) => a.name);
  startLive({
    apis,
    seed: health.seed,
    stateChanged: (change) => (change.kind === 'reload' ? loadScenarios() : scenarioInForce(change.scenario)),
    needsToken: () => location.reload(),
  });
  await startPreview({ apis, now: health.now });
}

start();
