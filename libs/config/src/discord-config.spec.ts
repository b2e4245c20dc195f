import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadDiscordConfig } from './discord-config';

describe('Discord settings: presence sampling and activity window', () => {
  it('given only a token, then samples and activity windows are five minutes', () => {
    const config = loadDiscordConfig({ DISCORD_TOKEN: 't' })!;
    assert.deepEqual([config.presenceSampleMs, config.activityWindowMs], [300_000, 300_000]);
  });

  it('given values, then they are used; given nonsense, then startup fails naming the variable', () => {
    const config = loadDiscordConfig({
      DISCORD_TOKEN: 't',
      DISCORD_PRESENCE_SAMPLE_MS: '60000',
      DISCORD_ACTIVITY_WINDOW_MS: '900000',
    })!;
    assert.deepEqual([config.presenceSampleMs, config.activityWindowMs], [60_000, 900_000]);
    assert.throws(
      () => loadDiscordConfig({ DISCORD_TOKEN: 't', DISCORD_PRESENCE_SAMPLE_MS: '0' }),
      /DISCORD_PRESENCE_SAMPLE_MS/,
    );
  });
});
