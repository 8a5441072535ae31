// Draws the chart models of shapes.js with Chart.js (global `Chart`, loaded by index.html) and
// its matrix type for the heatmap.
import { h } from './dom.js';
import { isEmptyChart } from './shapes.js';

const COLORS = [
  '#0969da',
  '#d1242f',
  '#1a7f37',
  '#8250df',
  '#bf8700',
  '#0a7b83',
  '#cf222e',
  '#6e7781',
  '#fb8f44',
  '#a475f9',
];
const drawn = [];
const HOURS = Array.from({ length: 24 }, (_, hour) => String(hour));

/** Destroys the charts drawn before (a canvas can hold one chart). */
export function clearCharts() {
  for (const chart of drawn.splice(0)) chart.destroy();
}

function seriesConfig(model) {
  const bars = model.kind !== 'line';
  const horizontal = model.kind === 'bars';
  return {
    type: bars ? 'bar' : 'line',
    data: {
      labels: model.labels,
      datasets: model.datasets.map((d, i) => ({
        label: d.label,
        data: d.data,
        borderColor: COLORS[i % COLORS.length],
        backgroundColor: bars ? COLORS[i % COLORS.length] : `${COLORS[i % COLORS.length]}33`,
        borderWidth: bars ? 0 : 2,
        pointRadius: model.labels.length > 60 ? 0 : 2,
      })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      scales: {
        x: { stacked: model.kind === 'stacked', beginAtZero: true },
        y: { stacked: model.kind === 'stacked', beginAtZero: true },
      },
      plugins: { legend: { display: model.datasets.length > 1, position: 'bottom' } },
    },
  };
}

function heatmapConfig(model) {
  const max = Math.max(1, ...model.cells.map((c) => c.v));
  return {
    type: 'matrix',
    data: {
      datasets: [
        {
          label: model.title,
          data: model.cells,
          backgroundColor: (ctx) => `rgba(9, 105, 218, ${0.06 + (0.94 * (ctx.raw?.v ?? 0)) / max})`,
          borderWidth: 0,
          width: ({ chart }) => (chart.chartArea?.width ?? 0) / 24 - 1,
          height: ({ chart }) => (chart.chartArea?.height ?? 0) / model.rows.length - 1,
        },
      ],
    },
    options: {
      scales: {
        x: {
          type: 'category',
          labels: HOURS,
          offset: true,
          grid: { display: false },
          title: { display: true, text: 'hour (UTC, shifted by offset)' },
        },
        // Sunday (day 0) on top, as a week reads (the matrix type reverses y by default).
        y: { type: 'category', labels: model.rows, offset: true, reverse: false, grid: { display: false } },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: { title: () => '', label: (ctx) => `${ctx.raw.y} ${ctx.raw.x}:00 — ${ctx.raw.v}` },
        },
      },
    },
  };
}

/** Draws each model into `container`, one canvas each, and says when one has nothing but zeros. */
export function drawCharts(container, models) {
  clearCharts();
  container.replaceChildren();
  for (const model of models) {
    const rows = model.kind === 'bars' ? model.labels.length : 0;
    const height = model.kind === 'heatmap' ? 260 : rows > 8 ? Math.min(900, 60 + rows * 22) : 300;
    const canvas = h('canvas', { role: 'img', 'aria-label': model.title });
    const box = h('div', { class: 'chart-box', 'data-kind': model.kind });
    box.style.height = `${height}px`;
    box.append(canvas);
    const empty = isEmptyChart(model);
    container.append(
      h('h3', {}, model.title, empty ? h('span', { class: 'badge empty' }, 'all values are 0') : null),
      box,
    );
    const config = model.kind === 'heatmap' ? heatmapConfig(model) : seriesConfig(model);
    config.options = { ...config.options, responsive: true, maintainAspectRatio: false, animation: false };
    drawn.push(new Chart(canvas, config));
  }
}
