import { refusalFor } from '#core';

/** A reply only the member who asked sees (Discord's ephemeral flag). */
export interface EphemeralReply {
  readonly content: string;
  readonly ephemeral: true;
}

/** Discord refuses a message longer than this. */
export const DISCORD_MESSAGE_LIMIT = 2000;

export const FAULT_REPLY_TEXT =
  '⚠️ Something went wrong on our side and it has been logged. Please try again in a moment.';

const fit = (text: string): string =>
  text.length <= DISCORD_MESSAGE_LIMIT ? text : `${text.slice(0, DISCORD_MESSAGE_LIMIT - 1)}…`;

/** A refusal in words, shown only to the member who asked. */
export const refusalReply = (message: string): EphemeralReply => ({
  content: fit(`❌ ${message}`),
  ephemeral: true,
});

/**
 * How a Discord command answers what went wrong, from the map every door shares: a refusal says
 * why (and a pause worth waiting out says so); a fault says nothing of its insides.
 */
export function replyToFailure(error: unknown): EphemeralReply {
  const refusal = refusalFor(error);
  if (!refusal) return { content: FAULT_REPLY_TEXT, ephemeral: true };
  if (refusal.status >= 500) return { content: fit(`⏳ ${refusal.message}`), ephemeral: true };
  return refusalReply(refusal.message);
}
