/** Bodies of the content endpoints: `response`, `urlTracking`, `blocks`. */
import { seriesSums, splitVector, totalSums } from './buckets.js';
import { contentInHour, viewsByResponse } from './content.js';
import type { AnalyticsQuery } from './query.js';
import { rankedSeries } from './shapes.js';
import type { Workspace } from './workspace.js';

/** The window's totals of every response: views by trigger, likes, dislikes, and clicks per link. */
function contentTotals(ws: Workspace, q: AnalyticsQuery) {
  const r = ws.responses.length;
  const links = ws.responses.flatMap((response, i) => response.links.map((url) => ({ url, response: i })));
  const widths = [r, r, r, r, links.length];
  const totals = totalSums(ws, 'content', q, 4 * r + links.length, (h) => {
    const hour = contentInHour(ws, h);
    return [...hour.byNlp, ...hour.byButton, ...hour.likes, ...hour.dislikes, ...hour.clicks.flat()];
  });
  const [byNlp = [], byButton = [], likes = [], dislikes = [], clicks = []] = splitVector(totals, widths);
  return {
    byNlp,
    byButton,
    likes,
    dislikes,
    clicks: links.map((link, i) => ({ ...link, clicks: clicks[i] ?? 0 })),
  };
}

/** `/response`: every response viewed in the window, with views, likes, dislikes and triggers. */
export function responseReport(ws: Workspace, q: AnalyticsQuery) {
  const t = contentTotals(ws, q);
  const responses = ws.responses
    .map((response, i) => {
      const triggeredByNlp = t.byNlp[i] ?? 0;
      const triggeredByButton = t.byButton[i] ?? 0;
      return {
        id: response.key,
        title: response.label,
        views: triggeredByNlp + triggeredByButton,
        likes: t.likes[i] ?? 0,
        dislikes: t.dislikes[i] ?? 0,
        triggeredByButton,
        triggeredByNlp,
      };
    })
    .filter((response) => response.views > 0)
    .sort((a, b) => b.views - a.views || (a.id < b.id ? -1 : 1));
  return { responses, total: responses.reduce((a, response) => a + response.views, 0) };
}

/** `/urlTracking`: clicks on each link of each response. */
export function urlTrackingReport(ws: Workspace, q: AnalyticsQuery) {
  const urls = contentTotals(ws, q)
    .clicks.filter((link) => link.clicks > 0)
    .map((link) => {
      const response = ws.responses[link.response];
      return {
        url: link.url,
        responseId: response?.key ?? '',
        responseTitle: response?.label ?? '',
        clicks: link.clicks,
      };
    })
    .sort(
      (a, b) =>
        b.clicks - a.clicks ||
        (a.url < b.url ? -1 : a.url > b.url ? 1 : 0) ||
        (a.responseId < b.responseId ? -1 : 1),
    );
  return { urls, total: urls.reduce((a, link) => a + link.clicks, 0) };
}

/** `/blocks`: views of each response per bucket. */
export function blocksReport(ws: Workspace, q: AnalyticsQuery) {
  const items = ws.responses;
  const { series, total } = rankedSeries(
    q,
    items,
    seriesSums(ws, 'views-by-response', q, items.length, (h) => viewsByResponse(ws, h)),
  );
  return { series, total };
}
