import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** How an encrypted personal field is stored in place of its string: never a string, so never mistaken for one. */
export interface SealedField {
  /** Format version of the envelope. */
  readonly $pd: 1;
  /** Which key sealed it; keys are never reused across people or after being forgotten. */
  readonly kid: string;
  /** base64 of 12-byte IV, 16-byte GCM tag, then the ciphertext. */
  readonly ct: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export const isSealedField = (value: unknown): value is SealedField =>
  typeof value === 'object' &&
  value !== null &&
  (value as SealedField).$pd === 1 &&
  typeof (value as SealedField).kid === 'string' &&
  typeof (value as SealedField).ct === 'string';

/**
 * AES-256-GCM of one string. `aad` binds the ciphertext to where it belongs (event id and field path),
 * so a sealed value copied into another event or field fails to open instead of reading as real.
 */
export function sealField(plaintext: string, key: Buffer, keyId: string, aad: string): SealedField {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { $pd: 1, kid: keyId, ct: Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64') };
}

/** Opens a sealed field; throws when the key is wrong or the value was altered. */
export function openField(sealed: SealedField, key: Buffer, aad: string): string {
  const raw = Buffer.from(sealed.ct, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
    'utf8',
  );
}

/** Wraps a data key with the master key (AES-256-GCM, bound to the key id) for storage at rest. */
export function wrapKey(dataKey: Buffer, masterKey: Buffer, keyId: string): Buffer {
  const sealed = sealField(dataKey.toString('base64'), masterKey, keyId, `key:${keyId}`);
  return Buffer.from(sealed.ct, 'base64');
}

export function unwrapKey(wrapped: Buffer, masterKey: Buffer, keyId: string): Buffer {
  const text = openField({ $pd: 1, kid: keyId, ct: wrapped.toString('base64') }, masterKey, `key:${keyId}`);
  return Buffer.from(text, 'base64');
}
