import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { botStreamId, developerStreamId, type BotEvent, type DeveloperEvent } from '#domain';
import type { EventStore } from '#eventstore';
import { testEvent } from '#eventstore/testing/index';
import { ProjectionHost } from '../runtime/projection-host';
import { openTestStore, tempDir } from '../testing/fixtures';
import { DevelopersReadModel } from '../developers/developers.read-model';
import { developersProjection } from '../developers/developers.projection';
import { botsProjection } from './bots.projection';
import { BotsReadModel } from './bots.read-model';

const BOT = '125367104336691200';
const AT = '2026-01-01T00:00:00.000Z';
const sample = (
  sampledAt: string,
  latencyMs: number | null,
  online: boolean,
  commandsOk: boolean,
): BotEvent => ({
  type: 'BotStatusSampled',
  data: { botId: BOT, sampledAt, latencyMs, online, commandsOk },
});

describe('bots and developers projections', () => {
  const tmp = tempDir();
  let store: EventStore;
  let host: ProjectionHost;

  before(async () => {
    store = await openTestStore(tmp.dir);
    host = new ProjectionHost({
      store,
      projections: [botsProjection, developersProjection],
      dataDir: tmp.dir,
    });
    await host.start();
  });
  after(async () => {
    await host.stop();
    await store.close();
    tmp.remove();
  });

  const append = async (stream: string, projection: string, events: (BotEvent | DeveloperEvent)[]) => {
    const result = await store.appendToStream(
      stream,
      events.map((e) => testEvent(e.type, e.data, { metadata: { occurredAt: AT } })),
    );
    assert.equal(await host.waitForPosition(projection, result.position, 2_000), true);
  };

  it('given a bot with its whole history, when read, then the view folds it', async () => {
    await append(botStreamId(BOT), 'bots', [
      {
        type: 'BotRegistered',
        data: {
          botId: BOT,
          name: 'AniBot',
          ownerId: '1',
          prefix: '!',
          tags: [],
          shortDescription: '',
          inviteUrl: null,
        },
      },
      { type: 'BotApproved', data: { botId: BOT } },
      {
        type: 'BotMetaUpdated',
        data: { botId: BOT, changes: { tags: ['anime'], shortDescription: 'Anime' } },
      },
      { type: 'BotDetailsChanged', data: { botId: BOT, changes: { prefix: null } } },
      { type: 'BotGuildCountReported', data: { botId: BOT, guildCount: 54783 } },
      { type: 'BotCommandsSet', data: { botId: BOT, sort: 'none', commands: [] } },
      { type: 'BotReviewRecorded', data: { botId: BOT, userId: '2', rating: 5, text: 'Great' } },
      { type: 'BotReviewRecorded', data: { botId: BOT, userId: '3', rating: 2, text: null } },
      { type: 'BotReviewRecorded', data: { botId: BOT, userId: '3', rating: 4, text: 'Better now' } },
      sample('2026-01-01T00:00:00Z', 40, true, true),
      sample('2026-01-01T00:01:00Z', 50, true, false),
      sample('2026-01-01T00:02:00Z', null, false, false),
    ]);
    const bots = new BotsReadModel(host.db);
    assert.deepEqual(bots.get(BOT), {
      id: BOT,
      name: 'AniBot',
      ownerId: '1',
      prefix: null,
      tags: ['anime'],
      shortDescription: 'Anime',
      inviteUrl: null,
      approved: true,
      approvedAt: AT,
      guildCount: 54783,
      guildCountUpdatedAt: AT,
      commandCount: 0,
      avgLatencyMs: 45,
      uptime: 66.67,
      commandUptime: 33.33,
      samples: 3,
      lastSampledAt: '2026-01-01T00:02:00Z',
      reviewCount: 2,
      averageRating: 4.5,
      registeredAt: AT,
      revision: 11,
      updatedAt: AT,
    });
    assert.deepEqual(bots.commands(BOT), { sort: 'none', commands: [] });
    assert.equal(bots.hasReview(BOT, '3'), true);
    assert.equal(bots.hasReview(BOT, '4'), false);
    assert.deepEqual(
      bots.reviews(BOT).map((r) => [r.userId, r.rating, r.text]),
      [
        ['2', 5, 'Great'],
        ['3', 4, 'Better now'],
      ],
    );
  });

  it('given unset commands, when read, then the list is null and the count 0', async () => {
    await append(botStreamId(BOT), 'bots', [{ type: 'BotCommandsUnset', data: { botId: BOT } }]);
    assert.equal(new BotsReadModel(host.db).commands(BOT), null);
  });

  it('given a developer whose status changed, when read, then the view shows the latest status', async () => {
    await append(developerStreamId('arcdev'), 'developers', [
      {
        type: 'DeveloperRegistered',
        data: { username: 'arcdev', userId: null, verified: false, badge: null, apiTier: 'free' },
      },
      {
        type: 'DeveloperStatusChanged',
        data: { username: 'arcdev', changes: { verified: true, badge: 'partner' } },
      },
    ]);
    const view = new DevelopersReadModel(host.db).get('arcdev');
    assert.deepEqual(
      { verified: view?.verified, badge: view?.badge, apiTier: view?.apiTier, userId: view?.userId },
      { verified: true, badge: 'partner', apiTier: 'free', userId: null },
    );
    assert.equal(new DevelopersReadModel(host.db).get('nobody'), null);
  });

  it('given a rebuild from position 0, then every view is the same (counters are not doubled)', async () => {
    const bots = new BotsReadModel(host.db);
    const before = { bot: bots.get(BOT), reviews: bots.reviews(BOT) };
    const developer = new DevelopersReadModel(host.db).get('arcdev');
    await host.rebuild('bots');
    await host.rebuild('developers');
    const after = new BotsReadModel(host.db);
    assert.deepEqual({ bot: after.get(BOT), reviews: after.reviews(BOT) }, before);
    assert.deepEqual(new DevelopersReadModel(host.db).get('arcdev'), developer);
  });

  it('given an unknown bot, then null and no review', () => {
    const bots = new BotsReadModel(host.db);
    assert.equal(bots.get('1'), null);
    assert.equal(bots.hasReview('1', '2'), false);
  });
});
