import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, medianHz, startVoiceGuildhall, type VoiceGuildhall } from '../support/voice-guildhall';

// One long tone through a run of voice faults: each is recorded in the player's log, and after each
// the tone plays on at the position heard (never restarted, never played into a dead connection).
describe('voice: faults met mid-track', () => {
  let w: VoiceGuildhall;

  before(async () => {
    w = await startVoiceGuildhall([{ file: 'long.opus', title: 'Long Tone', seconds: 40, hz: 440 }], {
      PLAYER_UDP_SILENCE_SECONDS: '6',
    });
    await w.join('Stage');
    await w.queue('long tone');
    await eventually(w.audible, (n) => n >= 50, 'the tone under way');
  });
  after(() => w?.stop());

  const faultsSince = (count: number) =>
    w
      .events()
      .slice(count)
      .filter((e) => e.type.startsWith('Voice'))
      .map((e) => ({ type: e.type, cause: e.data['cause'], closeCode: e.data['closeCode'] }));
  const reading = async () => ({
    heard: w.audible(),
    positionMs: (await w.player()).now_playing!.position_ms,
  });
  /**
   * Then: frames come again, the same tone, and the position moved on by what was heard (plus
   * `lostFrames` sent into a path that turned out dead): not restarted, not skipped ahead.
   */
  const playsOn = async (before: { heard: number; positionMs: number }, what: string, lostFrames = 0) => {
    await eventually(w.audible, (n) => n >= before.heard + 50, `frames after ${what}`);
    assert.ok(Math.abs(medianHz(w.timeline().slice(-40)) - 440) < 25);
    const now = await reading();
    assert.equal((await w.player()).is_playing, true);
    const heardMs = (now.heard - before.heard + lostFrames) * 20;
    assert.ok(
      Math.abs(now.positionMs - before.positionMs - heardMs) <= 400,
      `moved ${now.positionMs - before.positionMs} ms, heard ${heardMs} ms`,
    );
  };

  it('given the tone playing, when the voice server moves, then it plays on at the new endpoint, recorded', async () => {
    const logged = w.events().length;
    const old = w.discord.voice.serverOf(w.guild.id)!.endpoint;
    const before = await reading();
    // when
    w.discord.voice.moveServer(w.guild.id);
    // then
    const moved = await eventually(
      () => w.discord.voice.serverOf(w.guild.id)!,
      (s) => s.endpoint !== old,
      'the new endpoint',
    );
    await playsOn(before, 'the move');
    assert.ok(moved.udpStats.packets >= 50, `${moved.udpStats.packets} packets at the new server`);
    assert.deepEqual(faultsSince(logged), [
      { type: 'VoiceConnectionLost', cause: 'server_moved', closeCode: null },
      { type: 'VoiceReconnected', cause: undefined, closeCode: undefined },
    ]);
  });

  it('given the tone playing, when the voice session is invalidated (4006), then it rejoins on a new session and plays on', async () => {
    const logged = w.events().length;
    const ssrc = w.discord.voice.session(w.guild.id)!.ssrc;
    const before = await reading();
    // when
    w.discord.voice.closeSocket(w.guild.id, 4006);
    // then
    await eventually(
      () => w.discord.voice.session(w.guild.id)?.ssrc,
      (s) => s !== ssrc,
      'a new session',
    );
    await playsOn(before, '4006');
    assert.deepEqual(faultsSince(logged), [
      { type: 'VoiceConnectionLost', cause: 'socket_closed', closeCode: 4006 },
      { type: 'VoiceReconnected', cause: undefined, closeCode: undefined },
    ]);
  });

  it('given the tone playing, when UDP goes silent, then the silence is recorded and a new session plays on', async () => {
    const logged = w.events().length;
    const ssrc = w.discord.voice.session(w.guild.id)!.ssrc;
    const server = w.discord.voice.serverOf(w.guild.id)!;
    const keepAlives = server.udpStats.keepAlives;
    // given: the voice server answers keep-alives (the worker judges silence only after an answer)
    await eventually(
      () => server.udpStats.keepAlives,
      (n) => n > keepAlives,
      'a keep-alive echoed',
      8_000,
    );
    const before = await reading();
    const dropped = server.udpStats.droppedWhileSilent;
    // when
    w.discord.voice.silenceUdp(w.guild.id);
    // then: what was sent until the silence was noticed is lost (a silent path cannot be told from a
    // healthy one sooner) and counted by the position; a new session plays on from there
    await eventually(
      () => w.discord.voice.session(w.guild.id)?.ssrc,
      (s) => s !== ssrc,
      'a new session',
      20_000,
    );
    const lost = server.udpStats.droppedWhileSilent - dropped;
    assert.ok(lost >= 50, `${lost} datagrams sent into the silence`);
    await playsOn(before, 'the silence', lost);
    assert.deepEqual(faultsSince(logged), [
      { type: 'VoiceConnectionLost', cause: 'udp_silent', closeCode: null },
      { type: 'VoiceReconnected', cause: undefined, closeCode: undefined },
    ]);
  });

  it('given the tone playing, when a moderator moves the bot to Lounge, then it is recorded and plays on there, not pulled back', async () => {
    const logged = w.events().length;
    const lounge = w.channel('Lounge');
    const before = await reading();
    // when
    w.discord.voice.moveBot(w.guild.id, lounge);
    // then
    await playsOn(before, 'the move to Lounge');
    assert.equal((await w.player()).voice_channel_id, lounge);
    assert.equal(w.discord.voice.states.of(w.guild.id)?.channelId, lounge);
    assert.deepEqual(faultsSince(logged), [
      { type: 'VoiceChannelMoved', cause: undefined, closeCode: undefined },
    ]);
    const joins = w.discord.gatewayPayloads.all.filter((p) => p.op === 4).length;
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(
      w.discord.gatewayPayloads.all.filter((p) => p.op === 4).length,
      joins,
      'no op 4 back to Stage',
    );
  });

  it('given the tone playing in Lounge, when Lounge is deleted, then playback stops, the bot leaves and the loss is recorded', async () => {
    const logged = w.events().length;
    // when
    w.discord.voice.deleteChannel(w.channel('Lounge'));
    // then
    const reading = await eventually(w.player, (p) => p.voice_channel_id === null, 'the player out of voice');
    assert.equal(reading.now_playing, null);
    assert.equal(reading.is_playing, false);
    assert.deepEqual(
      faultsSince(logged).filter((f) => f.type === 'VoiceConnectionLost'),
      [{ type: 'VoiceConnectionLost', cause: 'socket_closed', closeCode: 4014 }],
    );
    const frames = w.discord.voice.framesInGuild(w.guild.id);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(w.discord.voice.framesInGuild(w.guild.id), frames, 'a frame after the channel was deleted');
  });
});
