import 'reflect-metadata';
import { loadConfig } from '#config';
import { createApiApp } from '#api/create-api-app';

/** Embedded mode: one process serves the API and runs every projection on the local data directory. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen({ host: config.host, port: config.port });
  console.warn(
    `Guildhall listening on http://${config.host}:${config.port} (data in ${config.dataDir}, docs at /docs)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
