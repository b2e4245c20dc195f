import type { CommandBus } from '@nestjs/cqrs';
import { ChangeSettingsCommand, RegisterGuildCommand, systemContext, type CommandResult } from '#core';
import { DEMO_GUILDS } from '../demo/demo-dataset';

/**
 * Loads the demo dataset through the command bus, like any other door. Running it again changes
 * nothing: registering an unchanged guild and setting settings to their current values decide no events.
 */
export async function runDemo(commandBus: CommandBus): Promise<void> {
  const context = systemContext('cli', 'demo');
  let written = 0;
  const count = (result: CommandResult) => (written += result.eventTypes.length);
  for (const guild of DEMO_GUILDS) {
    count(await commandBus.execute(new RegisterGuildCommand(guild.guildId, guild.profile, context)));
    if (guild.settings) {
      count(await commandBus.execute(new ChangeSettingsCommand(guild.guildId, guild.settings, context)));
    }
    console.log(`${guild.seed.padEnd(10)} guild ${guild.guildId} "${guild.profile.name}"`);
  }
  console.log(`${written} events written`);
  console.log(JSON.stringify({ guilds: DEMO_GUILDS.map((g) => g.guildId), events_written: written }));
}
