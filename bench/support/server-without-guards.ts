import 'reflect-metadata';
import { loadConfig } from '#config';
import { createGuildhallApp } from '#guildhall/guildhall-app';

/** The benchmark's baseline: the same server with keys and rate limits left out. Never shipped as an entry. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createGuildhallApp(config, { guards: false });
  await app.listen({ host: config.host, port: config.port });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
