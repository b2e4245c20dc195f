import { createHash, timingSafeEqual } from 'node:crypto';

export type MetricsVerdict = 'allowed' | 'no-token' | 'wrong-token' | 'not-loopback';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Who may scrape: with a token, whoever sends it as a bearer (compared in constant time); without
 * one, only a client on the loopback interface (a sidecar or an SSH tunnel), since the metrics name
 * routes and volumes an outsider should not see.
 */
export function metricsAccess(
  token: string | undefined,
  authorization: string | undefined,
  ip: string,
): MetricsVerdict {
  if (token === undefined) return LOOPBACK.test(ip) ? 'allowed' : 'not-loopback';
  const sent = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (sent === undefined) return 'no-token';
  return timingSafeEqual(digest(sent), digest(token)) ? 'allowed' : 'wrong-token';
}
