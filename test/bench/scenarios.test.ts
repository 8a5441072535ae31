import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/core/paths.js';
import { testApp } from '../support/app.js';

const DAY =
  '/digitalcx/acme/projects/shop/interactions?startDate=2025-02-28T00:00:00Z&endDate=2025-03-01T00:00:00Z&paginateData=true';

describe('bench: its own scenarios', () => {
  it('loads bench/scenarios, whose high-volume day has a 50th page of 200 rows', async () => {
    const mock = testApp({ scenarioDir: packagePath('bench', 'scenarios') });
    const headers = { Authorization: 'Bearer bench', 'X-Mock-Scenario': 'high-volume-pages' };
    let url = DAY;
    for (let page = 1; page < 50; page++) {
      const res = await request(mock).get(url).set(headers);
      expect(res.status).toBe(200);
      url = `${DAY}&continuationToken=${encodeURIComponent(res.headers.continuationtoken as string)}`;
    }
    const fiftieth = await request(mock).get(url).set(headers);
    expect(fiftieth.status).toBe(200);
    expect(fiftieth.text.trimEnd().split('\r\n')).toHaveLength(1 + 200);
  });
});
