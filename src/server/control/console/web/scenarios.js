// The scenario switch: every loaded scenario with its description, the one in force marked.
import { control } from './api.js';
import { byId, h } from './dom.js';

let scenarios = [];
let current = '';

function render(problem = '') {
  const items = scenarios.map(({ name, description }) =>
    h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'scenario',
          'data-scenario': name,
          'aria-pressed': String(name === current),
          onclick: () => switchTo(name),
        },
        h('strong', {}, name),
        name === current ? h('span', { class: 'badge' }, 'in force') : null,
        h('span', { class: 'description' }, description),
      ),
    ),
  );
  byId('scenario-list').replaceChildren(...items, problem ? h('li', { class: 'problem' }, problem) : null);
}

async function switchTo(name) {
  try {
    const answer = await control('/scenario', { method: 'PUT', body: { name } });
    current = answer.name;
    render();
  } catch (error) {
    render(error.message);
  }
}

/** Loads the scenarios (again, after a reload of the files) and draws the list. */
export async function loadScenarios() {
  const answer = await control('/scenarios');
  scenarios = answer.scenarios;
  current = answer.current;
  render();
}

/** Marks the scenario in force after a switch made elsewhere (another tab, curl, another worker). */
export function scenarioInForce(name) {
  current = name;
  render();
}
