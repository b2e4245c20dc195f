/** A person's data key and its id. */
export interface DataKey {
  readonly keyId: string;
  readonly key: Buffer;
}

/**
 * Where the per-person keys live: apart from the events, so that forgetting a key erases data the
 * event store itself can never rewrite. Any store that can really delete (SQLite here; a KMS or a
 * database table at scale) can implement it; the event store adapter does not matter.
 */
export abstract class PersonalDataKeys {
  /** The person's current key, created on first use. */
  abstract keyForWriting(subject: string): Promise<DataKey>;
  /** A key by id; undefined once forgotten (or never known). */
  abstract keyForReading(keyId: string): Promise<Buffer | undefined>;
  /**
   * Forgets every key the person ever had and remembers that they were erased; returns how many keys
   * there were. Idempotent.
   */
  abstract forget(subject: string): Promise<number>;
  /**
   * Whether the person was ever erased: their plaintext fields in events written before encryption
   * existed (which no key can erase) then read as erased too.
   */
  abstract wasErased(subject: string): Promise<boolean>;
  abstract close(): void;
}
