import { createGuildhallClient, type GuildhallClient, type GuildhallClientOptions } from './client';
import { unwrap } from './errors';
import type { components } from './generated/schema';

export type HexifyServer = components['schemas']['HexifyServerResponse'];
export type HexifyQueue = components['schemas']['HexifyQueueResponse'];
export type HexifyOptions = Omit<GuildhallClientOptions, 'apiKey'>;

/**
 * Hexify's documented quick start (`api.servers.get(id)`, `api.music.getQueue(id)`) as a thin
 * mapping onto the typed client: each method is one call of the `/v2` operation it names, returning
 * the success body or throwing a GuildhallApiError. Everything else: `api.client.GET(…)`.
 */
export class Hexify {
  readonly client: GuildhallClient;

  constructor(apiKey: string | (HexifyOptions & { apiKey: string }), options: HexifyOptions = {}) {
    this.client = createGuildhallClient(
      typeof apiKey === 'string' ? { ...options, apiKey } : { ...options, ...apiKey },
    );
  }

  readonly servers = {
    /** `GET /v2/servers/{server_id}` */
    get: (serverId: string): Promise<HexifyServer> =>
      unwrap(this.client.GET('/v2/servers/{server_id}', { params: { path: { server_id: serverId } } })),
  };

  readonly music = {
    /** `GET /v2/servers/{server_id}/music/queue` */
    getQueue: (serverId: string): Promise<HexifyQueue> =>
      unwrap(
        this.client.GET('/v2/servers/{server_id}/music/queue', {
          params: { path: { server_id: serverId } },
        }),
      ),
  };
}
