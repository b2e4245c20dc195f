import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadAutoModConfig } from './automod-config';

describe('loadAutoModConfig', () => {
  it('given an empty environment, then 5 messages in 5 s trip spam protection and time out for 10 minutes', () => {
    assert.deepEqual(loadAutoModConfig({}), { spamMessages: 5, spamWindowSeconds: 5, timeoutSeconds: 600 });
  });

  it('given values, then they are used', () => {
    const env = {
      AUTOMOD_SPAM_MESSAGES: '8',
      AUTOMOD_SPAM_WINDOW_SECONDS: '10',
      AUTOMOD_TIMEOUT_SECONDS: '60',
    };
    assert.deepEqual(loadAutoModConfig(env), { spamMessages: 8, spamWindowSeconds: 10, timeoutSeconds: 60 });
  });

  it('given a timeout beyond Discord’s 28 days, or a rule of one message, then it fails naming the variable', () => {
    assert.throws(() => loadAutoModConfig({ AUTOMOD_TIMEOUT_SECONDS: '2419201' }), /AUTOMOD_TIMEOUT_SECONDS/);
    assert.throws(() => loadAutoModConfig({ AUTOMOD_SPAM_MESSAGES: '1' }), /AUTOMOD_SPAM_MESSAGES/);
  });
});
