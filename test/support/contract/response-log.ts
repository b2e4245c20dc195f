import { appendFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { FastifyInstance } from 'fastify';

/** Set by scripts/run-tests.mjs: the directory every test process writes the responses it served to. */
export const CONTRACT_LOG_DIR = 'GUILDHALL_CONTRACT_LOG';
/** The test file a server process serves, for the contract check's messages. */
export const CONTRACT_SOURCE = 'GUILDHALL_CONTRACT_SOURCE';

/** Headers Guildhall sets itself: each one a response carries must be declared for that response. */
export const OWN_HEADERS = [
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'ratelimit-policy',
  'ratelimit',
  'retry-after',
  'x-guildhall-position',
  'x-cache-refresh-by',
  'x-request-id',
  'etag',
] as const;

/** One response, as the contract check (test/contract) reads it back. */
export interface RecordedResponse {
  readonly source: string;
  readonly method: string;
  /** Fastify's route pattern (`/v2/servers/:server_id`); absent when no route matched. */
  readonly route: string | undefined;
  readonly url: string;
  readonly status: number;
  readonly contentType: string | undefined;
  /** `Content-Encoding` when the body was compressed: then only its media type is checked. */
  readonly contentEncoding?: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The body as sent when it was text; null when empty or bytes. */
  readonly body: string | null;
  readonly bytes: number;
}

const ROOT = join(__dirname, '..', '..', '..', '..');
const MAX_BODY = 256 * 1024;

/**
 * Writes every response this Fastify instance sends to the contract log, when the test run keeps one
 * (CONTRACT_LOG_DIR). A registered onSend hook: it reads the reply and passes the payload on unchanged.
 */
export function recordResponses(fastify: FastifyInstance): void {
  const dir = process.env[CONTRACT_LOG_DIR];
  if (!dir) return;
  const file = join(dir, `${process.pid}.jsonl`);
  const source = process.env[CONTRACT_SOURCE] ?? relative(ROOT, process.argv[1] ?? '');
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const headers: Record<string, string> = {};
    for (const name of OWN_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    const text = typeof payload === 'string' ? payload : null;
    const record: RecordedResponse = {
      source,
      method: request.method,
      route: request.routeOptions.url,
      url: request.url.slice(0, 300),
      status: reply.statusCode,
      contentType: reply.getHeader('content-type')?.toString(),
      contentEncoding: reply.getHeader('content-encoding')?.toString(),
      headers,
      body: text === null || text.length > MAX_BODY ? null : text,
      bytes: Buffer.isBuffer(payload) ? payload.length : (text?.length ?? 0),
    };
    appendFileSync(file, `${JSON.stringify(record)}\n`);
    done(null, payload);
  });
}
