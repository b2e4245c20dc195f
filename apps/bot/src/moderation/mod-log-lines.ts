import { bold, channelMention, escapeInlineCode, escapeMarkdown, inlineCode, userMention } from 'discord.js';

const UNITS = [
  [86_400, 'day'],
  [3_600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
] as const;

/** `600` → `10 minutes`, `90` → `90 seconds`: the largest unit that divides the duration exactly. */
export function describeDuration(seconds: number): string {
  const [size, unit] = UNITS.find(([size]) => seconds % size === 0) ?? UNITS[UNITS.length - 1];
  const count = seconds / size;
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** The mod-log line for a filtered message: the member, the channel and the term, never the text. */
export function filteredLine(userId: string, channelId: string, term: string): string {
  return `🚫 Removed a message from ${userMention(userId)} in ${channelMention(channelId)}: it contained the filtered term ${inlineCode(escapeInlineCode(term))}.`;
}

/** The mod-log line for a spam timeout: the member, for how long, and the rule that tripped. */
export function timedOutLine(
  userId: string,
  channelId: string,
  timeout: { durationSeconds: number; messages: number; windowSeconds: number },
): string {
  return `⏳ Timed out ${userMention(userId)} for ${describeDuration(timeout.durationSeconds)}: ${timeout.messages} messages in ${describeDuration(timeout.windowSeconds)} in ${channelMention(channelId)} (spam protection).`;
}

/** The welcome message: it mentions the new member, so Discord notifies them. */
export function welcomeLine(userId: string, guildName: string): string {
  return `👋 Welcome to ${bold(escapeMarkdown(guildName))}, ${userMention(userId)}! We're glad you're here.`;
}
