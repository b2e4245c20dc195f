// gRPC keepalive pings detect a dead connection, and so a silently dropped subscription, within ~20 s.
const KEEP_ALIVE = { keepAliveInterval: '10000', keepAliveTimeout: '10000' };

/**
 * The connection string with keepalive settings added where it does not set them. String surgery
 * rather than URL: cluster strings (`esdb+discover://a:2113,b:2113`) are not valid URLs.
 */
export function withKeepAlive(connectionString: string): string {
  let result = connectionString;
  for (const [key, value] of Object.entries(KEEP_ALIVE)) {
    if (new RegExp(`[?&]${key}=`, 'i').test(result)) continue;
    result += `${result.includes('?') ? '&' : '?'}${key}=${value}`;
  }
  return result;
}
