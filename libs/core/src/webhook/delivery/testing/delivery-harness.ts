import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { webhookDecider, webhookStreamId, type WebhookCommand } from '#domain';
import { SqliteEventStore, type RecordedEvent } from '#eventstore';
import { AllowList, OutboundGuard } from '#outbound';
import { openReadModelDb } from '#projections';
import { systemContext } from '../../../command-handling/command-context';
import { decideAndAppend } from '../../../command-handling/decide-and-append';
import { WebhookSecretBox } from '../../secrets/webhook-secret-box';
import { DeliveryStore } from '../delivery-store';
import type { DeliveryRow } from '../delivery-tables';
import { systemClock, type WebhookClock } from '../webhook-clock';
import { WebhookDispatcher } from '../webhook-dispatcher';
import { WebhookReactor } from '../webhook-reactor';

export interface HarnessOptions {
  readonly clock?: WebhookClock;
  readonly timeoutMs?: number;
  readonly concurrency?: number;
  readonly random?: () => number;
}

/**
 * The delivery pipeline without Nest: a real SQLite event store and read-model file, the reactor,
 * the dispatcher and a guard that lets 127.0.0.1 through; endpoint changes go through the decider.
 */
export class DeliveryHarness {
  readonly dir = mkdtempSync(join(tmpdir(), 'guildhall-webhooks-'));
  readonly store = new SqliteEventStore({ file: join(this.dir, 'events.sqlite') });
  readonly db: DatabaseSync = openReadModelDb({ dataDir: this.dir });
  readonly deliveries = new DeliveryStore(this.db);
  readonly secrets = new WebhookSecretBox(randomBytes(32));
  readonly reactor: WebhookReactor;
  readonly dispatcher: WebhookDispatcher;
  readonly errors: unknown[] = [];

  constructor(options: HarnessOptions = {}) {
    const clock = options.clock ?? systemClock;
    const onError = (_message: string, error: unknown) => this.errors.push(error);
    this.dispatcher = new WebhookDispatcher({
      deliveries: this.deliveries,
      guard: new OutboundGuard({ allowList: new AllowList(['127.0.0.1']) }),
      secrets: this.secrets,
      clock,
      concurrency: options.concurrency ?? 16,
      timeoutMs: options.timeoutMs ?? 5_000,
      maxResponseBytes: 64 * 1024,
      random: options.random,
      onError,
      giveUp: async (route, _delivery, reason, failingSince) => {
        const since = new Date(failingSince).toISOString();
        await this.decide(route.guild_id, {
          type: 'DisableWebhookEndpoint',
          guildId: route.guild_id,
          webhookId: route.webhook_id,
          reason,
          failingSince: since,
        });
      },
    });
    this.reactor = new WebhookReactor({
      store: this.store,
      db: this.db,
      deliveries: this.deliveries,
      clock,
      onQueued: () => this.dispatcher.wake(),
      onRoutesChanged: () => this.dispatcher.routesChanged(),
      onError,
    });
  }

  start(): void {
    this.reactor.start();
    this.dispatcher.start();
  }

  decide(guildId: string, command: WebhookCommand) {
    return decideAndAppend(
      this.store,
      webhookDecider,
      webhookStreamId(guildId),
      command,
      systemContext('system', 'test'),
    );
  }

  /** Creates an endpoint and answers its plaintext secret. */
  async createEndpoint(
    guildId: string,
    webhookId: string,
    url: string,
    events: string[] = ['*'],
  ): Promise<string> {
    const secret = WebhookSecretBox.generateSecret();
    await this.decide(guildId, {
      type: 'CreateWebhookEndpoint',
      guildId,
      webhookId,
      url,
      events,
      secret: this.secrets.seal(secret),
    });
    return secret;
  }

  /** Appends one guild event carrying `n`, as any context's event names its guild. */
  async appendGuildEvent(guildId: string, n: number): Promise<number> {
    const result = await this.store.appendToStream(`guild-${guildId}`, [
      {
        id: crypto.randomUUID(),
        type: 'SettingsChanged',
        schemaVersion: 1,
        data: { guildId, changes: { prefix: `!${n}` } },
        metadata: {
          correlationId: 'c',
          causationId: null,
          actor: { kind: 'system', id: 'test' },
          door: 'system',
          occurredAt: new Date().toISOString(),
        },
      },
    ]);
    return result.position;
  }

  rows(webhookId: string): DeliveryRow[] {
    return this.deliveries.page(webhookId, -1, 100_000);
  }

  async webhookEvents(guildId: string): Promise<RecordedEvent[]> {
    return this.store.readStream(webhookStreamId(guildId));
  }

  async close(): Promise<void> {
    await this.reactor.stop();
    await this.dispatcher.stop();
    await this.store.close();
    this.db.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Polls until `check` holds (5 ms steps), failing after `timeoutMs` with `what`. */
export async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
