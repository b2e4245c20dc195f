import { createServer, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { memoryAfterGc, wallNow, type SseBenchReply, type SseBenchRequest } from './sse-protocol';

/**
 * The ceiling of the live stream: a bare node:http server that keeps every response open and, on each
 * "append", formats one message of the same shape once and writes it to every stream. No store, no
 * projection, no framework, no auth. Never shipped as an entry.
 */
const GUILD = '123456789012345678';
const streams = new Set<ServerResponse>();
let position = 0;

const send = (reply: SseBenchReply) => process.send?.(reply);

const server = createServer((request, response) => {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
  });
  response.flushHeaders();
  streams.add(response);
  response.once('close', () => streams.delete(response));
});

function append(): void {
  position++;
  const item = {
    id: randomUUID(),
    stream: `notes-${GUILD}`,
    revision: position,
    position,
    type: 'NoteRecorded',
    schema_version: 1,
    data: { guildId: GUILD, sentAt: wallNow() },
    actor: { kind: 'system', id: 'bench' },
    door: 'system',
    time: new Date().toISOString(),
    correlation_id: randomUUID(),
    causation_id: null,
  };
  const message = `id: ${position}\nevent: NoteRecorded\ndata: ${JSON.stringify(item)}\n\n`;
  for (const response of streams) response.write(message);
}

process.on('message', (request: SseBenchRequest) => {
  if (request.kind === 'append') {
    append();
    send({ kind: 'appended' });
  } else if (request.kind === 'memory') send(memoryAfterGc());
  else if (request.kind === 'stop') {
    for (const response of streams) response.destroy();
    server.close(() => process.exit(0));
  }
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  send({ kind: 'ready', path: `http://127.0.0.1:${port}/stream`, authorization: undefined });
});
