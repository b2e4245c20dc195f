import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { WebSocket } from 'ws';
import { nextEvent } from '../bot-client';
import type { FakeVoice } from './fake-voice';
import { withVoiceWorld, type VoiceWorld } from './voice-world';

// The voice gateway's protocol spoken by hand, where @discordjs/voice would never misbehave: refusals
// with Discord's close codes, heartbeats, sequence numbers and a buffered RESUME.

interface Grant {
  server_id: string;
  user_id: string;
  session_id: string;
  token: string;
  endpoint: string;
}

/** The bot sends op 4 on its shard, as @discordjs/voice's adapter would; returns what the gateway handed out. */
async function askToJoin({ client, guild, stage, discord }: VoiceWorld): Promise<Grant> {
  const server = nextEvent<[{ token: string; endpoint: string }]>(client, 'voiceServerUpdate');
  client.guilds.cache.get(guild.id)!.shard.send({
    op: 4,
    d: { guild_id: guild.id, channel_id: stage, self_mute: false, self_deaf: true },
  });
  const [{ token, endpoint }] = await server;
  const sessionId = discord.voice.states.of(guild.id)!.sessionId;
  return { server_id: guild.id, user_id: discord.bot.id, session_id: sessionId, token, endpoint };
}

/** A raw voice gateway socket: its messages in order, and how it closed. */
async function openRaw(voice: FakeVoice, endpoint: string, version = '8') {
  const socket = new WebSocket(`wss://${endpoint}?v=${version}`, { ca: voice.ca });
  const messages: { op: number; d: Record<string, unknown>; seq?: number }[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data)) as (typeof messages)[number]));
  const closed = once(socket, 'close').then(([code]) => code as number);
  await once(socket, 'open');
  const next = async (op: number) => {
    for (let i = 0; i < 100 && !messages.some((m) => m.op === op); i++)
      await new Promise((r) => setTimeout(r, 20));
    const message = messages.find((m) => m.op === op);
    if (!message) throw new Error(`no op ${op}; got ${JSON.stringify(messages)}`);
    return message;
  };
  const send = (op: number, d: unknown) => socket.send(typeof d === 'string' ? d : JSON.stringify({ op, d }));
  return { socket, messages, closed, next, send };
}

describe('Local voice gateway, spoken by hand', () => {
  it('given a grant, when IDENTIFY carries a wrong token or session, then the socket closes with 4004 or 4006', () =>
    withVoiceWorld(async (world) => {
      const grant = await askToJoin(world);
      const badToken = await openRaw(world.discord.voice, grant.endpoint);
      badToken.send(0, { ...grant, token: 'not-it' });
      assert.equal(await badToken.closed, 4004);
      const badSession = await openRaw(world.discord.voice, grant.endpoint);
      badSession.send(0, { ...grant, session_id: 'not-it' });
      assert.equal(await badSession.closed, 4006);
    }));

  it('given a fresh socket, when it speaks out of turn, then each mistake gets its close code', () =>
    withVoiceWorld(async (world) => {
      const { voice } = world.discord;
      const endpoint = voice.serverOf(world.guild.id).endpoint;
      const cases: [string, (raw: Awaited<ReturnType<typeof openRaw>>) => void, number, string?][] = [
        ['SELECT PROTOCOL before IDENTIFY', (raw) => raw.send(1, { protocol: 'udp', data: {} }), 4003],
        ['bad JSON', (raw) => raw.send(0, '{nope'), 4002],
        ['an unknown opcode', (raw) => raw.send(99, {}), 4001],
        ['gateway version 4', () => undefined, 4020, '4'],
      ];
      for (const [what, act, code, version] of cases) {
        const raw = await openRaw(voice, endpoint, version);
        act(raw);
        assert.equal(await raw.closed, code, what);
      }
    }));

  it('given an identified socket, when it heartbeats, selects a protocol and resumes after a drop, then v8 numbers, acks and replays', () =>
    withVoiceWorld(async (world) => {
      const { voice } = world.discord;
      const grant = await askToJoin(world);
      // given
      const raw = await openRaw(voice, grant.endpoint);
      assert.equal((await raw.next(8)).d['heartbeat_interval'], 1_000);
      raw.send(0, { ...grant, max_dave_protocol_version: 1 });
      const ready = await raw.next(2);
      assert.equal(ready.seq, 1);
      assert.ok((ready.d['modes'] as string[]).includes('aead_aes256_gcm_rtpsize'));
      // when
      raw.send(3, { t: 4242, seq_ack: 1 });
      assert.deepEqual((await raw.next(6)).d, { t: 4242 });
      raw.send(1, {
        protocol: 'udp',
        data: { address: '127.0.0.1', port: 9, mode: 'aead_aes256_gcm_rtpsize' },
      });
      const description = await raw.next(4);
      raw.socket.terminate();
      const resumed = await openRaw(voice, grant.endpoint);
      resumed.send(7, {
        server_id: grant.server_id,
        session_id: grant.session_id,
        token: grant.token,
        seq_ack: 1,
      });
      // then
      assert.equal(description.seq, 2);
      assert.equal((description.d['secret_key'] as number[]).length, 32);
      assert.equal(description.d['dave_protocol_version'], 0);
      assert.equal(voice.session(world.guild.id)!.maxDaveProtocolVersion, 1);
      assert.equal((await resumed.next(9)).seq, undefined);
      const replayed = await resumed.next(4);
      assert.equal(replayed.seq, 2, 'the unacknowledged SESSION DESCRIPTION is replayed');
      assert.deepEqual(replayed.d, description.d);
      assert.deepEqual(
        resumed.messages.map((m) => m.op),
        [8, 9, 4],
        'HELLO, RESUMED, then only what was not acknowledged',
      );
      resumed.socket.close();
    }));

  it('given an identified socket, when it selects an encryption mode the server does not offer, then it closes with 4016', () =>
    withVoiceWorld(async (world) => {
      const grant = await askToJoin(world);
      const raw = await openRaw(world.discord.voice, grant.endpoint);
      raw.send(0, grant);
      await raw.next(2);
      raw.send(1, { protocol: 'udp', data: { address: '127.0.0.1', port: 9, mode: 'xsalsa20_poly1305' } });
      assert.equal(await raw.closed, 4016);
    }));

  it('given the CA file, when another Node process opens the voice gateway with NODE_EXTRA_CA_CERTS, then TLS verifies (and fails without it)', () =>
    withVoiceWorld(async ({ discord, guild }) => {
      const url = `wss://${discord.voice.serverOf(guild.id).endpoint}?v=8`;
      const script = `const W=require('ws');const s=new W(process.argv[1]);s.on('message',m=>{console.log(String(m));process.exit(0)});s.on('error',e=>{console.log('error '+e.code);process.exit(0)})`;
      const run = (env: NodeJS.ProcessEnv) =>
        promisify(execFile)(process.execPath, ['-e', script, url], { env, cwd: process.cwd() });
      const { NODE_EXTRA_CA_CERTS: _ignored, ...plain } = process.env;
      const trusted = await run({ ...plain, NODE_EXTRA_CA_CERTS: discord.voice.caPath });
      const untrusted = await run(plain);
      assert.equal((JSON.parse(trusted.stdout) as { op: number }).op, 8, trusted.stdout);
      assert.match(untrusted.stdout, /^error (SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)/);
    }));
});
