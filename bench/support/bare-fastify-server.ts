import fastify from 'fastify';

/**
 * The ceiling of the keyed GET: bare Fastify answering
 * `GET /v2/servers/:server_id` with the JSON Guildhall answers (`BENCH_BODY`, parsed once and
 * serialised by Fastify on every request, as a handler returning an object would be). No keys, no
 * limits, no framework above Fastify. Never shipped as an entry.
 */
async function main(): Promise<void> {
  const body = JSON.parse(process.env.BENCH_BODY ?? 'null') as { id?: unknown } | null;
  if (!body || typeof body.id !== 'string') throw new Error('BENCH_BODY must be a server JSON object');
  const servers = new Map([[body.id, body]]);
  const app = fastify({ logger: false });
  // A synchronous handler: Fastify sends what it returns without a promise in between.
  app.get<{ Params: { server_id: string } }>('/v2/servers/:server_id', (request, reply) => {
    const server = servers.get(request.params.server_id);
    return server ?? reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'not found' });
  });
  await app.listen({ host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT) });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
