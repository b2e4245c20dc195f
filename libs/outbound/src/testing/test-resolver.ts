import type { HostResolver } from '../outbound-guard';

/**
 * A name resolver for tests (no network here): each host, or any subdomain of it, resolves to its
 * address; other names fail as getaddrinfo does.
 */
export function testResolver(hosts: Readonly<Record<string, string>>): HostResolver {
  return async (hostname) => {
    const name = hostname.toLowerCase();
    const match = Object.keys(hosts).find((host) => name === host || name.endsWith(`.${host}`));
    if (!match) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    const address = hosts[match];
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  };
}

/** Public addresses (documentation-free, routable) the seeds' sites resolve to in tests. */
export const SITE_ADDRESSES: Readonly<Record<string, string>> = {
  'youtube.com': '142.250.74.46',
  'youtu.be': '142.250.74.46',
  'soundcloud.com': '18.238.96.20',
};
