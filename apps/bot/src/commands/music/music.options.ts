import { BooleanOption, IntegerOption, StringOption } from 'necord';
import { PLAYER_LIMITS, type LoopMode } from '#domain';

// Option DTOs of the music slash commands: Discord checks types and ranges before the bot sees them.

export class PlayOptions {
  @StringOption({
    name: 'query',
    description: 'A URL, or words to search for',
    required: true,
    max_length: 500,
  })
  query!: string;

  @BooleanOption({ name: 'next', description: 'Play it next instead of last', required: false })
  next?: boolean | null;
}

export class VolumeOptions {
  @IntegerOption({
    name: 'level',
    description: `Volume in percent, ${PLAYER_LIMITS.minVolume}–${PLAYER_LIMITS.maxVolume}`,
    required: true,
    min_value: PLAYER_LIMITS.minVolume,
    max_value: PLAYER_LIMITS.maxVolume,
  })
  level!: number;
}

export class SeekOptions {
  @StringOption({
    name: 'position',
    description: 'Where to go: seconds, m:ss or h:mm:ss',
    required: true,
    max_length: 12,
  })
  position!: string;
}

export class LoopOptions {
  @StringOption({
    name: 'mode',
    description: 'What repeats',
    required: true,
    choices: [
      { name: 'off', value: 'off' },
      { name: 'the current track', value: 'track' },
      { name: 'the whole queue', value: 'queue' },
    ],
  })
  mode!: LoopMode;
}

export class RemoveOptions {
  @IntegerOption({ name: 'position', description: 'Its number in /queue', required: true, min_value: 1 })
  position!: number;
}

export class MoveOptions {
  @IntegerOption({ name: 'from', description: 'Its number in /queue', required: true, min_value: 1 })
  from!: number;

  @IntegerOption({ name: 'to', description: 'The number it should have', required: true, min_value: 1 })
  to!: number;
}

export class FairShareOptions {
  @BooleanOption({
    name: 'enabled',
    description: 'Take turns between the members who queued',
    required: true,
  })
  enabled!: boolean;
}
