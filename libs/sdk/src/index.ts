export { createGuildhallClient, DEFAULT_BASE_URL } from './client';
export type { GuildhallClient, GuildhallClientOptions } from './client';
export { GuildhallApiError, unwrap } from './errors';
export { Hexify } from './hexify';
export type { HexifyOptions, HexifyQueue, HexifyServer } from './hexify';
export type { components, operations, paths } from './generated/schema';
export { verifyWebhook, WebhookVerificationError } from './webhooks';
export type { VerifyOptions, WebhookPayload } from './webhooks';
