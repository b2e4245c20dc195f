import ipaddr from 'ipaddr.js';
import { stripBrackets } from './address-ranges';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** An entry of `OUTBOUND_ALLOWED_HOSTS` that is neither a host name, an IP address nor a CIDR. */
export class AllowListError extends Error {
  override readonly name = 'AllowListError';
}

const HOST_NAME =
  /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/**
 * The operator's exemptions from the outbound guard: host names (matched exactly, case and a
 * trailing dot ignored), IP addresses and CIDR ranges (matched against every address a name
 * resolves to, IPv4-mapped IPv6 included).
 */
export class AllowList {
  private readonly names = new Set<string>();
  private readonly ranges: Range[] = [];

  constructor(entries: readonly string[] = []) {
    for (const raw of entries) {
      const entry = stripBrackets(raw.trim().toLowerCase());
      if (!entry) continue;
      if (ipaddr.isValidCIDR(entry)) this.ranges.push(ipaddr.parseCIDR(entry));
      else if (ipaddr.isValid(entry)) {
        const address = ipaddr.parse(entry);
        this.ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      } else if (HOST_NAME.test(entry.replace(/\.$/, ''))) this.names.add(entry.replace(/\.$/, ''));
      else throw new AllowListError(`"${raw}" is not a host name, an IP address or a CIDR range`);
    }
  }

  /** `a.example, 10.0.0.0/8 ,::1` → an allow-list; empty entries are ignored. */
  static parse(text: string | undefined): AllowList {
    return new AllowList((text ?? '').split(','));
  }

  get empty(): boolean {
    return this.names.size === 0 && this.ranges.length === 0;
  }

  allowsName(hostname: string): boolean {
    return this.names.has(stripBrackets(hostname).toLowerCase().replace(/\.$/, ''));
  }

  allowsAddress(address: string): boolean {
    const bare = stripBrackets(address);
    if (this.ranges.length === 0 || !ipaddr.isValid(bare)) return false;
    // `process` turns `::ffff:a.b.c.d` into a.b.c.d, so an IPv4 entry covers its mapped form too.
    const parsed = ipaddr.process(bare);
    return this.ranges.some((range) => inRange(parsed, range));
  }
}

function inRange(address: ipaddr.IPv4 | ipaddr.IPv6, [range, bits]: Range): boolean {
  if (address instanceof ipaddr.IPv4) return range instanceof ipaddr.IPv4 && address.match(range, bits);
  return range instanceof ipaddr.IPv6 && address.match(range, bits);
}
