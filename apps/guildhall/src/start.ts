import { ConfigError, loadConfig, type GuildhallConfig } from '#config';
import { doorsFor } from './doors';
import { createBotContext, createGuildhallApp } from './guildhall-app';

/** Opens the doors the configuration names and serves until stopped. */
export async function start(overrides: Partial<GuildhallConfig> = {}): Promise<void> {
  const config = { ...loadConfig(), ...overrides };
  const doors = doorsFor(config);
  const discord = doors.discord ? 'with the Discord door' : 'without the Discord door';
  if (doors.http) {
    const app = await createGuildhallApp(config);
    await app.listen({ host: config.host, port: config.port });
    console.warn(
      `Guildhall listening on http://${config.host}:${config.port} ${discord} (data in ${config.dataDir}, docs at /docs)`,
    );
    return;
  }
  if (!doors.discord) {
    throw new ConfigError(
      'No door to open: the HTTP door is off, and the Discord door needs DISCORD_TOKEN (or PLAYER_WORKER=on)',
    );
  }
  await createBotContext(config);
  console.warn(`Guildhall Discord door running without HTTP (data in ${config.dataDir})`);
}

/**
 * Ends a start that failed with exit code 1: a configuration error as its message alone (every bad
 * variable, one per line, without a stack trace nobody needs), anything else in full.
 */
export function failStart(error: unknown): never {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
