import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { GuildEventHub } from '#core';
import { EventStore } from '#eventstore';
import { testEvent } from '#eventstore/testing/index';
import { SseStreams } from '#api/servers/events-stream/sse-streams';
import { openSse, type SseSession } from '../support/sse-client';
import { HEXIFY_PROFILE, startTestApp, type TestApp } from '../support/test-app';

const GUILD = '123456789012345678';
const MAX_BUFFERED = 256 * 1024;
const STREAMS_PER_KEY = 3;

describe('GET /v1/servers/{id}/events/stream (Server-Sent Events)', () => {
  let t: TestApp;
  let base: string;
  let port: number;
  let owner: string;
  let store: EventStore;
  let streams: SseStreams;

  before(async () => {
    t = await startTestApp({
      sse: { heartbeatMs: 50, maxStreamsPerKey: STREAMS_PER_KEY, maxBufferedBytes: MAX_BUFFERED },
    });
    await t.registerGuild(GUILD);
    owner = `Bearer ${(await t.issueKey(HEXIFY_PROFILE.ownerId, { tier: 'enterprise' })).key}`;
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}/v1/servers/${GUILD}/events/stream`;
    store = t.app.get(EventStore);
    streams = t.app.get(SseStreams);
  });
  after(() => t.close());

  /** Appends `count` notes naming the guild, `perAppend` to an append, on a stream of their own. */
  const appendNotes = async (count: number, perAppend = 10, text = 'x', pauseMs = 0) => {
    for (let i = 0; i < count; i += perAppend) {
      const batch = Array.from({ length: Math.min(perAppend, count - i) }, (_, j) =>
        testEvent('NoteRecorded', { guildId: GUILD, n: i + j, text }),
      );
      await store.appendToStream(`notes-${GUILD}`, batch);
      if (pauseMs > 0) await sleep(pauseMs);
    }
  };
  /** A key of its own per test: streams a previous test closed may not be released yet. */
  const freshKey = async () =>
    `Bearer ${(await t.issueKey(HEXIFY_PROFILE.ownerId, { tier: 'enterprise' })).key}`;
  const open = (query = '', headers: Record<string, string> = {}, auth = owner) =>
    openSse(`${base}${query}`, { authorization: auth, ...headers });
  const timelinePositions = async (query = '') => {
    const positions: number[] = [];
    let after = -1;
    for (;;) {
      const res = await t.app.inject({
        url: `/v1/servers/${GUILD}/events?limit=500&after=${after}${query}`,
        headers: { authorization: owner },
      });
      const page = res.json<{ events: { position: number }[]; next_cursor: number | null }>();
      positions.push(...page.events.map((event) => event.position));
      if (page.next_cursor === null) return positions;
      after = page.next_cursor;
    }
  };

  it('given 1,000 events written while a client reconnects 10 times with Last-Event-ID, then it misses nothing and gets nothing twice', async () => {
    const writing = appendNotes(1_000, 10, 'x', 2);
    const received: number[] = [];
    let reconnects = 0;
    for (let session = 0; session <= 10; session++) {
      const last = received.at(-1);
      const sse = await open('', last === undefined ? {} : { 'last-event-id': String(last) });
      assert.equal(sse.status, 200);
      assert.match(String(sse.response.headers['content-type']), /^text\/event-stream/);
      if (session > 0) reconnects++;
      if (session < 10) await sse.waitForMessages(90);
      else {
        await writing;
        const expected = await timelinePositions();
        await sse.waitForMessages(expected.length - received.length);
      }
      sse.close();
      received.push(...sse.messages.map((message) => Number(message.id)));
    }
    assert.equal(reconnects, 10);
    const expected = await timelinePositions();
    assert.equal(expected.length, 1_001, 'the registration and the 1,000 notes');
    assert.deepEqual(received, expected, 'every event once, in global order, across the reconnects');
  });

  it('given each message, then id is the position, event the type and data one item of the events page', async () => {
    const sse = await open('?after=-1&type=GuildRegistered');
    await sse.waitForMessages(1);
    sse.close();
    const res = await t.app.inject({
      url: `/v1/servers/${GUILD}/events?type=GuildRegistered`,
      headers: { authorization: owner },
    });
    const [item] = res.json<{ events: { position: number }[] }>().events;
    const [message] = sse.messages;
    assert.equal(message.event, 'GuildRegistered');
    assert.equal(message.id, String(item.position));
    assert.deepEqual(JSON.parse(message.data), item);
  });

  it('given a type filter and include=usage, then only those events come, live ones too', async () => {
    const auth = await freshKey();
    const settings = await open('?type=SettingsChanged', {}, auth);
    const usage = await open('?include=usage&type=CommandInvoked', {}, auth);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/v1/servers/${GUILD}/settings`,
      payload: { prefix: '%' },
      headers: { authorization: owner },
    });
    assert.equal(patched.statusCode, 200);
    await settings.waitForMessages(1);
    await usage.waitForMessages(1);
    await appendNotes(5);
    await t.app.get(GuildEventHub).settled();
    settings.close();
    usage.close();
    assert.deepEqual(
      settings.messages.map((message) => message.event),
      ['SettingsChanged'],
    );
    assert.ok(usage.messages.length >= 1);
    assert.ok(usage.messages.every((message) => message.event === 'CommandInvoked'));
    assert.ok(usage.messages.every((message) => JSON.parse(message.data).stream === `usage-${GUILD}`));
  });

  it('given an idle stream, then heartbeat comments keep coming at the configured interval', async () => {
    const sse = await open(`?after=${await store.headPosition()}`);
    await sse.waitForComments(3);
    sse.close();
    assert.ok(sse.comments.filter((comment) => comment === 'heartbeat').length >= 3);
    assert.equal(sse.messages.length, 0);
  });

  it('given a client that stops reading, then it is cut off once its buffer passes the bound, while a reading client gets everything', async () => {
    const head = await store.headPosition();
    const cutBefore = streams.stats().cutOff;
    const auth = await freshKey();
    const reader = await open(`?after=${head}`, {}, auth);
    const stalled = connect(port, '127.0.0.1');
    stalled.write(
      `GET /v1/servers/${GUILD}/events/stream?after=${head} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
        `Authorization: ${auth}\r\nAccept: text/event-stream\r\n\r\n`,
    );
    await new Promise((resolve) => stalled.once('data', resolve));
    stalled.pause();
    const text = 'y'.repeat(4_000);
    let written = 0;
    while (streams.stats().cutOff === cutBefore && written < 20_000) {
      // Small appends, each handed over before the next: a reading client keeps up, so only the
      // stalled one's buffer grows (a single burst larger than the bound would cut off anyone).
      await appendNotes(4, 4, text);
      written += 4;
      await t.app.get(GuildEventHub).settled();
      await reader.waitForMessages(written);
    }
    assert.equal(streams.stats().cutOff, cutBefore + 1, 'the stalled client was cut off');
    const messageBytes = 4_500;
    assert.ok(
      streams.stats().peakBufferedBytes <= MAX_BUFFERED + messageBytes,
      `no stream ever had more than the bound waiting (${streams.stats().peakBufferedBytes} bytes)`,
    );
    await reader.waitForMessages(written);
    reader.close();
    assert.equal(reader.messages.length, written, 'the reading client missed nothing');
    stalled.destroy();
    // Nothing of the cut-off stream is kept: not in the hub, not among the open streams.
    while (t.app.get(GuildEventHub).size > 0 || streams.stats().open > 0) await sleep(5);
  });

  it('given a key at its cap of open streams, then the next is 429 until one closes', async () => {
    const auth = await freshKey();
    const held: SseSession[] = [];
    for (let i = 0; i < STREAMS_PER_KEY; i++) held.push(await open('', {}, auth));
    assert.ok(held.every((sse) => sse.status === 200));
    const refused = await t.app.inject({
      url: `/v1/servers/${GUILD}/events/stream`,
      headers: { authorization: auth },
    });
    assert.equal(refused.statusCode, 429);
    assert.equal(refused.headers['retry-after'], '5');
    assert.deepEqual(
      { ...refused.json<Record<string, unknown>>(), message: undefined },
      {
        statusCode: 429,
        error: 'Too Many Requests',
        code: 'too_many_streams',
        retry_after: 5,
        message: undefined,
      },
    );
    const openBefore = streams.stats().open;
    held.pop()!.close();
    while (streams.stats().open >= openBefore) await sleep(5);
    const again = await open('', {}, auth);
    assert.equal(again.status, 200);
    for (const sse of [...held, again]) sse.close();
  });

  it('given a bad Last-Event-ID or an unknown guild, then 400 or 404 before any stream opens', async () => {
    const bad = await t.app.inject({
      url: `/v1/servers/${GUILD}/events/stream`,
      headers: { authorization: owner, 'last-event-id': 'yesterday' },
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json<{ message: string }>().message, /Last-Event-ID/);
    const unknown = await t.app.inject({
      url: '/v1/servers/923456789012345678/events/stream',
      headers: { authorization: owner },
    });
    assert.ok([403, 404].includes(unknown.statusCode), `got ${unknown.statusCode}`);
  });
});
