import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '#domain';
import {
  parseChannel,
  parseInteger,
  parseLoopMode,
  parseOnOff,
  parsePosition,
  parseTimestamp,
} from './arguments';

const refusal = (run: () => unknown, field: string) =>
  assert.throws(run, (error: unknown) => error instanceof DomainError && error.field === field);

describe('prefix command arguments', () => {
  it('given seconds, m:ss or h:mm:ss, when a timestamp is read, then it is in milliseconds', () => {
    assert.equal(parseTimestamp('90', 'position'), 90_000);
    assert.equal(parseTimestamp('1:30', 'position'), 90_000);
    assert.equal(parseTimestamp('1:02:03', 'position'), 3_723_000);
    assert.equal(parseTimestamp(' 0:05 ', 'position'), 5_000);
  });

  it('given a timestamp with 60 seconds or minutes, words or a sign, then it is refused naming the argument', () => {
    for (const text of ['1:60', '1:60:00', 'soon', '-5', '1:2:3:4', '', '1::2']) {
      refusal(() => parseTimestamp(text, 'position'), 'position');
    }
  });

  it('given on/off words in any case, then a switch is read; anything else is refused', () => {
    assert.deepEqual(
      ['ON', 'yes', 'enable', 'true'].map((w) => parseOnOff(w, 'enabled')),
      [true, true, true, true],
    );
    assert.deepEqual(
      ['off', 'No', 'disabled', 'false'].map((w) => parseOnOff(w, 'enabled')),
      [false, false, false, false],
    );
    refusal(() => parseOnOff('maybe', 'enabled'), 'enabled');
    refusal(() => parseOnOff(undefined, 'enabled'), 'enabled');
  });

  it('given queue positions, then only whole numbers from 1 are taken', () => {
    assert.equal(parsePosition('3', 'from'), 3);
    for (const text of ['0', '-1', '1.5', 'two', '', undefined])
      refusal(() => parsePosition(text, 'from'), 'from');
  });

  it('given a number and its range, then values outside it are refused with the range', () => {
    assert.equal(parseInteger('0', 'level', 0, 100), 0);
    assert.equal(parseInteger('100', 'level', 0, 100), 100);
    assert.throws(() => parseInteger('101', 'level', 0, 100), /level must be a whole number from 0 to 100/);
  });

  it('given a loop mode in any case, then it is read; an unknown one lists the modes', () => {
    assert.equal(parseLoopMode('Queue', 'mode'), 'queue');
    assert.throws(() => parseLoopMode('forever', 'mode'), /mode must be one of off, track, queue/);
  });

  it('given a channel mention, an id or off, then the channel id (or null) is read', () => {
    assert.equal(parseChannel('<#123456789012345678>', 'channel'), '123456789012345678');
    assert.equal(parseChannel('123456789012345678', 'channel'), '123456789012345678');
    assert.equal(parseChannel('OFF', 'channel'), null);
    for (const text of ['#general', '<@123>', '<#12a>', ''])
      refusal(() => parseChannel(text, 'channel'), 'channel');
  });
});
