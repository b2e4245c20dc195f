import { parseChannel, parseOnOff } from '../arguments';
import { argument as arg, MissingArgumentError, type PrefixCommand } from '../prefix/prefix-command';
import type { SettingsActions } from './settings-actions';

/** The settings prefix commands (`h!prefix ?`, `h!wordfilter add …`), on the slash commands' actions. */
export function settingsPrefixCommands(settings: SettingsActions): PrefixCommand[] {
  return [
    { name: 'prefix', usage: '<new prefix>', run: (i, m) => settings.prefix(i, arg(m, 0)) },
    {
      name: 'welcome',
      usage: '<#channel | off>',
      run: (i, m) => settings.welcomeChannel(i, parseChannel(arg(m, 0), 'channel')),
    },
    {
      name: 'modlog',
      usage: '<#channel | off>',
      run: (i, m) => settings.modLogChannel(i, parseChannel(arg(m, 0), 'channel')),
    },
    {
      name: 'automod',
      usage: '<on | off>',
      run: (i, m) => settings.autoMod(i, parseOnOff(arg(m, 0), 'enabled')),
    },
    {
      name: 'spam',
      usage: '<on | off>',
      run: (i, m) => settings.spamProtection(i, parseOnOff(arg(m, 0), 'enabled')),
    },
    {
      name: 'wordfilter',
      usage: '<add word | remove word | list>',
      run: (i, m) => {
        switch (arg(m, 0).toLowerCase()) {
          case 'add':
            return settings.addFilteredWord(i, arg(m, 1));
          case 'remove':
            return settings.removeFilteredWord(i, arg(m, 1));
          case 'list':
            return settings.listFilteredWords(i);
          default:
            throw new MissingArgumentError('wordfilter needs add, remove or list');
        }
      },
    },
  ];
}
