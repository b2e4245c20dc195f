/** The guard would not let a request leave: a scheme, a credential or an address it refuses (a 400 to a client). */
export class OutboundRefusedError extends Error {
  override readonly name = 'OutboundRefusedError';
  constructor(
    message: string,
    /** The URL refused (the hop, for a redirect). */
    readonly url: string,
  ) {
    super(message);
  }
}

/** The request was allowed but failed: name not found, connection refused, too slow, too large, too many redirects. */
export class OutboundFetchError extends Error {
  override readonly name = 'OutboundFetchError';
  constructor(
    message: string,
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
