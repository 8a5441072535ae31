/** Issue 20 item 3: an error whose status the front knows keeps it; a malformed escape is a 400, never a 500. */
import { Writable } from 'node:stream';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';

/** An app whose error-level log lines are collected. */
function loggedApp() {
  const errors: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n'))
        if (line && (JSON.parse(line) as { level: number }).level >= 50) errors.push(line);
      done();
    },
  });
  return { app: testApp({ logLevel: 'info' }, [], { logDestination: destination }), errors };
}

describe('errors whose status is known', () => {
  it.each(['/docs/%', '/docs/%FF', '/docs/assets/%', '/docs/%E0%A4%A/spec.yaml', '/__mock/specs/%'])(
    'answers a malformed escape in %s with a 400 that says how to escape, and logs no error',
    async (url) => {
      const { app, errors } = loggedApp();
      const res = await request(app).get(url);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ status: 400, code: 'bad_request' });
      expect(res.body.error.message).toContain('%25');
      expect(res.text).not.toMatch(/URIError|\n\s+at /);
      expect(errors).toEqual([]);
    },
  );
});
