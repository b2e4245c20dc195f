import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DeciderSpecification } from '../testing/decider-spec';
import { DomainError } from '../shared/domain-error';
import { parseBotCommandList } from './bot-command-list.rules';
import { botDecider } from './bot.decider';
import type { BotEvent } from './bot.events';
import { BOT_ID, animeCommand, bareCommand, registered } from './bot.fixtures';

const spec = DeciderSpecification.for(botDecider);
const setCommands = (list: unknown) => ({ type: 'SetBotCommands' as const, botId: BOT_ID, list });
const named = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `c${i}` }));
const withCommand = (overrides: Record<string, unknown>) => ({
  sort: 'default',
  commands: [{ ...animeCommand(), ...overrides }],
});
const set = (sort: 'default' | 'none', commands: unknown[]): BotEvent =>
  ({ type: 'BotCommandsSet', data: { botId: BOT_ID, sort, commands } }) as BotEvent;

describe('SetBotCommands', () => {
  it('given no history, when commands are set, then it is refused as not found', () => {
    spec
      .given([])
      .when(setCommands({ commands: [] }))
      .thenThrows('not_found', 'bot_not_found');
  });

  it("given a bot, when the seed's sample list is set, then BotCommandsSet records it as sent", () => {
    spec
      .given([registered])
      .when(setCommands(withCommand({})))
      .then([set('default', [animeCommand()])]);
  });

  it('given a bot, when only names are sent and sort is null, then absent fields are null and sort is default', () => {
    spec
      .given([registered])
      .when(setCommands({ sort: null, commands: [{ name: 'ping' }] }))
      .then([set('default', [bareCommand('ping')])]);
  });

  it('given a set list, when the same list comes again, then nothing happens', () => {
    spec
      .given([registered, set('default', [animeCommand()])])
      .when(setCommands(withCommand({})))
      .thenNothing();
  });

  it('given a set list, when the order changes under sort none, then the new list is recorded', () => {
    const list = { sort: 'none', commands: [{ name: 'b' }, { name: 'a' }] };
    spec
      .given([registered, set('default', [bareCommand('a'), bareCommand('b')])])
      .when(setCommands(list))
      .then([set('none', [bareCommand('b'), bareCommand('a')])]);
  });

  it('given a set list, when commands is null, then BotCommandsUnset', () => {
    spec
      .given([registered, set('default', [animeCommand()])])
      .when(setCommands({ sort: null, commands: null }))
      .then([{ type: 'BotCommandsUnset', data: { botId: BOT_ID } }]);
  });

  it('given no list, when commands is null, then nothing happens', () => {
    spec
      .given([registered])
      .when(setCommands({ commands: null }))
      .thenNothing();
  });

  const accepted: [string, unknown][] = [
    ['200 commands', { commands: named(200) }],
    ['20 args', withCommand({ args: Array.from({ length: 20 }, (_, i) => `a${i}`) })],
    ['10 aliases', withCommand({ aliases: Array.from({ length: 10 }, (_, i) => `a${i}`) })],
    ['6 examples of 200 characters', withCommand({ examples: Array(6).fill('e'.repeat(200)) })],
    ['10 permissions', withCommand({ permissions: Array.from({ length: 10 }, (_, i) => `p${i}`) })],
    ['a 1,000-character description', withCommand({ description: 'd'.repeat(1000) })],
    ['a cooldown of 0 in days', withCommand({ cooldown: 0, cooldownUnit: 'd' })],
    [
      'every optional field null',
      withCommand({
        description: null,
        args: null,
        cooldown: null,
        cooldownUnit: null,
        aliases: null,
        examples: null,
        permissions: null,
        category: null,
        prefix: null,
      }),
    ],
  ];
  for (const [what, list] of accepted) {
    it(`given a bot, when the list has ${what}, then it is accepted`, () => {
      spec
        .given([registered])
        .when(setCommands(list))
        .then([
          set(
            (list as { sort?: 'none' }).sort ?? 'default',
            parseBotCommandList(list)!.commands as unknown[],
          ),
        ]);
    });
  }

  const refused: [string, unknown, string, string][] = [
    ['201 commands', { commands: named(201) }, 'too_many_commands', 'commands'],
    [
      '21 args',
      withCommand({ args: Array.from({ length: 21 }, (_, i) => `a${i}`) }),
      'too_many_args',
      'commands[0].args',
    ],
    [
      '11 aliases',
      withCommand({ aliases: Array.from({ length: 11 }, (_, i) => `a${i}`) }),
      'too_many_aliases',
      'commands[0].aliases',
    ],
    [
      '7 examples',
      withCommand({ examples: Array(7).fill('e') }),
      'too_many_examples',
      'commands[0].examples',
    ],
    [
      'a 201-character example',
      withCommand({ examples: ['ok', 'e'.repeat(201)] }),
      'invalid_example',
      'commands[0].examples[1]',
    ],
    [
      '11 permissions',
      withCommand({ permissions: Array.from({ length: 11 }, (_, i) => `p${i}`) }),
      'too_many_permissions',
      'commands[0].permissions',
    ],
    [
      'a 1,001-character description',
      withCommand({ description: 'd'.repeat(1001) }),
      'invalid_description',
      'commands[0].description',
    ],
    [
      'an arg type of "maybe"',
      withCommand({ args: [{ text: 'name', type: 'maybe' }] }),
      'invalid_arg_type',
      'commands[0].args[0].type',
    ],
    [
      'an arg without text',
      withCommand({ args: [{ type: 'required' }] }),
      'invalid_arg_text',
      'commands[0].args[0].text',
    ],
    ['an arg that is a number', withCommand({ args: [3] }), 'invalid_arg', 'commands[0].args[0]'],
    ['a negative cooldown', withCommand({ cooldown: -1 }), 'invalid_cooldown', 'commands[0].cooldown'],
    [
      'a cooldown in weeks',
      withCommand({ cooldownUnit: 'w' }),
      'invalid_cooldown_unit',
      'commands[0].cooldownUnit',
    ],
    ['a sort of "name"', { sort: 'name', commands: [] }, 'invalid_sort', 'sort'],
    ['no commands field', { sort: 'default' }, 'invalid_commands', 'commands'],
    ['a command without a name', { commands: [{ description: 'x' }] }, 'invalid_name', 'commands[0].name'],
    ['an unknown command field', withCommand({ usage: '!anime <name>' }), 'unknown_field', 'commands[0]'],
    ['an unknown top-level field', { commands: [], extra: 1 }, 'unknown_field', 'body'],
    ['a body that is a list', [], 'invalid_body', 'body'],
  ];
  for (const [what, list, code, field] of refused) {
    it(`given a bot, when the list has ${what}, then it is refused (${code})`, () => {
      spec.given([registered]).when(setCommands(list)).thenThrows('invalid', code, field);
    });
  }
});

describe('command list messages', () => {
  const messageOf = (list: unknown): string => {
    try {
      parseBotCommandList(list);
    } catch (error) {
      assert.ok(error instanceof DomainError);
      return error.message;
    }
    assert.fail('expected a refusal');
  };

  it("given a bad arg type, then the message is the seed's, word for word", () => {
    assert.equal(
      messageOf(withCommand({ args: [{ text: 'name', type: 'req' }] })),
      'Command arg types must be a string with the value "required" or "optional"',
    );
  });

  it('given too many commands or a bad sort, then the message names the limit in the same style', () => {
    assert.equal(messageOf({ commands: named(201) }), 'There is a limit of 200 commands');
    assert.equal(
      messageOf({ sort: 'abc', commands: [] }),
      'Sort must be a string with the value "default" or "none", or null',
    );
    assert.equal(
      messageOf(withCommand({ aliases: Array(11).fill('a') })),
      'There is a limit of 10 aliases per command',
    );
  });
});
