import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { addressRefusal, stripBrackets } from './address-ranges';
import { AllowList } from './allow-list';
import {
  guardedFetch,
  type FetchLimits,
  type GuardedFetchOptions,
  type GuardedResponse,
} from './guarded-fetch';
import { OutboundFetchError, OutboundRefusedError } from './outbound-errors';

/** One resolved address, as `dns.promises.lookup(…, { all: true })` gives them. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

/** Resolves a host name to every address it has (a test can inject a resolver). */
export type HostResolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export interface OutboundGuardOptions {
  /** Hosts, addresses and CIDRs exempt from the address check (`OUTBOUND_ALLOWED_HOSTS`). */
  readonly allowList?: AllowList;
  readonly resolve?: HostResolver;
  /** Longest wait for a name to resolve. */
  readonly resolveTimeoutMs?: number;
  /** Bounds of `fetch` where a call does not set its own. */
  readonly limits?: Partial<FetchLimits>;
}

/** A URL the guard approved and the one address a connection to it must use. */
export interface ApprovedTarget {
  readonly url: URL;
  readonly address: string;
  readonly family: 4 | 6;
}

const systemResolver: HostResolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * Decides whether a URL may be fetched: http(s) only, no credentials, and every address its host
 * resolves to must be public (see `addressRefusal`) unless the operator allow-listed the host name
 * or the address. The caller connects to the returned address, never resolving again, so a name
 * that resolves differently a moment later (DNS rebinding) cannot redirect the connection.
 */
export class OutboundGuard {
  readonly allowList: AllowList;
  private readonly resolve: HostResolver;
  private readonly resolveTimeoutMs: number;
  private readonly limits: Partial<FetchLimits>;

  constructor(options: OutboundGuardOptions = {}) {
    this.allowList = options.allowList ?? new AllowList();
    this.resolve = options.resolve ?? systemResolver;
    this.resolveTimeoutMs = options.resolveTimeoutMs ?? 5_000;
    this.limits = options.limits ?? {};
  }

  /**
   * A request through the guard: each hop approved and pinned to its approved address, redirects
   * followed here (re-approved), bounded in time and size. See `guardedFetch`.
   */
  fetch(input: string | URL, options: GuardedFetchOptions = {}): Promise<GuardedResponse> {
    return guardedFetch(this, input, { ...this.limits, ...options });
  }

  /** Throws `OutboundRefusedError` for a URL the policy refuses, `OutboundFetchError` when the host does not resolve. */
  async approve(input: string | URL): Promise<ApprovedTarget> {
    const url = parseUrl(input);
    const hostname = stripBrackets(url.hostname);
    const addresses = isIP(hostname)
      ? [{ address: hostname, family: isIP(hostname) }]
      : await this.lookup(hostname, url.href);
    if (addresses.length === 0) throw new OutboundFetchError(`${hostname} has no address`, url.href);
    if (!this.allowList.allowsName(hostname)) {
      for (const { address } of addresses) {
        const refusal = this.allowList.allowsAddress(address) ? undefined : addressRefusal(address);
        if (refusal) {
          const via = address === hostname ? '' : ` resolves to ${address}, which`;
          throw new OutboundRefusedError(`${hostname}${via} is not a public address (${refusal})`, url.href);
        }
      }
    }
    const [first] = addresses;
    return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
  }

  private async lookup(hostname: string, href: string): Promise<readonly ResolvedAddress[]> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new OutboundFetchError(`resolving ${hostname} took too long`, href)),
        this.resolveTimeoutMs,
      );
    });
    try {
      return await Promise.race([this.resolve(hostname), timeout]);
    } catch (error) {
      if (error instanceof OutboundFetchError) throw error;
      throw new OutboundFetchError(`cannot resolve ${hostname}`, href, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }
}

function parseUrl(input: string | URL): URL {
  let url: URL;
  try {
    url = typeof input === 'string' ? new URL(input) : input;
  } catch {
    throw new OutboundRefusedError('not a valid URL', String(input));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OutboundRefusedError(
      `the scheme ${url.protocol} is not allowed (http and https only)`,
      url.href,
    );
  }
  if (url.username || url.password) {
    throw new OutboundRefusedError('URLs with credentials are not allowed', url.href);
  }
  return url;
}
