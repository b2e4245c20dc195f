import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { CommandBus } from '@nestjs/cqrs';
import { IssueApiKeyCommand, RegisterGuildCommand, systemContext } from '#core';
import { EventStore } from '#eventstore';
import { createGuildhallApp } from '#guildhall/guildhall-app';
import { memoryAfterGc, wallNow, type SseBenchReply, type SseBenchRequest } from './sse-protocol';

/**
 * Guildhall as the SSE benchmark measures it: the whole application on a fresh data directory, one
 * guild, its owner's key, and "append" writing one event that names the guild through the event store,
 * so the measured path is append → projection commit → hub → store read → every stream.
 */
const GUILD = '123456789012345678';
const OWNER = '210987654321098765';

const send = (reply: SseBenchReply) => process.send?.(reply);

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guildhall-bench-sse-'));
  const streams = Number(process.env.BENCH_SSE_STREAMS ?? 1_000);
  const app = await createGuildhallApp({
    dataDir,
    logLevel: 'silent',
    sse: { heartbeatMs: 15_000, maxStreamsPerKey: streams, maxBufferedBytes: 1024 * 1024 },
  });
  await app.init();
  const bus = app.get(CommandBus);
  const context = systemContext('cli', 'bench');
  const profile = {
    name: 'Bench',
    ownerId: OWNER,
    memberCount: 1,
    botCount: 0,
    onlineCount: 0,
    premium: true,
    features: [],
  };
  await bus.execute(new RegisterGuildCommand(GUILD, profile, context));
  const { key } = await bus.execute(new IssueApiKeyCommand(OWNER, { tier: 'enterprise' }, context));
  await app.listen(0, '127.0.0.1');
  const store = app.get(EventStore);
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const head = await store.headPosition();
  process.on('message', (request: SseBenchRequest) => {
    if (request.kind === 'append') {
      const event = {
        id: randomUUID(),
        type: 'NoteRecorded',
        schemaVersion: 1,
        data: { guildId: GUILD, sentAt: wallNow() },
        metadata: {
          correlationId: randomUUID(),
          causationId: null,
          actor: { kind: 'system' as const, id: 'bench' },
          door: 'system' as const,
          occurredAt: new Date().toISOString(),
        },
      };
      void store.appendToStream(`notes-${GUILD}`, [event]).then(() => send({ kind: 'appended' }));
    } else if (request.kind === 'memory') send(memoryAfterGc());
    else if (request.kind === 'stop') {
      void app.close().then(() => {
        rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      });
    }
  });
  send({
    kind: 'ready',
    path: `http://127.0.0.1:${port}/v1/servers/${GUILD}/events/stream?after=${head}`,
    authorization: `Bearer ${key}`,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
