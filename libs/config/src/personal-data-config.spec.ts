import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { ConfigError } from './env-values';
import { asOfSnapshotEvery, loadPersonalDataConfig } from './personal-data-config';

describe('PERSONAL_DATA_MASTER_KEY and PERSONAL_DATA_KEYS_FILE', () => {
  it('given nothing, then no master key (one is generated in DATA_DIR) and the default key file', () => {
    assert.deepEqual(loadPersonalDataConfig({}), { keysFile: undefined, masterKey: undefined });
  });

  it('given 32 bytes as hex or base64, then those bytes', () => {
    const bytes = Buffer.alloc(32, 7);
    for (const raw of [bytes.toString('hex'), bytes.toString('base64')]) {
      assert.deepEqual(loadPersonalDataConfig({ PERSONAL_DATA_MASTER_KEY: raw }).masterKey, bytes);
    }
  });

  it('given too few bytes or another encoding, then it names the variable', () => {
    for (const bad of ['abc', 'ab'.repeat(31), Buffer.alloc(16).toString('base64'), 'z'.repeat(64)]) {
      assert.throws(
        () => loadPersonalDataConfig({ PERSONAL_DATA_MASTER_KEY: bad }),
        (e: unknown) => e instanceof ConfigError && /PERSONAL_DATA_MASTER_KEY/.test(e.message),
      );
    }
  });

  it('given a key file, then it is resolved', () => {
    assert.equal(
      loadPersonalDataConfig({ PERSONAL_DATA_KEYS_FILE: 'keys.sqlite' }).keysFile,
      resolve('keys.sqlite'),
    );
  });
});

describe('AS_OF_SNAPSHOT_EVERY', () => {
  it('given nothing, then 500; given a value in range, then it; out of range, then it names the variable', () => {
    assert.equal(asOfSnapshotEvery({}), 500);
    assert.equal(asOfSnapshotEvery({ AS_OF_SNAPSHOT_EVERY: '50' }), 50);
    for (const bad of ['0', '9', 'x', '1.5']) {
      assert.throws(() => asOfSnapshotEvery({ AS_OF_SNAPSHOT_EVERY: bad }), /AS_OF_SNAPSHOT_EVERY/);
    }
  });
});
