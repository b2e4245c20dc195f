import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { unwrapKey, wrapKey } from './field-cipher';
import { PersonalDataKeys, type DataKey } from './personal-data-keys';

/**
 * Per-person keys in their own SQLite file, each wrapped with the master key so that a copy of the file
 * alone opens nothing. `secure_delete` zeroes a forgotten key's bytes in the file, and a truncating
 * WAL checkpoint after each forget drops the old pages from the log too.
 *
 * Keys are cached in memory; `PRAGMA data_version` tells when another process (the CLI's forget)
 * committed, and the cache is dropped then, so a forget is seen by every process at its next read.
 */
export class SqlitePersonalDataKeys extends PersonalDataKeys {
  private readonly db: DatabaseSync;
  private readonly byId: StatementSync;
  private readonly bySubject: StatementSync;
  private readonly insert: StatementSync;
  private readonly remove: StatementSync;
  private readonly dataVersion: StatementSync;
  private readonly erase: StatementSync;
  private readonly erasedStatement: StatementSync;
  private readonly erased = new Map<string, boolean>();
  private seenVersion = -1;
  private readonly keys = new Map<string, Buffer | undefined>();
  private readonly current = new Map<string, DataKey>();

  constructor(
    file: string,
    private readonly masterKey: Buffer,
  ) {
    super();
    if (masterKey.length !== 32) throw new Error('the personal-data master key must be 32 bytes');
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new DatabaseSync(file, { timeout: 10_000 });
    this.db.exec('PRAGMA journal_mode = WAL');
    this.db.exec('PRAGMA secure_delete = ON');
    this.db.exec(`CREATE TABLE IF NOT EXISTS personal_data_keys (
      key_id TEXT PRIMARY KEY,
      subject TEXT NOT NULL,
      wrapped BLOB NOT NULL,
      created_at TEXT NOT NULL
    )`);
    this.db.exec('CREATE INDEX IF NOT EXISTS personal_data_keys_by_subject ON personal_data_keys (subject)');
    this.db.exec(`CREATE TABLE IF NOT EXISTS erased_subjects (
      subject TEXT PRIMARY KEY,
      erased_at TEXT NOT NULL
    ) WITHOUT ROWID`);
    this.byId = this.db.prepare('SELECT wrapped FROM personal_data_keys WHERE key_id = ?');
    this.bySubject = this.db.prepare(
      'SELECT key_id, wrapped FROM personal_data_keys WHERE subject = ? ORDER BY created_at DESC LIMIT 1',
    );
    this.insert = this.db.prepare(
      'INSERT INTO personal_data_keys (key_id, subject, wrapped, created_at) VALUES (?, ?, ?, ?)',
    );
    this.remove = this.db.prepare('DELETE FROM personal_data_keys WHERE subject = ?');
    this.dataVersion = this.db.prepare('PRAGMA data_version');
    this.erase = this.db.prepare('INSERT OR IGNORE INTO erased_subjects (subject, erased_at) VALUES (?, ?)');
    this.erasedStatement = this.db.prepare('SELECT 1 FROM erased_subjects WHERE subject = ?');
  }

  keyForWriting(subject: string): Promise<DataKey> {
    this.dropCacheIfChanged();
    const cached = this.current.get(subject);
    if (cached) return Promise.resolve(cached);
    const row = this.bySubject.get(subject) as { key_id: string; wrapped: Uint8Array } | undefined;
    let dataKey: DataKey;
    if (row) {
      dataKey = { keyId: row.key_id, key: unwrapKey(Buffer.from(row.wrapped), this.masterKey, row.key_id) };
    } else {
      dataKey = { keyId: randomUUID(), key: randomBytes(32) };
      const wrapped = wrapKey(dataKey.key, this.masterKey, dataKey.keyId);
      this.insert.run(dataKey.keyId, subject, wrapped, new Date().toISOString());
    }
    this.current.set(subject, dataKey);
    this.keys.set(dataKey.keyId, dataKey.key);
    return Promise.resolve(dataKey);
  }

  keyForReading(keyId: string): Promise<Buffer | undefined> {
    this.dropCacheIfChanged();
    if (this.keys.has(keyId)) return Promise.resolve(this.keys.get(keyId));
    const row = this.byId.get(keyId) as { wrapped: Uint8Array } | undefined;
    const key = row && unwrapKey(Buffer.from(row.wrapped), this.masterKey, keyId);
    this.keys.set(keyId, key);
    return Promise.resolve(key);
  }

  forget(subject: string): Promise<number> {
    this.db.exec('BEGIN IMMEDIATE');
    let changes: number | bigint;
    try {
      ({ changes } = this.remove.run(subject));
      this.erase.run(subject, new Date().toISOString());
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
    this.keys.clear();
    this.current.clear();
    this.erased.clear();
    // The deleted rows' old pages are still in the WAL until it is checkpointed and truncated.
    this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    return Promise.resolve(Number(changes));
  }

  wasErased(subject: string): Promise<boolean> {
    this.dropCacheIfChanged();
    let erased = this.erased.get(subject);
    if (erased === undefined)
      this.erased.set(subject, (erased = this.erasedStatement.get(subject) !== undefined));
    return Promise.resolve(erased);
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }

  private dropCacheIfChanged(): void {
    const { data_version: version } = this.dataVersion.get() as { data_version: number };
    if (version === this.seenVersion) return;
    this.seenVersion = version;
    this.keys.clear();
    this.current.clear();
    this.erased.clear();
  }
}
