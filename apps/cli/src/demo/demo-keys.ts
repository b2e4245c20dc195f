/** A demo key per seed: fixed ids, secrets derived from the data directory's demo seed. */
export interface DemoKey {
  readonly seed: 'hexify' | 'hush' | 'botnexus' | 'botsondiscord' | 'elixir';
  readonly keyId: string;
  readonly ownerId: string;
  readonly tier: 'free' | 'premium' | 'enterprise';
  readonly scopes: readonly string[];
  readonly guildId: string | null;
  readonly label: string;
}

export const DEMO_KEYS: readonly DemoKey[] = [
  {
    // The owner of Hexify's example servers, on Hexify's premium tier (1,000 requests/hour).
    seed: 'hexify',
    keyId: 'demohexify000001',
    ownerId: '210987654321098765',
    tier: 'premium',
    scopes: [],
    guildId: null,
    label: 'demo: Hexify',
  },
  {
    // Hush: user 123456 owns server 123456 ("Server Owner") and is an Admin (`GET /v1/users/:id`).
    seed: 'hush',
    keyId: 'demohush00000002',
    ownerId: '123456',
    tier: 'enterprise',
    scopes: ['admin'],
    guildId: null,
    label: 'demo: Hush Bot',
  },
  {
    // BotNexus: the owner of bot 847291032847 on the standard tier (120 requests/minute).
    seed: 'botnexus',
    keyId: 'demobotnexus0003',
    ownerId: '5647382910',
    tier: 'free',
    scopes: ['bot:847291032847'],
    guildId: null,
    label: 'demo: BotNexus',
  },
  {
    // Bots on Discord: the key of bot 125367104336691200.
    seed: 'botsondiscord',
    keyId: 'demobotsondisc04',
    ownerId: '437086154215391233',
    tier: 'free',
    scopes: ['bot:125367104336691200'],
    guildId: null,
    label: 'demo: Bots on Discord',
  },
  {
    // Elixir: bound to the seed's guild and user, as Elixir's /genkey would issue it.
    seed: 'elixir',
    keyId: 'demoelixir000005',
    ownerId: '460177285954142208',
    tier: 'free',
    scopes: [],
    guildId: '766045633697021973',
    label: 'demo: Elixir Music',
  },
];

export const DEMO_USERS = [{ userId: '123456', username: 'User#1234', roles: ['Admin', 'Member'] }] as const;
