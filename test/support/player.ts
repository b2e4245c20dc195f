import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { GetPlayerQuery, Projections, StartTrackCommand, systemContext } from '#core';
import { nextTrack, type Track } from '#domain';
import type { TestApp } from './test-app';

/**
 * Does what the player worker does when audio begins: starts the track `nextTrack` picks, at
 * `positionMs`, through the same command; then waits for the read model. Returns the started track.
 */
export async function startNextTrack(t: TestApp, guildId: string, positionMs = 0): Promise<Track> {
  const view = await t.app.get(QueryBus).execute(new GetPlayerQuery(guildId));
  const track = view ? nextTrack(view) : null;
  if (!track) throw new Error(`nothing to start in guild ${guildId}`);
  const command = new StartTrackCommand(
    guildId,
    track.trackId,
    positionMs,
    systemContext('system', 'test-worker'),
  );
  const result = await t.app.get(CommandBus).execute(command);
  if (result.position !== undefined) await t.app.get(Projections).waitFor('player', result.position, 5_000);
  return track;
}
