import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig, ConfigError } from './config';

describe('loadConfig', () => {
  it('given an empty environment, then the embedded defaults apply', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.eventStoreUrl, undefined);
    assert.match(config.dataDir, /\/data$/);
    assert.equal(config.runProjections, true);
  });

  it('given a non-numeric PORT, then it fails naming the variable', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty' }),
      (e: unknown) => e instanceof ConfigError && /PORT/.test(e.message),
    );
  });

  it('given an EVENTSTORE_URL that is not esdb:// or kurrentdb://, then it fails naming the variable and the schemes', () => {
    assert.throws(
      () => loadConfig({ EVENTSTORE_URL: 'http://x' }),
      /EVENTSTORE_URL must start with esdb:\/\/, esdb\+discover:\/\/, kurrentdb:\/\/ or kurrentdb\+discover:\/\/, got "http:\/\/x"/,
    );
  });

  it("given KurrentDB's kurrentdb:// scheme, then the client gets the same string under esdb://", () => {
    const single = 'kurrentdb://admin:changeit@kurrentdb:2113?tls=false';
    assert.equal(
      loadConfig({ EVENTSTORE_URL: single }).eventStoreUrl,
      'esdb://admin:changeit@kurrentdb:2113?tls=false',
    );
    const cluster = 'kurrentdb+discover://node1:2113,node2:2113?tls=true';
    assert.equal(
      loadConfig({ EVENTSTORE_URL: cluster }).eventStoreUrl,
      'esdb+discover://node1:2113,node2:2113?tls=true',
    );
    assert.equal(
      loadConfig({ EVENTSTORE_URL: 'esdb://localhost:2113' }).eventStoreUrl,
      'esdb://localhost:2113',
    );
  });

  it('given a LOG_LEVEL pino does not know, then it is refused naming the variable and the allowed levels', () => {
    assert.throws(
      () => loadConfig({ LOG_LEVEL: 'verbose' }),
      /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"/,
    );
    assert.equal(loadConfig({ LOG_LEVEL: 'DEBUG' }).logLevel, 'debug');
    assert.equal(loadConfig({}).logLevel, 'info');
  });

  it('given several bad values across the core, Discord, outbound and probes, then one error names every one', () => {
    const error = (() => {
      try {
        loadConfig({
          LOG_LEVEL: 'verbose',
          PORT: 'eighty',
          DISCORD_TOKEN: 't',
          DISCORD_SHARDS: 'many',
          OUTBOUND_TIMEOUT_MS: 'soon',
          MUSIC_PROBE_QUEUE: '-1',
          METRICS_TOKEN: 'short',
        });
      } catch (e) {
        return e;
      }
    })();
    assert.ok(error instanceof ConfigError, String(error));
    const lines = error.message.split('\n');
    assert.equal(lines[0], 'Invalid configuration (6 problems):');
    for (const name of [
      'LOG_LEVEL',
      'PORT',
      'DISCORD_SHARDS',
      'OUTBOUND_TIMEOUT_MS',
      'MUSIC_PROBE_QUEUE',
      'METRICS_TOKEN',
    ]) {
      assert.equal(
        lines.filter((line) => line.startsWith(`  - ${name} `)).length,
        1,
        `${name} in:\n${error.message}`,
      );
    }
  });

  it('given no durability setting, then normal; given an unknown one, then it fails naming the variable', () => {
    assert.equal(loadConfig({}).sqliteDurability, 'normal');
    assert.equal(loadConfig({ EVENTSTORE_SQLITE_DURABILITY: 'full' }).sqliteDurability, 'full');
    assert.throws(() => loadConfig({ EVENTSTORE_SQLITE_DURABILITY: 'off' }), /EVENTSTORE_SQLITE_DURABILITY/);
  });

  it('given a REDIS_URL that is not redis://, then it fails naming the variable', () => {
    assert.throws(() => loadConfig({ REDIS_URL: 'localhost:6379' }), /REDIS_URL/);
    assert.equal(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl, 'redis://127.0.0.1:6379');
  });

  it('given RUN_PROJECTIONS=false, then projections are off', () => {
    assert.equal(loadConfig({ RUN_PROJECTIONS: 'false' }).runProjections, false);
  });

  it('given no USAGE_RETENTION_DAYS, then usage is kept; given a positive integer, then it is the window', () => {
    assert.equal(loadConfig({}).usageRetentionDays, undefined);
    assert.equal(loadConfig({ USAGE_RETENTION_DAYS: '90' }).usageRetentionDays, 90);
  });

  it('given a USAGE_RETENTION_DAYS that is not a positive integer, then it fails naming the variable', () => {
    for (const raw of ['0', '-5', '1.5', 'ninety']) {
      assert.throws(() => loadConfig({ USAGE_RETENTION_DAYS: raw }), /USAGE_RETENTION_DAYS/);
    }
  });

  it('given no TRUST_PROXY, then proxies are not trusted; given hops, a flag or addresses, then Fastify gets them', () => {
    assert.equal(loadConfig({}).trustProxy, false);
    assert.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, true);
    assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
    assert.equal(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy, '10.0.0.0/8, 127.0.0.1');
    assert.throws(() => loadConfig({ TRUST_PROXY: 'everyone' }), /TRUST_PROXY/);
  });

  it('given no DEMO_KEYS, then auto; given an unknown value, then it fails naming the variable', () => {
    assert.equal(loadConfig({}).demoKeys, 'auto');
    assert.equal(loadConfig({ DEMO_KEYS: 'OFF' }).demoKeys, 'off');
    assert.throws(() => loadConfig({ DEMO_KEYS: 'maybe' }), /DEMO_KEYS/);
  });

  it('given no HTTP input settings, then the documented limits and timeouts apply', () => {
    const config = loadConfig({});
    assert.deepEqual([config.bodyMaxDepth, config.bodyMaxKeys, config.bodyMaxItems], [32, 100, 1_000]);
    assert.deepEqual([config.requestTimeoutMs, config.headersTimeoutMs], [30_000, 10_000]);
  });

  it('given a headers timeout longer than the request timeout, then it fails naming both', () => {
    assert.throws(
      () => loadConfig({ HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_HEADERS_TIMEOUT_MS: '6000' }),
      /HTTP_HEADERS_TIMEOUT_MS.*HTTP_REQUEST_TIMEOUT_MS/,
    );
    assert.throws(() => loadConfig({ BODY_MAX_DEPTH: '0' }), /BODY_MAX_DEPTH/);
  });

  it('given no door settings, then the HTTP door opens and the player worker runs only where Discord is configured', () => {
    assert.equal(loadConfig({}).httpDoor, true);
    assert.equal(loadConfig({}).playerWorker, false);
    assert.equal(loadConfig({ DISCORD_TOKEN: 'token' }).playerWorker, true);
    assert.equal(loadConfig({ DISCORD_TOKEN: 'token', PLAYER_WORKER: 'off' }).playerWorker, false);
    assert.equal(loadConfig({ PLAYER_WORKER: 'on' }).playerWorker, true);
    assert.equal(loadConfig({ HTTP_DOOR: 'off' }).httpDoor, false);
  });

  it('given a door setting that is not on or off, then it fails naming the variable', () => {
    assert.throws(() => loadConfig({ PLAYER_WORKER: 'sometimes' }), /PLAYER_WORKER/);
    assert.throws(() => loadConfig({ HTTP_DOOR: 'maybe' }), /HTTP_DOOR/);
  });

  it('given no player timings, then the idle disconnect is 5 minutes and checkpoints every 30 s; bad ones are named', () => {
    assert.equal(loadConfig({}).playerIdleDisconnectSeconds, 300);
    assert.equal(loadConfig({}).playerCheckpointSeconds, 30);
    assert.equal(loadConfig({ PLAYER_IDLE_DISCONNECT_SECONDS: '0' }).playerIdleDisconnectSeconds, 0);
    assert.throws(
      () => loadConfig({ PLAYER_IDLE_DISCONNECT_SECONDS: 'soon' }),
      /PLAYER_IDLE_DISCONNECT_SECONDS/,
    );
    assert.throws(
      () => loadConfig({ PLAYER_POSITION_CHECKPOINT_SECONDS: '0' }),
      /PLAYER_POSITION_CHECKPOINT_SECONDS/,
    );
  });

  it('given no UDP silence setting, then 15 s; under the 5 s keep-alive period (plus slack) it is refused by name', () => {
    assert.equal(loadConfig({}).playerUdpSilenceSeconds, 15);
    assert.equal(loadConfig({ PLAYER_UDP_SILENCE_SECONDS: '6' }).playerUdpSilenceSeconds, 6);
    assert.throws(() => loadConfig({ PLAYER_UDP_SILENCE_SECONDS: '5' }), /PLAYER_UDP_SILENCE_SECONDS/);
  });
});
