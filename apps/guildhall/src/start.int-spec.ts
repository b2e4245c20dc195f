import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('starting with a bad configuration', () => {
  it('given several bad values, then the process names each, exits 1 and never listens', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'guildhall-bad-config-'));
    try {
      const run = spawnSync(process.execPath, ['dist/apps/guildhall/src/main.js'], {
        env: {
          PATH: process.env.PATH,
          DATA_DIR: dataDir,
          LOG_LEVEL: 'verbose',
          EVENTSTORE_URL: 'tcp://eventstore:1113',
          HTTP_REQUEST_TIMEOUT_MS: '1000',
          HTTP_HEADERS_TIMEOUT_MS: '2000',
        },
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stderr, /^Invalid configuration \(2 problems\):\n/);
      assert.match(
        run.stderr,
        /  - EVENTSTORE_URL must start with esdb:\/\/.*got "tcp:\/\/eventstore:1113"\n/,
      );
      assert.match(
        run.stderr,
        /  - LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"\n/,
      );
      assert.doesNotMatch(run.stderr, /at \w+ \(/, 'no stack trace');
      assert.doesNotMatch(run.stdout + run.stderr, /listening/i);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('given only a cross-field problem, then it is named once the single values pass', () => {
    const run = spawnSync(process.execPath, ['dist/apps/guildhall/src/main.js'], {
      env: { PATH: process.env.PATH, HTTP_REQUEST_TIMEOUT_MS: '1000', HTTP_HEADERS_TIMEOUT_MS: '2000' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(run.status, 1, run.stderr);
    assert.match(
      run.stderr,
      /^Invalid configuration: HTTP_HEADERS_TIMEOUT_MS \(2000\) must not exceed HTTP_REQUEST_TIMEOUT_MS \(1000\)\n/,
    );
  });
});
