import { Injectable, UseInterceptors } from '@nestjs/common';
import { Context, Options, Subcommand, createCommandGroupDecorator, type SlashCommandContext } from 'necord';
import { answerSlash } from '../answer-slash';
import { DiscordRefusalInterceptor } from '../refusal.interceptor';
import { SettingsActions } from './settings-actions';
import { SETTINGS_COMMAND } from './settings-commands';
import { WordOptions } from './settings.options';

const WordFilterCommand = createCommandGroupDecorator({
  name: 'wordfilter',
  description: 'The words auto-moderation deletes',
  ...SETTINGS_COMMAND,
});

/** `/wordfilter add|remove|list`. */
@Injectable()
@WordFilterCommand()
@UseInterceptors(DiscordRefusalInterceptor)
export class WordFilterCommands {
  constructor(private readonly settings: SettingsActions) {}

  @Subcommand({ name: 'add', description: 'Filter a word' })
  onAdd(@Context() [interaction]: SlashCommandContext, @Options() { word }: WordOptions) {
    return answerSlash(interaction, (i) => this.settings.addFilteredWord(i, word));
  }

  @Subcommand({ name: 'remove', description: 'Stop filtering a word' })
  onRemove(@Context() [interaction]: SlashCommandContext, @Options() { word }: WordOptions) {
    return answerSlash(interaction, (i) => this.settings.removeFilteredWord(i, word));
  }

  @Subcommand({ name: 'list', description: 'Show the filtered words' })
  onList(@Context() [interaction]: SlashCommandContext) {
    return answerSlash(interaction, (i) => this.settings.listFilteredWords(i));
  }
}
