import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { isSealedField, openField, sealField, unwrapKey, wrapKey } from './field-cipher';

describe('field cipher (AES-256-GCM)', () => {
  const key = randomBytes(32);

  it('given a string, when sealed and opened with the same key and place, then the same string comes back', () => {
    const sealed = sealField('Zoë#0001 ✓', key, 'k1', 'event-1:username');
    assert.equal(isSealedField(sealed), true);
    assert.equal(sealed.kid, 'k1');
    assert.equal(Buffer.from(sealed.ct, 'base64').includes('Zo'), false);
    assert.equal(openField(sealed, key, 'event-1:username'), 'Zoë#0001 ✓');
  });

  it('given the same string sealed twice, then the ciphertexts differ (a fresh IV each time)', () => {
    assert.notEqual(sealField('same', key, 'k1', 'a').ct, sealField('same', key, 'k1', 'a').ct);
  });

  it('given a sealed value moved to another event or field, or another key, when opened, then it throws', () => {
    const sealed = sealField('secret', key, 'k1', 'event-1:username');
    assert.throws(() => openField(sealed, key, 'event-2:username'));
    assert.throws(() => openField(sealed, key, 'event-1:text'));
    assert.throws(() => openField(sealed, randomBytes(32), 'event-1:username'));
  });

  it('given a data key wrapped with a master key, then only that master key and key id unwrap it', () => {
    const master = randomBytes(32);
    const wrapped = wrapKey(key, master, 'k1');
    assert.deepEqual(unwrapKey(wrapped, master, 'k1'), key);
    assert.throws(() => unwrapKey(wrapped, randomBytes(32), 'k1'));
    assert.throws(() => unwrapKey(wrapped, master, 'k2'));
  });

  it('given plain strings and other objects, then none is taken for a sealed field', () => {
    for (const value of ['text', null, undefined, 3, { $pd: 2, kid: 'k', ct: '' }, { kid: 'k', ct: '' }]) {
      assert.equal(isSealedField(value), false);
    }
  });
});
