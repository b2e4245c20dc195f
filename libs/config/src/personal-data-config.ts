import { resolve } from 'node:path';
import { envVar, integerVar, readEnv, type EnvValues } from './env-values';

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

/** 32 bytes as 64 hex digits or base64. */
function masterKeyOf(text: string): Buffer | { error: string } {
  const key = /^[0-9a-fA-F]{64}$/.test(text)
    ? Buffer.from(text, 'hex')
    : /^[A-Za-z0-9+/]{43}=?$/.test(text)
      ? Buffer.from(text, 'base64')
      : undefined;
  return key?.length === 32
    ? key
    : { error: 'must be 32 bytes as 64 hex digits or base64 (e.g. `openssl rand -hex 32`)' };
}

export const PERSONAL_DATA_ENV = {
  PERSONAL_DATA_KEYS_FILE: envVar<string | undefined>((text) => resolve(text), undefined),
  PERSONAL_DATA_MASTER_KEY: envVar<Buffer | undefined>(masterKeyOf, undefined),
  /** An as-of read stores the folded state every this many events of a stream. */
  AS_OF_SNAPSHOT_EVERY: integerVar(500, 10, 1_000_000),
};

export const personalDataConfigOf = (values: EnvValues<typeof PERSONAL_DATA_ENV>): PersonalDataConfig => ({
  keysFile: values.PERSONAL_DATA_KEYS_FILE,
  masterKey: values.PERSONAL_DATA_MASTER_KEY,
});

export function loadPersonalDataConfig(env: NodeJS.ProcessEnv): PersonalDataConfig {
  return personalDataConfigOf(readEnv(env, PERSONAL_DATA_ENV));
}

/** `AS_OF_SNAPSHOT_EVERY` alone (500 by default). */
export const asOfSnapshotEvery = (env: NodeJS.ProcessEnv): number =>
  readEnv(env, { AS_OF_SNAPSHOT_EVERY: PERSONAL_DATA_ENV.AS_OF_SNAPSHOT_EVERY }).AS_OF_SNAPSHOT_EVERY;
