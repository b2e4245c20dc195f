import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VoiceStates } from './voice-states';

const GUILD = '100';

describe('VoiceStates', () => {
  const seeded = () => {
    const voice = new VoiceStates();
    voice.replaceGuild(GUILD, ['10', '11'], [['1', '10']]);
    return voice;
  };

  it('given no GUILD_CREATE for a guild, then every answer is unknown, never a guess', () => {
    const voice = new VoiceStates();
    assert.equal(voice.channelOf(GUILD, '1'), undefined);
    assert.equal(voice.isVoiceChannel(GUILD, '10'), undefined);
  });

  it('given a guild, then members in voice and its voice channels are known, and a text channel is not one', () => {
    const voice = seeded();
    assert.equal(voice.channelOf(GUILD, '1'), '10');
    assert.equal(voice.channelOf(GUILD, '2'), null);
    assert.equal(voice.isVoiceChannel(GUILD, '11'), true);
    assert.equal(voice.isVoiceChannel(GUILD, '99'), false);
  });

  it('when members move and leave, then the view follows', () => {
    const voice = seeded();
    voice.memberMoved(GUILD, '2', '11');
    voice.memberMoved(GUILD, '1', null);
    assert.deepEqual(voice.membersIn(GUILD, '11'), ['2']);
    assert.equal(voice.channelOf(GUILD, '1'), null);
  });

  it('when a voice channel is deleted, then it is no voice channel and nobody is in it', () => {
    const voice = seeded();
    voice.channelRemoved(GUILD, '10');
    assert.equal(voice.isVoiceChannel(GUILD, '10'), false);
    assert.equal(voice.channelOf(GUILD, '1'), null);
  });

  it('when the guild is forgotten, then it is unknown again', () => {
    const voice = seeded();
    voice.forgetGuild(GUILD);
    assert.equal(voice.knows(GUILD), false);
    assert.equal(voice.channelOf(GUILD, '1'), undefined);
  });
});
