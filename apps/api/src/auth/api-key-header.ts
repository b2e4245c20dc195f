import type { Dialect } from './dialect';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The key a request carries. Bots on Discord sends the bare key (`Authorization: KEY`); every other
 * dialect sends `Authorization: Bearer KEY`. Bots on Discord also accepts the Bearer form, since a
 * client library that always adds the scheme should not be locked out.
 */
export function keyFromAuthorization(dialect: Dialect, header: string | string[] | undefined): string | null {
  if (typeof header !== 'string' || header.trim() === '') return null;
  const bearer = BEARER.exec(header);
  if (bearer) return bearer[1];
  if (dialect === 'bod' && !/\s/.test(header.trim())) return header.trim();
  return null;
}
