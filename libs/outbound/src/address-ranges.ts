import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** NAT64's well-known prefix (RFC 6052): the last 32 bits are the IPv4 address a gateway reaches. */
const NAT64 = ipaddr.IPv6.parseCIDR('64:ff9b::/96');

/**
 * Why an address may not be fetched from, or undefined for a public unicast address. Every range
 * ipaddr.js knows from IANA's special-purpose registries other than plain `unicast` is refused:
 * loopback, private (RFC 1918), CGNAT, link-local, unique-local, multicast, unspecified,
 * broadcast, reserved, documentation, 6to4, Teredo… IPv6 forms that carry an IPv4 address
 * (IPv4-mapped `::ffff:a.b.c.d`, NAT64 `64:ff9b::a.b.c.d`) are judged by that IPv4 address;
 * IPv4-compatible `::a.b.c.d` (deprecated) is refused outright.
 */
export function addressRefusal(address: string): string | undefined {
  let parsed: Address;
  try {
    parsed = ipaddr.parse(stripBrackets(address));
  } catch {
    return 'not an IP address';
  }
  return refusalOf(parsed);
}

function refusalOf(address: Address): string | undefined {
  if (address.kind() === 'ipv6') {
    const v6 = address as ipaddr.IPv6;
    const embedded = embeddedIPv4(v6);
    if (embedded) {
      const inner = refusalOf(embedded);
      return inner && `${v6.range()} ${inner}`;
    }
    if (v6.parts.slice(0, 6).every((part) => part === 0)) {
      // `::`, `::1` and the deprecated IPv4-compatible `::a.b.c.d`, which some stacks still route.
      return v6.range() === 'unicast' ? 'ipv4Compatible' : v6.range();
    }
  }
  const range = address.range();
  return range === 'unicast' ? undefined : range;
}

function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  if (address.isIPv4MappedAddress()) return address.toIPv4Address();
  if (address.match(NAT64)) {
    const [high, low] = address.parts.slice(6);
    return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  }
  return undefined;
}

/** `[::1]` (a URL's hostname) → `::1`. */
export function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
