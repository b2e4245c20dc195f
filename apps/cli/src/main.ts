import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Command } from 'commander';
import { Projections, UsageRecordingCommandBus } from '#core';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { EventStore } from '#eventstore';
import { MUSIC_CONFIG, type MusicConfig } from '#music';
import { CliModule } from './cli.module';
import { cliVersion } from './cli-version';
import { registerAnalyticsCommands } from './commands/analytics.command';
import { runDemo } from './commands/demo.command';
import { printStream } from './commands/events.command';
import { registerKeysCommands } from './commands/keys.command';
import { replay } from './commands/replay.command';
import { registerUsersCommands } from './commands/users.command';

type CliApp = Awaited<ReturnType<typeof NestFactory.createApplicationContext>>;

/** Boots the application context, runs one command, and always closes the stores. */
async function withApp(work: (app: CliApp) => Promise<void>): Promise<void> {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    await work(app);
  } finally {
    await app.close();
  }
}

const program = new Command('guildhall')
  .description('Operate a Guildhall data directory (DATA_DIR) or EventStoreDB (EVENTSTORE_URL)')
  .version(cliVersion(), '-V, --version', "print Guildhall's version")
  .showHelpAfterError();

program
  .command('demo')
  .description(
    "write the demo's music library and load the seeds' example data through the command bus (idempotent)",
  )
  .option('--force', 'load it into a data directory that already holds other events')
  .action((options: { force?: boolean }) =>
    withApp((app) =>
      runDemo(
        app.get(UsageRecordingCommandBus),
        app.get(EventStore),
        app.get<GuildhallConfig>(GUILDHALL_CONFIG).dataDir,
        app.get<MusicConfig>(MUSIC_CONFIG),
        { force: options.force ?? false },
      ),
    ),
  );

program
  .command('replay')
  .argument('<projection>', 'a projection name, or "all"')
  .description('rebuild read models from position 0 and swap them in')
  .action((target: string) => withApp((app) => replay(app.get(Projections), target)));

program
  .command('events')
  .argument('<stream>', 'a stream id, e.g. guild-123456')
  .option('--json', 'one JSON object per line')
  .description('print a stream, oldest first')
  .action((stream: string, options: { json?: boolean }) =>
    withApp((app) => printStream(app.get(EventStore), stream, options.json ?? false)),
  );

registerKeysCommands(program, withApp);
registerAnalyticsCommands(program, withApp);
registerUsersCommands(program, withApp);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
