import { createHash } from 'node:crypto';
import type { UsageCategory } from '#domain';
import type { UsageFact } from '#core';

/** Hexify's analytics example, exactly: what the demo's history must add up to. */
export const HEXIFY_ANALYTICS = {
  guildId: '123456789012345678',
  commands: { total: 1250, today: 45, breakdown: { music: 580, moderation: 320, fun: 250, utility: 100 } },
  activeUsers: { daily: 123, weekly: 456, monthly: 789 },
  joinsToday: 5,
  leavesToday: 2,
} as const;

const NAMES: Record<UsageCategory, readonly string[]> = {
  music: ['play', 'skip', 'queue', 'volume'],
  moderation: ['warn', 'mute', 'ban', 'kick'],
  fun: ['8ball', 'meme', 'trivia'],
  utility: ['help', 'ping', 'serverinfo'],
};
const DAY = 86_400_000;

/** Demo users: fixed snowflakes, so every run names the same people. */
const user = (i: number): string => String(300000000000000000n + BigInt(i));

/** A fixed UUID per demo fact: a second run appends the same ids, which the store recognises and skips. */
export function demoEventId(key: string): string {
  const h = createHash('sha256').update(`guildhall-demo:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * "Today" is the UTC day of the run (the demo guild keeps the default zone): today's facts are spread
 * between midnight and the moment the demo runs, so they are today whenever it runs, and stay today
 * until the next midnight. Older facts sit at fixed hours of whole days before.
 */
export function dayPlacer(now: Date) {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const sinceMidnight = now.getTime() - midnight;
  return {
    today: (i: number, of: number) =>
      new Date(midnight + Math.floor(((i + 1) / (of + 1)) * sinceMidnight)).toISOString(),
    daysAgo: (days: number, i: number) =>
      new Date(midnight - days * DAY + ((i * 7) % 1440) * 60_000).toISOString(),
  };
}

/**
 * The history behind Hexify's example. Users 0–122 are active today, 123–455 earlier this week, 456–788
 * earlier this month; every command's user is active in a window that already counts them, so the
 * commands add no one. 45 commands today, the other 1,205 spread over the 59 days before.
 */
export function hexifyUsageHistory(now: Date): { facts: UsageFact[]; ids: string[] } {
  const place = dayPlacer(now);
  const { commands, activeUsers } = HEXIFY_ANALYTICS;
  const facts: UsageFact[] = [];
  const active = (from: number, to: number, at: (i: number) => string) => {
    for (let i = from; i < to; i++)
      facts.push({
        type: 'RecordMemberActivity',
        userId: user(i),
        channelId: '987654321098765432',
        at: at(i),
      });
  };
  active(0, activeUsers.daily, (i) => place.today(i, activeUsers.daily));
  active(activeUsers.daily, activeUsers.weekly, (i) => place.daysAgo(1 + (i % 6), i));
  active(activeUsers.weekly, activeUsers.monthly, (i) => place.daysAgo(7 + (i % 23), i));
  const categories = (Object.keys(commands.breakdown) as UsageCategory[]).flatMap((c) =>
    Array.from({ length: commands.breakdown[c] }, () => c),
  );
  // Interleave the categories (a stride coprime with 1,250), so every day sees a mix.
  const order = categories.map((_, i) => categories[(i * 7) % categories.length]);
  order.forEach((category, i) => {
    const names = NAMES[category];
    const base = {
      type: 'RecordCommandInvocation' as const,
      name: names[i % names.length],
      category,
      actor: 'discord-user',
      door: 'discord' as const,
    };
    if (i < commands.today) {
      facts.push({ ...base, userId: user(i % activeUsers.daily), at: place.today(i, commands.today) });
      return;
    }
    const days = 1 + (i % 59);
    const pool = days <= 6 ? activeUsers.weekly : activeUsers.monthly;
    const userId = user(i % pool);
    facts.push({ ...base, userId, actor: `discord-user:${userId}`, at: place.daysAgo(days, i) });
  });
  const ids = facts.map((_, i) => demoEventId(`${HEXIFY_ANALYTICS.guildId}:usage:${i}`));
  return { facts, ids };
}

/** Today's joins and leaves, placed like the other facts of today. */
export function hexifyMembership(now: Date): { userId: string; joined: boolean; at: string }[] {
  const place = dayPlacer(now);
  const { joinsToday, leavesToday } = HEXIFY_ANALYTICS;
  const n = joinsToday + leavesToday;
  return Array.from({ length: n }, (_, i) => ({
    userId: user(1000 + i),
    joined: i < joinsToday,
    at: place.today(i, n),
  }));
}
