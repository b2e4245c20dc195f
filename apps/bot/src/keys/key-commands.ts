import { Injectable, UseInterceptors } from '@nestjs/common';
import { InteractionContextType } from 'discord.js';
import { Context, Options, SlashCommand, StringOption, type SlashCommandContext } from 'necord';
import { answerSlash } from '../commands/answer-slash';
import { DiscordRefusalInterceptor } from '../commands/refusal.interceptor';
import { KeyActions } from './key-actions';

export class RevokeKeyOptions {
  @StringOption({
    name: 'key_id',
    description: 'The key id, as /keys lists it',
    required: true,
    max_length: 64,
  })
  keyId!: string;
}

const anywhere = { contexts: [InteractionContextType.Guild, InteractionContextType.BotDM] };

/** `/genkey`, `/keys`, `/revokekey`: every answer is ephemeral, so no key is shown to anyone else. */
@Injectable()
@UseInterceptors(DiscordRefusalInterceptor)
export class KeyCommands {
  constructor(private readonly keys: KeyActions) {}

  @SlashCommand({
    name: 'genkey',
    description: 'An API key for this server (Manage Server), shown once, only to you',
    contexts: [InteractionContextType.Guild],
  })
  onGenKey(@Context() [interaction]: SlashCommandContext) {
    return answerSlash(interaction, (i) => this.keys.genKey(i));
  }

  @SlashCommand({ name: 'keys', description: 'List your API keys', ...anywhere })
  onKeys(@Context() [interaction]: SlashCommandContext) {
    return answerSlash(interaction, (i) => this.keys.listKeys(i));
  }

  @SlashCommand({ name: 'revokekey', description: 'Revoke one of your API keys', ...anywhere })
  onRevokeKey(@Context() [interaction]: SlashCommandContext, @Options() { keyId }: RevokeKeyOptions) {
    return answerSlash(interaction, (i) => this.keys.revokeKey(i, keyId));
  }
}
