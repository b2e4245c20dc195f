import {
  HttpStatus,
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { GUILDHALL_CONFIG, type GuildhallConfig, type SseConfig } from '#config';
import { ExactBodyException } from '../../common/exact-body.exception';
import type { SseConnection } from './sse-connection';

/** Seconds a client refused for too many streams is told to wait before trying again. */
export const STREAMS_RETRY_AFTER_SECONDS = 5;

/** What the process's streams have done, for tests, the benchmark and operators. */
export interface SseStats {
  readonly open: number;
  readonly cutOff: number;
  /** The most bytes any stream has had waiting in its socket after a write. */
  readonly peakBufferedBytes: number;
}

/**
 * Every open live stream of the process: the per-key cap, one heartbeat timer for all of them (not
 * one per stream), and ending them all before the HTTP server closes.
 */
@Injectable()
export class SseStreams implements OnModuleInit, BeforeApplicationShutdown {
  readonly config: SseConfig;
  private readonly open = new Set<SseConnection>();
  private readonly perKey = new Map<string, number>();
  private heartbeat: NodeJS.Timeout | undefined;
  private cutOffCount = 0;
  private peakOfEnded = 0;

  constructor(@Inject(GUILDHALL_CONFIG) config: GuildhallConfig) {
    this.config = config.sse;
  }

  onModuleInit(): void {
    this.heartbeat = setInterval(() => {
      for (const connection of this.open) connection.heartbeat();
    }, this.config.heartbeatMs);
    this.heartbeat.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.heartbeat);
    for (const connection of [...this.open]) connection.abort('the server is shutting down');
  }

  /**
   * Takes one of the key's stream slots, or throws the 429 (the canonical error shape with
   * `code: too_many_streams` and `Retry-After`). Returns the function that gives the slot back.
   */
  acquire(keyId: string): () => void {
    const held = this.perKey.get(keyId) ?? 0;
    if (held >= this.config.maxStreamsPerKey) {
      throw new ExactBodyException(
        {
          statusCode: 429,
          error: 'Too Many Requests',
          message: `this key already holds ${held} open event streams (SSE_MAX_STREAMS_PER_KEY); close one first`,
          code: 'too_many_streams',
          retry_after: STREAMS_RETRY_AFTER_SECONDS,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    this.perKey.set(keyId, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.perKey.get(keyId) ?? 1) - 1;
      if (left > 0) this.perKey.set(keyId, left);
      else this.perKey.delete(keyId);
    };
  }

  add(connection: SseConnection): void {
    this.open.add(connection);
  }

  /** Called once per stream when it ends. */
  ended(connection: SseConnection, reason: 'closed' | 'cut-off' | 'aborted'): void {
    this.open.delete(connection);
    if (reason === 'cut-off') this.cutOffCount++;
    this.peakOfEnded = Math.max(this.peakOfEnded, connection.peakBufferedBytes);
  }

  stats(): SseStats {
    let peak = this.peakOfEnded;
    for (const connection of this.open) peak = Math.max(peak, connection.peakBufferedBytes);
    return { open: this.open.size, cutOff: this.cutOffCount, peakBufferedBytes: peak };
  }
}
