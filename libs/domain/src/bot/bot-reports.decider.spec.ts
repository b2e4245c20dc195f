import { describe, it } from 'node:test';
import { DeciderSpecification, SPEC_NOW } from '../testing/decider-spec';
import type { RecordBotReview, SampleBotStatus } from './bot.commands';
import { botDecider } from './bot.decider';
import type { BotEvent } from './bot.events';
import { BOT_ID, REVIEWER_ID, approved, registered } from './bot.fixtures';

const spec = DeciderSpecification.for(botDecider);

describe('ReportGuildCount', () => {
  const report = (guildCount: unknown) =>
    ({ type: 'ReportGuildCount', botId: BOT_ID, guildCount }) as {
      type: 'ReportGuildCount';
      botId: string;
      guildCount: number;
    };
  const reported = (guildCount: number): BotEvent => ({
    type: 'BotGuildCountReported',
    data: { botId: BOT_ID, guildCount },
  });

  it('given no history, when a count is reported, then it is refused as not found', () => {
    spec.given([]).when(report(1)).thenThrows('not_found', 'bot_not_found');
  });

  it('given a bot not yet approved, when a count is reported, then it is refused as not found', () => {
    spec.given([registered]).when(report(54783)).thenThrows('not_found', 'bot_not_approved');
  });

  it('given an approved bot, when a count is reported, then BotGuildCountReported', () => {
    spec
      .given([registered, approved])
      .when(report(54783))
      .then([reported(54783)]);
  });

  it('given an approved bot, when 0 is reported, then it is recorded', () => {
    spec
      .given([registered, approved])
      .when(report(0))
      .then([reported(0)]);
  });

  it('given a reported count, when the same count is reported, then nothing happens', () => {
    spec
      .given([registered, approved, reported(7)])
      .when(report(7))
      .thenNothing();
  });

  for (const bad of [-1, 1.5, '54783', null, Number.MAX_SAFE_INTEGER + 1]) {
    it(`given an approved bot, when ${JSON.stringify(bad)} is reported, then it is refused as invalid`, () => {
      spec
        .given([registered, approved])
        .when(report(bad))
        .thenThrows('invalid', 'invalid_guild_count', 'guildCount');
    });
  }
});

describe('RecordBotReview', () => {
  const review = (overrides: Partial<RecordBotReview> = {}): RecordBotReview => ({
    type: 'RecordBotReview',
    botId: BOT_ID,
    userId: REVIEWER_ID,
    rating: 5,
    text: 'Great bot',
    ...overrides,
  });
  const recorded = (rating: number, text: string | null): BotEvent => ({
    type: 'BotReviewRecorded',
    data: { botId: BOT_ID, userId: REVIEWER_ID, rating, text },
  });

  it('given a bot not yet approved, when reviewed, then it is refused as not found', () => {
    spec.given([registered]).when(review()).thenThrows('not_found', 'bot_not_approved');
  });

  it('given an approved bot, when reviewed, then BotReviewRecorded', () => {
    spec
      .given([registered, approved])
      .when(review())
      .then([recorded(5, 'Great bot')]);
  });

  it('given an approved bot, when reviewed with blank text, then the rating is recorded without text', () => {
    spec
      .given([registered, approved])
      .when(review({ rating: 1, text: '  ' }))
      .then([recorded(1, null)]);
  });

  it('given a review, when the same user reviews alike, then nothing happens', () => {
    spec
      .given([registered, approved, recorded(5, 'Great bot')])
      .when(review())
      .thenNothing();
  });

  it('given a review, when the same user changes the rating, then the new review replaces it', () => {
    spec
      .given([registered, approved, recorded(5, 'Great bot')])
      .when(review({ rating: 4 }))
      .then([recorded(4, 'Great bot')]);
  });

  const refusals: [string, Partial<RecordBotReview>, string, string][] = [
    ['a rating of 0', { rating: 0 }, 'invalid_rating', 'rating'],
    ['a rating of 6', { rating: 6 }, 'invalid_rating', 'rating'],
    ['a rating of 4.5', { rating: 4.5 }, 'invalid_rating', 'rating'],
    ['a 2,001-character text', { text: 'x'.repeat(2001) }, 'invalid_text', 'text'],
    ['a reviewer that is no snowflake', { userId: 'someone' }, 'invalid_user_id', 'userId'],
  ];
  for (const [what, overrides, code, field] of refusals) {
    it(`given an approved bot, when reviewed with ${what}, then it is refused (${code})`, () => {
      spec.given([registered, approved]).when(review(overrides)).thenThrows('invalid', code, field);
    });
  }
});

describe('SampleBotStatus', () => {
  const sample = (overrides: Partial<SampleBotStatus> = {}): SampleBotStatus => ({
    type: 'SampleBotStatus',
    botId: BOT_ID,
    sampledAt: '2025-12-31T23:00:00.000Z',
    latencyMs: 42,
    online: true,
    ...overrides,
  });
  const sampled = (
    data: Partial<Extract<BotEvent, { type: 'BotStatusSampled' }>['data']> = {},
  ): BotEvent => ({
    type: 'BotStatusSampled',
    data: {
      botId: BOT_ID,
      sampledAt: '2025-12-31T23:00:00.000Z',
      latencyMs: 42,
      online: true,
      commandsOk: true,
      ...data,
    },
  });

  it('given no history, when sampled, then it is refused as not found', () => {
    spec.given([]).when(sample()).thenThrows('not_found', 'bot_not_found');
  });

  it('given a registered bot, when an online sample comes, then commandsOk defaults to true', () => {
    spec.given([registered]).when(sample()).then([sampled()]);
  });

  it('given a registered bot, when a sample has no time, then it is dated at the decision', () => {
    spec
      .given([registered])
      .when(sample({ sampledAt: undefined }))
      .then([sampled({ sampledAt: SPEC_NOW })]);
  });

  it('given a registered bot, when an offline sample comes, then it is recorded without latency', () => {
    spec
      .given([registered])
      .when(sample({ online: false, latencyMs: null }))
      .then([sampled({ online: false, latencyMs: null, commandsOk: false })]);
  });

  it('given a sample, when the same or an older sample comes, then nothing happens', () => {
    spec.given([registered, sampled()]).when(sample()).thenNothing();
    spec
      .given([registered, sampled()])
      .when(sample({ sampledAt: '2025-12-30T00:00:00Z' }))
      .thenNothing();
  });

  const refusals: [string, Partial<SampleBotStatus>, string, string][] = [
    ['a negative latency', { latencyMs: -1 }, 'invalid_latency', 'latencyMs'],
    ['a latency over a minute', { latencyMs: 60_001 }, 'invalid_latency', 'latencyMs'],
    ['an offline bot with latency', { online: false }, 'offline_sample', 'online'],
    [
      'an offline bot answering commands',
      { online: false, latencyMs: null, commandsOk: true },
      'offline_sample',
      'online',
    ],
    ['a time that is no time', { sampledAt: 'yesterday' }, 'invalid_sampled_at', 'sampledAt'],
    ['a time two minutes ahead', { sampledAt: '2026-01-01T00:02:00.000Z' }, 'sample_in_future', 'sampledAt'],
  ];
  for (const [what, overrides, code, field] of refusals) {
    it(`given a registered bot, when sampled with ${what}, then it is refused (${code})`, () => {
      spec.given([registered]).when(sample(overrides)).thenThrows('invalid', code, field);
    });
  }
});
