import {
  MessageFlags,
  type APIEmbed,
  type ChatInputCommandInteraction,
  type Message,
  type MessageMentionOptions,
} from 'discord.js';

/** What a command answers, whichever way it was asked. */
export interface DiscordReply {
  readonly content?: string;
  readonly embeds?: readonly APIEmbed[];
  /** Only the member who asked sees it (slash commands; a prefix command answers in its channel). */
  readonly ephemeral?: boolean;
}

// Replies echo what members typed (track titles, words); they must never ping anyone.
const NO_PINGS: MessageMentionOptions = { parse: [], repliedUser: false };

/**
 * Answers a slash command. A deferred public answer cannot become ephemeral, so an ephemeral reply
 * after a deferral replaces it: the placeholder is deleted and the reply follows up ephemerally.
 */
export async function replyToInteraction(
  interaction: ChatInputCommandInteraction,
  reply: DiscordReply,
): Promise<void> {
  const body = {
    content: reply.content,
    embeds: reply.embeds ? [...reply.embeds] : [],
    allowedMentions: NO_PINGS,
  };
  const flags = reply.ephemeral ? MessageFlags.Ephemeral : undefined;
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply({ ...body, flags });
  } else if (reply.ephemeral && !interaction.ephemeral) {
    await interaction.deleteReply();
    await interaction.followUp({ ...body, flags });
  } else {
    await interaction.editReply(body);
  }
}

/** Answers a prefix command in its channel (in a DM, that is the DM). */
export async function replyToMessage(message: Message, reply: DiscordReply): Promise<void> {
  await message.reply({
    content: reply.content,
    embeds: reply.embeds ? [...reply.embeds] : [],
    allowedMentions: NO_PINGS,
  });
}
