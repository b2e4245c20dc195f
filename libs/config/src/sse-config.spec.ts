import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadSseConfig } from './sse-config';

describe('SSE configuration', () => {
  it('given nothing set, then a 15 s heartbeat, 5 streams per key and a 1 MiB bound', () => {
    assert.deepEqual(loadSseConfig({}), {
      heartbeatMs: 15_000,
      maxStreamsPerKey: 5,
      maxBufferedBytes: 1024 * 1024,
    });
  });

  it('given values, then they are read; out of range, the variable is named', () => {
    const env = {
      SSE_HEARTBEAT_SECONDS: '2',
      SSE_MAX_STREAMS_PER_KEY: '50',
      SSE_MAX_BUFFERED_BYTES: '262144',
    };
    assert.deepEqual(loadSseConfig(env), {
      heartbeatMs: 2_000,
      maxStreamsPerKey: 50,
      maxBufferedBytes: 262_144,
    });
    assert.throws(() => loadSseConfig({ SSE_HEARTBEAT_SECONDS: '0' }), /SSE_HEARTBEAT_SECONDS/);
    assert.throws(() => loadSseConfig({ SSE_MAX_STREAMS_PER_KEY: 'many' }), /SSE_MAX_STREAMS_PER_KEY/);
    assert.throws(() => loadSseConfig({ SSE_MAX_BUFFERED_BYTES: '1024' }), /SSE_MAX_BUFFERED_BYTES/);
  });
});
