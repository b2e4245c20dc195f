import { resolve } from 'node:path';
import { ConfigError, integer } from './env-values';

/** Where per-person keys live and what protects them at rest (see docs/PERSONAL-DATA.md). */
export interface PersonalDataConfig {
  /**
   * SQLite file of the per-person keys, shared by every process of a deployment. Unset:
   * `personal-keys.sqlite` in the data directory.
   */
  readonly keysFile: string | undefined;
  /**
   * 32 bytes that wrap every per-person key. Unset: a key generated once into
   * `DATA_DIR/personal-data.key` (mode 0600) is used.
   */
  readonly masterKey: Buffer | undefined;
}

/** `PERSONAL_DATA_MASTER_KEY`: 32 bytes as 64 hex digits or base64. */
function masterKey(env: NodeJS.ProcessEnv): Buffer | undefined {
  const raw = env.PERSONAL_DATA_MASTER_KEY?.trim();
  if (!raw) return undefined;
  const key = /^[0-9a-fA-F]{64}$/.test(raw)
    ? Buffer.from(raw, 'hex')
    : /^[A-Za-z0-9+/]{43}=?$/.test(raw)
      ? Buffer.from(raw, 'base64')
      : undefined;
  if (key?.length !== 32) {
    throw new ConfigError(
      'PERSONAL_DATA_MASTER_KEY must be 32 bytes as 64 hex digits or base64 (e.g. `openssl rand -hex 32`)',
    );
  }
  return key;
}

export function loadPersonalDataConfig(env: NodeJS.ProcessEnv): PersonalDataConfig {
  return {
    keysFile: env.PERSONAL_DATA_KEYS_FILE?.trim() ? resolve(env.PERSONAL_DATA_KEYS_FILE.trim()) : undefined,
    masterKey: masterKey(env),
  };
}

/** `AS_OF_SNAPSHOT_EVERY`: an as-of read stores the folded state every this many events of a stream. */
export const asOfSnapshotEvery = (env: NodeJS.ProcessEnv): number =>
  integer(env, 'AS_OF_SNAPSHOT_EVERY', 500, 10, 1_000_000);
