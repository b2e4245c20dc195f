import type { ChatInputCommandInteraction } from 'discord.js';
import type { DiscordInvocation } from './discord-invocation';
import { replyToInteraction, type DiscordReply } from './discord-reply';
import { invocationOfInteraction } from './invocation-of';

/**
 * Runs a slash command's action with what the interaction says and sends its answer. A failure
 * propagates to DiscordRefusalInterceptor, which answers it.
 */
export async function answerSlash(
  interaction: ChatInputCommandInteraction,
  act: (invocation: DiscordInvocation) => Promise<DiscordReply>,
): Promise<void> {
  await replyToInteraction(interaction, await act(invocationOfInteraction(interaction)));
}
