/**
 * Each dialect's requests carry that dialect's key (docs/API.md, Keys and permissions): the key
 * variable of each tag, and what to put in it. `npm run cli -- demo` prints a key for each seed.
 */
const DIALECT_KEYS: Record<string, { variable: string; description: string }> = {
  'Hexify v2': { variable: 'hexifyKey', description: "Hexify's key (the demo's keys.hexify)" },
  'Hush Bot': { variable: 'hushKey', description: "Hush Bot's admin key (the demo's keys.hush)" },
  BotNexus: { variable: 'botnexusKey', description: "the bot's BotNexus key (the demo's keys.botnexus)" },
  'Bots on Discord': {
    variable: 'botsOnDiscordKey',
    description: "the bot's key, sent bare in Authorization (the demo's keys.botsondiscord)",
  },
  'Elixir Music': {
    variable: 'elixirKey',
    description: "a key bound to the guild, for the writes (the demo's keys.elixir)",
  },
};
const CANONICAL_KEY = {
  variable: 'adminKey',
  description: "a key with the admin scope, for the canonical routes (the demo's keys.hush is one)",
};

/** The variable holding the key of the operations under `tag`. */
export const keyVariableOf = (tag: string): string => (DIALECT_KEYS[tag] ?? CANONICAL_KEY).variable;

/** A Postman environment for the collection: the server's address and one empty key variable per dialect. */
export function createPostmanEnvironment(baseUrl: string) {
  const keys = [...Object.values(DIALECT_KEYS), CANONICAL_KEY];
  return {
    name: 'Guildhall',
    values: [
      { key: 'baseUrl', value: baseUrl, type: 'default', enabled: true },
      ...keys.map(({ variable, description }) => ({
        key: variable,
        value: '',
        type: 'secret',
        enabled: true,
        description,
      })),
    ],
    _postman_variable_scope: 'environment',
  };
}
