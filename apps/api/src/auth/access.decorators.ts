import { SetMetadata } from '@nestjs/common';

/** What a route demands of the caller's key beyond being valid. */
export type AccessRule =
  /** No key needed (Elixir's read-only routes, health). A key, when sent, still identifies the caller. */
  | { readonly kind: 'public' }
  /** A guild-bound key may only touch the guild named by this route parameter. */
  | { readonly kind: 'guild'; readonly param: string }
  /** May change the guild: a key bound to it (issued to a manager by /genkey), its owner's key, or admin. */
  | { readonly kind: 'guild-manager'; readonly param: string }
  /** Only the guild's owner (or admin), as Hush's "Server Owner" routes demand. */
  | { readonly kind: 'guild-owner'; readonly param: string }
  /** The key needs this scope (e.g. `admin`). */
  | { readonly kind: 'scope'; readonly scope: string }
  /** The bot's own key: scope `bot:{id}` for the bot named by this parameter, or admin. */
  | { readonly kind: 'bot-owner'; readonly param: string };

export const ACCESS_RULES = 'guildhall:access';

const rules = (...list: AccessRule[]) => SetMetadata(ACCESS_RULES, list);

export const Public = () => rules({ kind: 'public' });
export const GuildReader = (param: string) => rules({ kind: 'guild', param });
export const GuildManager = (param: string) =>
  rules({ kind: 'guild', param }, { kind: 'guild-manager', param });
export const GuildOwner = (param: string) => rules({ kind: 'guild', param }, { kind: 'guild-owner', param });
export const RequireScope = (scope: string) => rules({ kind: 'scope', scope });
export const BotOwner = (param: string) => rules({ kind: 'bot-owner', param });
