import { randomBytes, randomUUID } from 'node:crypto';
import { eventPayload, secretKeyOf } from '#core';
import type { NewEvent, RecordedEvent } from '#eventstore';
import { DeliveryHarness } from '#core/webhook/delivery/testing/delivery-harness';
import type { Report } from './report';
import { bestOfAlternating } from './support/alternate';
import { bareThroughput, postSigned, type BareMessage } from './support/bare-webhook-client';
import { percentile } from './support/gateway-load';
import { startWebhookSink, type WebhookSink } from './support/webhook-sink';

// Overridable for quick runs: BENCH_WEBHOOK_ENDPOINTS, BENCH_WEBHOOK_EVENTS, BENCH_WEBHOOK_PACED.
const ENDPOINTS = Number(process.env.BENCH_WEBHOOK_ENDPOINTS ?? 32);
const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 500);
const PACED = Number(process.env.BENCH_WEBHOOK_PACED ?? 1_000);
const PACED_PER_S = 200;
const ROUNDS = 2;
const GUILD = '123456789012345678';
/** Endpoints per guild, under the domain's limit of 10; the endpoints are spread over several guilds. */
const PER_GUILD = 8;
const guildOf = (endpoint: number): string =>
  String(100_000_000_000_000_000n + BigInt(Math.floor(endpoint / PER_GUILD)));

const epochNow = (): number => performance.timeOrigin + performance.now();
const hookId = (n: number): string => `wh_${n.toString(16).padStart(24, '0')}`;

function settingsEvent(n: number, id = randomUUID(), guildId = GUILD): NewEvent {
  return {
    id,
    type: 'SettingsChanged',
    schemaVersion: 1,
    data: { guildId, changes: { prefix: `!${n % 1000}`, autoMod: { enabled: n % 2 === 0 } } },
    metadata: {
      correlationId: randomUUID(),
      causationId: null,
      actor: { kind: 'apikey', id: 'k7f3a9c2d1e0b4a5' },
      door: 'rest',
      occurredAt: new Date().toISOString(),
    },
  };
}

async function waitForCount(sink: WebhookSink, count: number, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await sink.stats()).count < count) {
    if (Date.now() > deadline) throw new Error(`the sink got fewer than ${count} deliveries`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Deliveries per second through the whole pipeline: EVENTS events per guild already in the store,
 * ENDPOINTS endpoints (PER_GUILD per guild) subscribed to them; timed from starting the reactor (which queues ENDPOINTS × EVENTS
 * deliveries) until the sink has every one.
 */
async function pipelineRate(sink: WebhookSink): Promise<number> {
  await sink.reset();
  const h = new DeliveryHarness({ concurrency: ENDPOINTS * 2 });
  try {
    const guilds = new Set<string>();
    for (let e = 0; e < ENDPOINTS; e++) {
      guilds.add(guildOf(e));
      await h.createEndpoint(guildOf(e), hookId(e), sink.url, ['SettingsChanged']);
    }
    for (let n = 0; n < EVENTS; n += 100) {
      for (const guildId of guilds) {
        const count = Math.min(100, EVENTS - n);
        const batch = Array.from({ length: count }, (_, i) => settingsEvent(n + i, randomUUID(), guildId));
        await h.store.appendToStream(`guild-${guildId}`, batch);
      }
    }
    const expected = ENDPOINTS * EVENTS;
    const started = performance.now();
    h.start();
    await waitForCount(sink, expected);
    return expected / ((performance.now() - started) / 1000);
  } finally {
    await h.close();
  }
}

/** The same number of signed bodies of the same size, posted by the bare client, queue per endpoint. */
async function ceilingRate(sink: WebhookSink): Promise<number> {
  await sink.reset();
  const key = secretKeyOf(`whsec_${randomBytes(32).toString('base64')}`);
  const queues: BareMessage[][] = Array.from({ length: ENDPOINTS }, (_, e) =>
    Array.from({ length: EVENTS }, (_, n) => {
      const event = {
        ...settingsEvent(n),
        streamId: `guild-${GUILD}`,
        revision: n,
        position: n,
        recordedAt: '',
      };
      return { id: `msg_${e}_${n}`, body: eventPayload(event as RecordedEvent, GUILD) };
    }),
  );
  return bareThroughput(sink.url, key, queues);
}

/** p99 from the append call to the sink's arrival, one endpoint, PACED events at PACED_PER_S. */
async function pipelineLatency(sink: WebhookSink): Promise<number> {
  await sink.reset();
  const h = new DeliveryHarness();
  try {
    await h.createEndpoint(GUILD, hookId(0), sink.url, ['SettingsChanged']);
    h.start();
    const sent = new Map<string, number>();
    for (let n = 0; n < PACED; n++) {
      const id = randomUUID();
      sent.set(`msg_${id.replaceAll('-', '')}`, epochNow());
      void h.store.appendToStream(`guild-${GUILD}`, [settingsEvent(n, id)]);
      await new Promise((resolve) => setTimeout(resolve, 1000 / PACED_PER_S));
    }
    await waitForCount(sink, PACED);
    return latencyP99(sent, (await sink.stats()).arrivals);
  } finally {
    await h.close();
  }
}

/**
 * The floor: the bare client posting the same bodies at the same pace, in order like one endpoint's
 * deliveries (each post waits for the one before it), each timed from when it was ready to go.
 */
async function bareLatency(sink: WebhookSink): Promise<number> {
  await sink.reset();
  const key = randomBytes(32);
  const sent = new Map<string, number>();
  let previous: Promise<unknown> = Promise.resolve();
  for (let n = 0; n < PACED; n++) {
    const event = {
      ...settingsEvent(n),
      streamId: `guild-${GUILD}`,
      revision: n,
      position: n,
      recordedAt: '',
    };
    const message = { id: `msg_bare_${n}`, body: eventPayload(event as RecordedEvent, GUILD) };
    sent.set(message.id, epochNow());
    previous = previous.then(() => postSigned(sink.url, key, message));
    await new Promise((resolve) => setTimeout(resolve, 1000 / PACED_PER_S));
  }
  await previous;
  return latencyP99(sent, (await sink.stats()).arrivals);
}

function latencyP99(sent: Map<string, number>, arrivals: Record<string, number>): number {
  const latencies = [...sent].map(([id, at]) => arrivals[id] - at).sort((a, b) => a - b);
  return percentile(latencies, 99);
}

/**
 * Webhook delivery to a local receiver in another process: deliveries per second through the reactor
 * and the dispatcher beside a bare client posting the same signed bodies; append → delivery p99
 * beside the bare client's own post → arrival p99 at the same pace.
 */
export async function run(report: Report): Promise<void> {
  const sink = await startWebhookSink();
  try {
    const best = await bestOfAlternating(ROUNDS, {
      ceiling: () => ceilingRate(sink),
      pipeline: () => pipelineRate(sink),
    });
    report({
      name: `deliveries, ${ENDPOINTS} endpoints × ${EVENTS} events, in order per endpoint`,
      value: best.pipeline,
      ceiling: best.ceiling,
      unit: 'deliveries/s',
      target: { atLeast: 2_000 },
    });
    const floor = await bareLatency(sink);
    const p99 = await pipelineLatency(sink);
    // Lower is better here: the ratio column reads as "times the bare client's p99".
    report({
      name: `append → delivered p99 at ${PACED_PER_S}/s (ceiling: bare POST p99)`,
      value: p99,
      ceiling: floor,
      unit: 'ms',
      target: { atMost: 50 },
    });
  } finally {
    await sink.close();
  }
}
