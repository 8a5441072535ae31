/** Bodies of the user endpoints: `user`, `user/detail`, `active-channel`, `active-user-language`. */
import { bucketVectorSums, windowVectorSums } from './buckets.js';
import type { AnalyticsQuery } from './query.js';
import { breakdownOf, rankedSeries, seriesOf } from './shapes.js';
import {
  conversations,
  messagesByChannel,
  newUsers,
  usersByChannel,
  usersByCountry,
  usersByLanguage,
  usersByRating,
} from './traffic.js';
import type { Weighted, Workspace } from './workspace.js';

/** `/user`: users created and users active per bucket; the total is the users created. */
export function userReport(ws: Workspace, q: AnalyticsQuery) {
  const [created = [], active = []] = bucketVectorSums(q.buckets, q.hours, 2, (h) => [
    newUsers(ws, h),
    conversations(ws, h),
  ]);
  const createdSeries = seriesOf(q, { key: 'created', label: 'Users created' }, created);
  return {
    series: [createdSeries, seriesOf(q, { key: 'active', label: 'Active users' }, active)],
    total: createdSeries.total,
  };
}

/** `/active-channel`: messages sent by users on each channel, as series and as a breakdown. */
export function activeChannelReport(ws: Workspace, q: AnalyticsQuery) {
  const items = ws.channels.items;
  return rankedSeries(
    q,
    items,
    bucketVectorSums(q.buckets, q.hours, items.length, (h) => messagesByChannel(ws, h)),
  );
}

/** `/active-user-language`: active users per language, as series and as a breakdown. */
export function activeUserLanguageReport(ws: Workspace, q: AnalyticsQuery) {
  const items = ws.languages.items;
  return rankedSeries(
    q,
    items,
    bucketVectorSums(q.buckets, q.hours, items.length, (h) => usersByLanguage(ws, h)),
  );
}

/** `/user/detail`: the window's active users by channel, country, language and rating. */
export function userDetailReport(ws: Workspace, q: AnalyticsQuery) {
  const slices = ({ items }: Weighted, perHour: (ws: Workspace, hour: number) => number[]) =>
    breakdownOf(
      items,
      windowVectorSums(q.hours, items.length, (h) => perHour(ws, h)),
    );
  return {
    breakdowns: {
      channel: slices(ws.channels, usersByChannel),
      country: slices(ws.countries, usersByCountry),
      language: slices(ws.languages, usersByLanguage),
      rating: slices(ws.ratings, usersByRating),
    },
    total: windowVectorSums(q.hours, 1, (h) => [conversations(ws, h)])[0] ?? 0,
  };
}
