import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BadRequestException } from '@nestjs/common';
import { parseAsOf } from './as-of';

describe('parseAsOf', () => {
  it('given digits only, then a global position', () => {
    assert.deepEqual(parseAsOf('0'), { position: 0 });
    assert.deepEqual(parseAsOf('4211'), { position: 4211 });
  });

  it('given an ISO 8601 time with a zone or a bare date, then that instant', () => {
    assert.deepEqual(parseAsOf('2026-03-01T12:00:00Z'), { time: Date.UTC(2026, 2, 1, 12) });
    assert.deepEqual(parseAsOf('2026-03-01T13:00+01:00'), { time: Date.UTC(2026, 2, 1, 12) });
    assert.deepEqual(parseAsOf('2026-03-01T12:00:00.250Z'), { time: Date.UTC(2026, 2, 1, 12, 0, 0, 250) });
    assert.deepEqual(parseAsOf('2026-03-01'), { time: Date.UTC(2026, 2, 1) });
    assert.deepEqual(parseAsOf('2024-02-29'), { time: Date.UTC(2024, 1, 29) });
  });

  it('given anything else, then 400 naming as_of', () => {
    const bad = [
      '',
      ' 1',
      '-1',
      '1.5',
      '1e3',
      '99999999999999999',
      'yesterday',
      '2026-02-30',
      '2025-02-29',
      '2026-13-01',
      '2026-03-01T12:00:00',
      '2026-03-01T24:00Z',
      '2026-03-01T12:60Z',
      '2026-03-01 12:00Z',
    ];
    for (const raw of bad) {
      assert.throws(
        () => parseAsOf(raw),
        (e: unknown) => e instanceof BadRequestException && /as_of/.test(e.message),
        JSON.stringify(raw),
      );
    }
  });
});
