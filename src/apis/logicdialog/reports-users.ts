/** Bodies of the user endpoints: `user`, `user/detail`, `active-channel`, `active-user-language`. */
import { seriesSums, splitVector, totalSums } from './buckets.js';
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
import type { Workspace } from './workspace.js';

/** `/user`: users created and users active per bucket; the total is the users created. */
export function userReport(ws: Workspace, q: AnalyticsQuery) {
  const [created = [], active = []] = seriesSums(ws, 'new-and-active-users', q, 2, (h) => [
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
    seriesSums(ws, 'messages-by-channel', q, items.length, (h) => messagesByChannel(ws, h)),
  );
}

/** `/active-user-language`: active users per language, as series and as a breakdown. */
export function activeUserLanguageReport(ws: Workspace, q: AnalyticsQuery) {
  const items = ws.languages.items;
  return rankedSeries(
    q,
    items,
    seriesSums(ws, 'users-by-language', q, items.length, (h) => usersByLanguage(ws, h)),
  );
}

/** `/user/detail`: the window's active users by channel, country, language and rating (one pass over the hours). */
export function userDetailReport(ws: Workspace, q: AnalyticsQuery) {
  const dimensions = [ws.channels, ws.countries, ws.languages, ws.ratings];
  const widths = [...dimensions.map((d) => d.items.length), 1];
  const sums = totalSums(
    ws,
    'users-by-channel-country-language-rating',
    q,
    widths.reduce((a, b) => a + b, 0),
    (h) => [
      ...usersByChannel(ws, h),
      ...usersByCountry(ws, h),
      ...usersByLanguage(ws, h),
      ...usersByRating(ws, h),
      conversations(ws, h),
    ],
  );
  const [channel = [], country = [], language = [], rating = [], [total = 0] = []] = splitVector(
    sums,
    widths,
  );
  return {
    breakdowns: {
      channel: breakdownOf(ws.channels.items, channel),
      country: breakdownOf(ws.countries.items, country),
      language: breakdownOf(ws.languages.items, language),
      rating: breakdownOf(ws.ratings.items, rating),
    },
    total,
  };
}
