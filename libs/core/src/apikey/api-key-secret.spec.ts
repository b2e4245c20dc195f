import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deriveApiKey, generateApiKey, hashApiKey, parseApiKey, verifyApiKey } from './api-key-secret';

const SEED = Buffer.from('guildhall-demo-seed-0123456789');

describe('API key material', () => {
  it('given a new key, then it reads ghk_<16 hex>_<43 base62> and its hash is the SHA-256 of the whole key', () => {
    const { keyId, key, secretHash } = generateApiKey();
    assert.match(key, /^ghk_[0-9a-f]{16}_[0-9A-Za-z]{43}$/);
    assert.equal(key.slice(4, 20), keyId);
    assert.equal(secretHash, hashApiKey(key));
    assert.match(secretHash, /^[0-9a-f]{64}$/);
  });

  it('given two new keys, then their ids and secrets differ', () => {
    const [a, b] = [generateApiKey(), generateApiKey()];
    assert.notEqual(a.keyId, b.keyId);
    assert.notEqual(a.key.slice(21), b.key.slice(21));
  });

  it('given a chosen key id, when generated, then the key carries it', () => {
    assert.equal(generateApiKey('abcdefghij012345').keyId, 'abcdefghij012345');
    assert.throws(() => generateApiKey('ABC'), /16 lowercase/);
  });

  it('given a seed and a key id, when derived twice, then the same key comes out; another seed gives another', () => {
    const a = deriveApiKey(SEED, '00000000000000e1');
    assert.deepEqual(deriveApiKey(SEED, '00000000000000e1'), a);
    assert.match(a.key, /^ghk_00000000000000e1_[0-9A-Za-z]{43}$/);
    assert.notEqual(deriveApiKey(Buffer.from('another-seed-of-enough-bytes'), '00000000000000e1').key, a.key);
    assert.notEqual(deriveApiKey(SEED, '00000000000000e2').key.slice(21), a.key.slice(21));
  });

  it('given a short seed, when derived, then it is refused', () => {
    assert.throws(() => deriveApiKey(Buffer.from('short'), '00000000000000e1'), /seed/);
  });

  it('given well-formed and malformed inputs, when parsed, then only keys yield their id and nothing throws', () => {
    const { key, keyId } = generateApiKey();
    assert.deepEqual(parseApiKey(key), { keyId });
    const bad: unknown[] = [
      '',
      'Bearer ' + key,
      key + ' ',
      key.replace('ghk_', 'ghp_'),
      key.slice(0, 30),
      `ghk_${keyId}_${'a'.repeat(65)}`,
      `ghk_${keyId.toUpperCase()}_${'a'.repeat(43)}`,
      'x'.repeat(100_000),
      undefined,
      null,
      42,
      { key },
    ];
    for (const input of bad) assert.equal(parseApiKey(input), null, String(input).slice(0, 40));
  });

  it('given a key and its hash, then it verifies; a one-character change or a malformed hash does not', () => {
    const { key, secretHash } = generateApiKey();
    assert.equal(verifyApiKey(key, secretHash), true);
    const last = key.at(-1) === 'a' ? 'b' : 'a';
    assert.equal(verifyApiKey(key.slice(0, -1) + last, secretHash), false);
    assert.equal(verifyApiKey(key, secretHash.slice(0, 10)), false);
    assert.equal(verifyApiKey(key, 'not hex'), false);
  });
});
