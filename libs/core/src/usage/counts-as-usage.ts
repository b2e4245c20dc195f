import type { UsageCategory } from '#domain';

/** How a command class counts in analytics. */
export interface UsageDescriptor {
  readonly name: string;
  readonly category: UsageCategory;
}

const descriptors = new WeakMap<object, UsageDescriptor>();

/**
 * Marks a command class as a user-facing command whose every run counts in analytics, whichever door
 * it came through. The class must carry `guildId` and `context` (CommandContext) properties.
 */
export function CountsAsUsage(name: string, category: UsageCategory): ClassDecorator {
  return (target) => {
    descriptors.set(target, { name, category });
  };
}

/** Registers a class this library cannot decorate (another context's commands). */
export function countAsUsage(commandClass: object, name: string, category: UsageCategory): void {
  descriptors.set(commandClass, { name, category });
}

// Player commands are written in another context; until they carry the decorator, their class names say
// they are music. `EnqueueTrackCommand` → `enqueue-track`.
const MUSIC =
  /^(Join|Leave|Play|Enqueue|Pause|Resume|Skip|Stop|Seek|Shuffle|Loop|Volume|SetVolume|ChangeVolume|RemoveTrack|MoveTrack|ClearQueue|SetLoop|Previous|Recall)/;

export function usageOf(command: object): UsageDescriptor | undefined {
  const type = command.constructor;
  const explicit = descriptors.get(type);
  if (explicit) return explicit;
  const name = type.name.replace(/Command$/, '');
  if (!MUSIC.test(name) || /^(Start|End)Track/.test(name)) return undefined;
  return { name: name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase(), category: 'music' };
}
