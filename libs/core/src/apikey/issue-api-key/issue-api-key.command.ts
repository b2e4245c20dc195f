import { Command } from '@nestjs/cqrs';
import type { ApiKeyScope, ApiKeyTier } from '#domain';
import type { CommandContext } from '../../command-handling/command-context';

export interface IssueApiKeyOptions {
  /** Defaults to `free`. */
  readonly tier?: string;
  /** `admin` or `bot:{botId}`; defaults to none. */
  readonly scopes?: readonly string[];
  /** Binds the key to one guild (Elixir-style); null or absent for an account key. */
  readonly guildId?: string | null;
  /** At most 100 characters; blank means none. */
  readonly label?: string | null;
  /** A chosen key id (16 lowercase letters or digits); a random one by default. */
  readonly keyId?: string;
  /**
   * Ready-made key material, e.g. from `deriveApiKey` so the demo prints the same key every run.
   * Its id is the key id. By default the handler makes a new random key.
   */
  readonly key?: string;
  /** Marks a demo key (see `ApiKeyIssued.demo`); only `cli demo` sets it. */
  readonly demo?: boolean;
}

/** A key as issued: the only time its plaintext exists outside its owner's hands. */
export interface IssuedApiKey {
  readonly keyId: string;
  /** The plaintext key, returned once. Show it to its owner and forget it; never log it. */
  readonly key: string;
  readonly ownerId: string;
  readonly tier: ApiKeyTier;
  readonly scopes: readonly ApiKeyScope[];
  readonly guildId: string | null;
  readonly label: string | null;
  /** Global position of `ApiKeyIssued`; pass it as `minPosition` to read the key back. */
  readonly position: number;
}

/** Issues a new API key to `ownerId`; refused as a conflict when the key id is taken. */
export class IssueApiKeyCommand extends Command<IssuedApiKey> {
  constructor(
    readonly ownerId: string,
    readonly options: IssueApiKeyOptions,
    readonly context: CommandContext,
  ) {
    super();
  }
}
