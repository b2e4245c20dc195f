import type { ApiKeyRequester } from '#domain';

/**
 * What the domain needs to know of whoever asks to manage keys: a Discord user id (unbound by nature)
 * or a key's principal. Only owner, scopes and binding go in, whatever else the principal carries.
 */
export function requesterOf(requestedBy: string | ApiKeyRequester | undefined): ApiKeyRequester | undefined {
  if (requestedBy === undefined) return undefined;
  if (typeof requestedBy === 'string') return { ownerId: requestedBy };
  return { ownerId: requestedBy.ownerId, scopes: requestedBy.scopes, guildId: requestedBy.guildId ?? null };
}
