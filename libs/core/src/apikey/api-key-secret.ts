import { createHash, createHmac, hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isApiKeyId } from '#domain';

/**
 * Key material: `ghk_<keyId>_<secret>`. The `ghk_` prefix lets secret scanners (GitHub push
 * protection, gitleaks) recognise a leaked key; the key id is visible so a key can be found and
 * revoked without its secret. Only the SHA-256 of the whole key is ever stored: a key is 256 random
 * bits, so a fast hash is enough (no password stretching needed) and keeps authentication cheap.
 */
export const API_KEY_PREFIX = 'ghk_';

/** Base62 of 32 bytes: 43 characters always suffice, as 62^43 > 2^256. */
const SECRET_LENGTH = 43;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KEY = /^ghk_([0-9a-z]{16})_([0-9A-Za-z]{32,64})$/;
/** Longer inputs are refused before the regex runs: an Authorization header can be anything. */
const MAX_KEY_LENGTH = API_KEY_PREFIX.length + 16 + 1 + 64;

/** A freshly made key: the plaintext to show once, and what may be stored. */
export interface ApiKeyMaterial {
  readonly keyId: string;
  /** The plaintext key. Show it to its owner once; never log or store it. */
  readonly key: string;
  /** Lowercase hex SHA-256 of `key`, the only form that is stored. */
  readonly secretHash: string;
}

/** Unbiased: the bytes are read as one big number, not mapped byte by byte with a modulo. */
function base62(bytes: Buffer): string {
  let n = BigInt(`0x${bytes.toString('hex')}`);
  let out = '';
  while (n > 0n) {
    out = BASE62[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out.padStart(SECRET_LENGTH, '0');
}

function material(keyId: string, secretBytes: Buffer): ApiKeyMaterial {
  const key = `${API_KEY_PREFIX}${keyId}_${base62(secretBytes)}`;
  return { keyId, key, secretHash: hashApiKey(key) };
}

/** A new random key id: 16 lowercase hex characters (64 bits). */
export const newApiKeyId = (): string => randomBytes(8).toString('hex');

/** A new key with 256 random bits of secret; `keyId` defaults to a new random one. */
export function generateApiKey(keyId: string = newApiKeyId()): ApiKeyMaterial {
  assertKeyId(keyId);
  return material(keyId, randomBytes(32));
}

/**
 * The same key for the same seed and key id, every time: the demo prints working keys on every run
 * without storing them anywhere. Secret = HMAC-SHA256(seed, keyId).
 */
export function deriveApiKey(seed: Buffer, keyId: string): ApiKeyMaterial {
  assertKeyId(keyId);
  if (seed.length < 16) throw new Error('deriveApiKey needs a seed of at least 16 bytes');
  return material(keyId, createHmac('sha256', seed).update(keyId).digest());
}

/** Lowercase hex SHA-256 of the whole key string. */
export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/** The key id of a well-formed key, or null for anything else (never throws, whatever the input). */
export function parseApiKey(raw: unknown): { keyId: string } | null {
  if (typeof raw !== 'string' || raw.length > MAX_KEY_LENGTH) return null;
  const match = KEY.exec(raw);
  return match ? { keyId: match[1] } : null;
}

/**
 * The two steps of every key check, behind one object so both paths of the authenticator (known and
 * unknown key id) can be shown to take the same ones. The one-shot `hash` costs a fraction of a Hash
 * object; this runs on every request.
 */
export const keyDigests = {
  sha256: (key: string): Buffer => hash('sha256', key, 'buffer'),
  equal: (a: Buffer, b: Buffer): boolean => timingSafeEqual(a, b),
};

/** Compared against when the key id is unknown: the same hash and comparison, a result that is always false. */
const NO_SUCH_KEY = Buffer.alloc(32);

/**
 * Whether `key` hashes to `secretHash`, compared in constant time so timing reveals nothing of the
 * hash. With no stored hash (an unknown key id) it does the same work and answers false, so a known
 * id and an unknown one take the same time.
 */
export function verifyApiKey(key: string, secretHash: string | undefined): boolean {
  const stored = secretHash === undefined ? undefined : Buffer.from(secretHash, 'hex');
  // A malformed stored hash decodes to another length; timingSafeEqual would throw on it.
  const expected = stored?.length === 32 ? stored : NO_SUCH_KEY;
  const same = keyDigests.equal(keyDigests.sha256(key), expected);
  return same && expected !== NO_SUCH_KEY;
}

function assertKeyId(keyId: string): void {
  if (!isApiKeyId(keyId)) throw new Error('an API key id is 16 lowercase letters or digits');
}
