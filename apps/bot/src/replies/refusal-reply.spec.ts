import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError, TrackNotFoundError } from '#domain';
import { EventStoreUnavailableError } from '#eventstore';
import { DISCORD_MESSAGE_LIMIT, FAULT_REPLY_TEXT, replyToFailure } from './refusal-reply';

describe('replyToFailure', () => {
  it('given a domain refusal, when a Discord command fails with it, then the member alone reads why', () => {
    const reply = replyToFailure(new DomainError('invalid', 'volume_out_of_range', 'volume must be 0–200'));
    assert.deepEqual(reply, { content: '❌ volume must be 0–200', ephemeral: true });
  });

  it('given the track resolver found nothing, then the reply says so in the words the HTTP door uses', () => {
    assert.equal(replyToFailure(new TrackNotFoundError('zzz')).content, '❌ no track found for "zzz"');
  });

  it('given a store that is down, then the reply asks to retry later', () => {
    const reply = replyToFailure(new EventStoreUnavailableError('ECONNREFUSED 10.0.0.7:2113'));
    assert.equal(reply.content, '⏳ The event store is unavailable; retry later');
    assert.equal(reply.ephemeral, true);
  });

  it('given a fault, then the reply reveals nothing of it', () => {
    const reply = replyToFailure(new TypeError("Cannot read properties of undefined (reading 'queue')"));
    assert.deepEqual(reply, { content: FAULT_REPLY_TEXT, ephemeral: true });
  });

  it('given a refusal longer than a Discord message, then the reply is cut to fit', () => {
    const reply = replyToFailure(new DomainError('invalid', 'too_long', 'x'.repeat(5000)));
    assert.equal(reply.content.length, DISCORD_MESSAGE_LIMIT);
    assert.ok(reply.content.startsWith('❌ xxx') && reply.content.endsWith('…'));
  });
});
