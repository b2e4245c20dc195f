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

export function usageOf(command: object): UsageDescriptor | undefined {
  return descriptors.get(command.constructor);
}
