import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Histogram, Registry } from 'prom-client';
import { RequestDurations } from './request-durations';

/** Answers as the hook reports them: method, route pattern (undefined: nothing matched), status, seconds. */
const ANSWERS: [string, string | undefined, number, number][] = [
  ['GET', '/v2/servers/:server_id', 200, 0.0004],
  ['GET', '/v2/servers/:server_id', 200, 0.0005],
  ['GET', '/v2/servers/:server_id', 200, 0.0031],
  ['GET', '/v2/servers/:server_id', 304, 0.0002],
  ['GET', '/v2/servers/:server_id', 429, 0.0007],
  ['POST', '/v1/servers/:id/settings', 200, 0.042],
  ['GET', undefined, 404, 0.0001],
  ['GET', '/metrics', 200, 7.5],
];

describe('RequestDurations', () => {
  it("given the same answers, then the registry serves exactly what prom-client's own histogram would", async () => {
    const reference = new Registry();
    const histogram = new Histogram({
      name: 'guildhall_http_request_duration_seconds',
      help: 'Time from a request arriving to its answer being sent, by route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [reference],
    });
    const registry = new Registry();
    const durations = new RequestDurations(registry);
    for (const [method, route, status, seconds] of ANSWERS) {
      histogram.observe({ method, route: route ?? 'unmatched', status: String(status) }, seconds);
      durations.record(method, route, status, seconds);
    }
    assert.equal(await registry.metrics(), await reference.metrics());
    assert.deepEqual(await registry.getMetricsAsJSON(), await reference.getMetricsAsJSON());
    assert.match(
      await registry.metrics(),
      /guildhall_http_request_duration_seconds_bucket\{le="0\.0005",method="GET",route="\/v2\/servers\/:server_id",status="200"\} 2\n/,
    );
  });

  it('given a reset, then nothing is served until the next answer', async () => {
    const registry = new Registry();
    const durations = new RequestDurations(registry);
    durations.record('GET', '/metrics', 200, 0.001);
    registry.resetMetrics();
    assert.doesNotMatch(await registry.metrics(), /_count/);
    durations.record('GET', '/metrics', 200, 0.001);
    assert.match(await registry.metrics(), /_count\{method="GET",route="\/metrics",status="200"\} 1$/m);
  });
});
