import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GuildhallConfig } from '#config';
import { SqlitePersonalDataKeys, type PersonalDataKeys } from '#eventstore';

/** File of the generated master key when `PERSONAL_DATA_MASTER_KEY` is not set. */
export const MASTER_KEY_FILE = 'personal-data.key';

/**
 * The configured master key, or one generated into the data directory on first use (readable by its
 * owner only). `wx` makes two processes starting together agree on one key: the loser reads the file.
 */
function masterKeyOf(config: GuildhallConfig): Buffer {
  if (config.personalData.masterKey) return config.personalData.masterKey;
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, MASTER_KEY_FILE);
  try {
    writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  if (key.length !== 32) throw new Error(`${file} must hold 32 bytes as 64 hex digits`);
  return key;
}

/** Opens the per-person key store the configuration names (see docs/PERSONAL-DATA.md). */
export function openPersonalDataKeys(config: GuildhallConfig): PersonalDataKeys {
  const file = config.personalData?.keysFile ?? join(config.dataDir, 'personal-keys.sqlite');
  return new SqlitePersonalDataKeys(file, masterKeyOf(config));
}
