import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { QueryBus } from '@nestjs/cqrs';
import { GetPlayerQuery, JoinVoiceChannelCommand, systemContext } from '#core';
import { tempDir } from '#music/testing/temp-dir';
import { writeTone } from '#music/testing/test-audio';
import { ScriptedVoiceConnector } from './testing/scripted-connector';
import {
  GUILD,
  USER,
  startWorkerHarness,
  summary,
  waitUntil,
  type WorkerHarness,
} from './testing/worker-harness';

const CHANNEL = '333333333333333333';
const OTHER = '444444444444444444';

describe('player worker on a voice connection that fails', () => {
  const tmp = tempDir('guildhall-voice-faults-');
  const music = join(tmp.dir, 'music');
  let run = 0;
  let h: WorkerHarness<ScriptedVoiceConnector>;
  const start = async () =>
    (h = await startWorkerHarness(join(tmp.dir, `data-${run++}`), music, {
      connector: new ScriptedVoiceConnector(),
      config: { playerCheckpointSeconds: 1, playerIdleDisconnectSeconds: 1 },
    }));
  const join_ = (channelId = CHANNEL) =>
    h.bus.execute(new JoinVoiceChannelCommand(GUILD, channelId, USER, systemContext('rest', 'test')));
  const tap = () => h.connector.taps.get(GUILD)!;
  const ofType = async (type: string) => (await h.events()).filter((e) => e.type === type);
  const position = () => h.worker.audioOf(GUILD)?.positionMs() ?? 0;
  const metric = (name: string) => h.metrics.registry.getSingleMetricAsString(name);
  const FAULT = (cause: string, reconnecting: boolean, count: number) =>
    new RegExp(
      `guildhall_voice_faults_total\\{cause="${cause}",reconnecting="${reconnecting}"\\} ${count}$`,
      'm',
    );
  const reading = async () => (await h.app.get(QueryBus).execute(new GetPlayerQuery(GUILD)))!.playback;

  before(() => writeTone(join(music, 'tone.opus'), { seconds: 3, tags: { title: 'Tone' } }));
  afterEach(() => h.close());
  after(() => tmp.remove());

  it('given a track playing, when the connection drops and comes back, then it is held meanwhile and plays on from where it stopped', async () => {
    // given: joined, the tone 1 s in, checkpointed at least once
    await start();
    await join_();
    const tone = await h.enqueue('tone');
    await waitUntil(() => position() >= 1_000, 10_000, '1 s of audio');
    await waitUntil(async () => (await ofType('PlaybackProgressed')).length > 0, 5_000, 'a checkpoint');
    // then (so far): readers get the worker's own position, and the checkpoint is a frame count, not a clock
    const live = await reading();
    assert.equal(live.source, 'worker');
    assert.equal(live.state, 'playing');
    assert.ok(
      Math.abs(live.positionMs! - position()) <= 60,
      `read ${live.positionMs}, audio at ${position()}`,
    );
    const checkpointed = ((await ofType('PlaybackProgressed'))[0].data as { positionMs: number }).positionMs;
    assert.ok(checkpointed > 0 && checkpointed <= position(), `checkpoint ${checkpointed}`);

    // when: the socket closes (4015) for 1.5 s
    h.connector.lose(GUILD, { cause: 'socket_closed', closeCode: 4015, reconnecting: true });
    await waitUntil(async () => (await ofType('VoiceConnectionLost')).length === 1, 5_000, 'the loss');
    const heldAt = position();
    const framesAtLoss = tap().audio;
    await new Promise((r) => setTimeout(r, 1_500));

    // then: no frame went out and the position stood still; readers see it waiting for voice
    assert.ok(
      tap().audio - framesAtLoss <= 1,
      `${tap().audio - framesAtLoss} frames sent into a dead connection`,
    );
    assert.ok(Math.abs(position() - heldAt) <= 20, `moved from ${heldAt} to ${position()} while held`);
    assert.equal((await reading()).state, 'waiting_for_voice');
    const lost = (await ofType('VoiceConnectionLost'))[0].data as { positionMs: number; closeCode: number };
    assert.equal(lost.closeCode, 4015);
    assert.ok(Math.abs(lost.positionMs - heldAt) <= 40, `lost at ${lost.positionMs}, held at ${heldAt}`);

    // when: ready again
    h.connector.recover(GUILD);
    await waitUntil(async () => (await ofType('TrackEnded')).length === 1, 10_000, 'the track to end');

    // then: the log tells it, the track resumed at the held point, and all 3 s were heard once
    const lines = summary(await h.events(), { [tone]: 'tone' }).filter(
      (l) => l !== 'TracksQueued' && l !== 'PlaybackProgressed(tone)',
    );
    assert.deepEqual(lines, [
      'VoiceChannelJoined',
      'TrackStarted(tone)',
      'VoiceConnectionLost(tone)',
      'VoiceReconnected(tone)',
      'TrackEnded(tone, finished)',
    ]);
    const back = (await ofType('VoiceReconnected'))[0].data as { positionMs: number };
    assert.ok(
      Math.abs(back.positionMs - heldAt) <= 40,
      `reconnected at ${back.positionMs}, held at ${heldAt}`,
    );
    assert.ok(tap().audio >= 140 && tap().audio <= 160, `${tap().audio} frames for a 3 s track`);
    // and the metrics counted the one fault
    assert.match(await metric('guildhall_voice_faults_total'), FAULT('socket_closed', true, 1));
  });

  it('given a track playing, when the connection is lost for good (4014), then the track ends as stopped there and the player leaves', async () => {
    await start();
    await join_();
    const tone = await h.enqueue('tone');
    await waitUntil(() => position() >= 500, 10_000, 'audio');
    h.connector.lose(GUILD, { cause: 'socket_closed', closeCode: 4014, reconnecting: false });
    await waitUntil(async () => (await ofType('VoiceConnectionLost')).length === 1, 5_000, 'the loss');
    const ended = (await ofType('TrackEnded'))[0].data as {
      reason: string;
      trackId: string;
      positionMs: number;
    };
    assert.equal(ended.trackId, tone);
    assert.equal(ended.reason, 'stopped');
    assert.ok(ended.positionMs >= 500 && ended.positionMs < 1_500, `ended at ${ended.positionMs}`);
    await waitUntil(() => h.connector.channels.get(GUILD) === null, 5_000, 'the worker to leave');
    assert.equal(h.players.get(GUILD)?.voiceChannelId, null);
    assert.deepEqual(h.players.get(GUILD)?.voiceFault, {
      cause: 'socket_closed',
      closeCode: 4014,
      reconnecting: false,
      since: ((await ofType('VoiceConnectionLost'))[0].data as { lostAt: string }).lostAt,
    });
    // and the metrics: one final fault, and the guild's player counted as having lost its voice
    assert.match(await metric('guildhall_voice_faults_total'), FAULT('socket_closed', false, 1));
    assert.doesNotMatch(await metric('guildhall_voice_faults_total'), /reconnecting="true"/);
    assert.match(await metric('guildhall_players'), /guildhall_players\{state="voice_lost"\} 1$/m);
    assert.match(await metric('guildhall_players'), /guildhall_players\{state="playing"\} 0$/m);
  });

  it('given the bot in a channel, when someone moves it, then the move is recorded and the worker does not pull it back', async () => {
    await start();
    await join_();
    await waitUntil(() => h.connector.channels.get(GUILD) === CHANNEL, 5_000, 'the join');
    h.connector.move(GUILD, OTHER);
    await waitUntil(async () => (await ofType('VoiceChannelMoved')).length === 1, 5_000, 'the move');
    await waitUntil(() => h.players.get(GUILD)?.voiceChannelId === OTHER, 5_000, 'the read model');
    assert.deepEqual(h.connector.joins, [CHANNEL]);
  });

  it('given a track that ends with nothing queued, when the idle time passes, then the player leaves its channel', async () => {
    await start();
    await join_();
    await h.enqueue('tone');
    await waitUntil(
      async () => (await ofType('IdleDisconnected')).length === 1,
      10_000,
      'the idle disconnect',
    );
    const events = (await h.events()).map((e) => e.type);
    assert.ok(events.indexOf('IdleDisconnected') > events.indexOf('TrackEnded'));
    await waitUntil(() => h.connector.channels.get(GUILD) === null, 5_000, 'the worker to leave');
  });
});
