import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { StreamsService as StreamsDefinition } from '@eventstore/db-client/generated/streams_grpc_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { GossipService } from '@eventstore/db-client/generated/gossip_grpc_pb';
import { ClusterInfo, EndPoint, MemberInfo } from '@eventstore/db-client/generated/gossip_pb';
import { UUID } from '@eventstore/db-client/generated/shared_pb';
import { FakeLog, type ProposedEvent } from './fake-log';
import { StreamsService } from './streams-service';
import { SubscriptionHub } from './subscriptions';

export interface FakeEsdbOptions {
  /** Send CaughtUp when a subscription goes live (EventStoreDB 23.10+). Default true. */
  readonly sendsCaughtUp?: boolean;
  /** Listen on this port (default: any free one); with `log`, a stopped server can be restarted. */
  readonly port?: number;
  /** Start with this log instead of a new one, as a restarted node keeps its data. */
  readonly log?: FakeLog;
}

export interface FakeEsdbServer {
  /** Connection string for `EventStoreDBClient.connectionString`. */
  readonly url: string;
  readonly port: number;
  /** The same node through gossip discovery (`esdb+discover://`), as cluster connection strings use. */
  readonly discoverUrl: string;
  /** The in-memory log, for assertions and for writing system events the adapter must hide. */
  readonly log: FakeLog;
  /** Ends every active subscription with UNAVAILABLE; returns how many were dropped. */
  dropSubscriptions(): number;
  /** Number of subscriptions currently open on the server. */
  readonly subscriptionCount: number;
  stop(): Promise<void>;
}

const STREAMS_SERVICE = 'event_store.client.streams.streams';
const instanceId = randomUUID();

/**
 * Starts an in-memory EventStoreDB speaking the real gRPC protocol on 127.0.0.1 (random port), built from
 * the service definitions `@eventstore/db-client` ships. It answers ServerFeatures without BatchAppend, so
 * the client appends with the plain Append call.
 */
export async function startFakeEsdb(options: FakeEsdbOptions = {}): Promise<FakeEsdbServer> {
  const log = options.log ?? new FakeLog();
  // A real log is never empty: system streams the adapter must keep out of its results.
  if (!options.log) log.append('$settings', { kind: 'any' }, [systemEvent('$settings')]);
  const hub = new SubscriptionHub(log, { sendsCaughtUp: options.sendsCaughtUp ?? true });
  const streams = new StreamsService(log, hub);

  const server = new Server();
  server.addService(StreamsDefinition, {
    read: streams.read.bind(streams),
    append: streams.append.bind(streams),
  } as UntypedServiceImplementation);
  server.addService(ServerFeaturesService, {
    getSupportedMethods: (_call: unknown, callback: (error: null, value: SupportedMethods) => void) =>
      callback(null, supportedMethods()),
  } as UntypedServiceImplementation);

  let port = options.port ?? 0;
  // Gossip: a one-node cluster whose leader is this server.
  server.addService(GossipService, {
    read: (_call: unknown, callback: (error: null, value: ClusterInfo) => void) =>
      callback(null, new ClusterInfo().setMembersList([leader(port)])),
  } as UntypedServiceImplementation);

  port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${port}`, ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );

  return {
    port,
    url: `esdb://127.0.0.1:${port}?tls=false`,
    discoverUrl: `esdb+discover://127.0.0.1:${port}?tls=false`,
    log,
    dropSubscriptions: () => hub.dropAll(),
    get subscriptionCount() {
      return hub.count;
    },
    stop: async () => {
      hub.dropAll();
      server.forceShutdown();
    },
  };
}

function leader(port: number): MemberInfo {
  return new MemberInfo()
    .setInstanceId(new UUID().setString(instanceId))
    .setTimeStamp(String(Date.now()))
    .setState(MemberInfo.VNodeState.LEADER)
    .setIsAlive(true)
    .setHttpEndPoint(new EndPoint().setAddress('127.0.0.1').setPort(port));
}

function supportedMethods(): SupportedMethods {
  const methods = ['read', 'append'].map((name) =>
    new SupportedMethod().setServiceName(STREAMS_SERVICE).setMethodName(name),
  );
  return new SupportedMethods().setEventStoreServerVersion('24.10.0-fake').setMethodsList(methods);
}

/** A system event (stream and type starting with `$`), as the real server writes them. */
export function systemEvent(type: string): ProposedEvent {
  return {
    id: randomUUID(),
    type,
    contentType: 'application/json',
    data: Buffer.from('{}'),
    metadata: new Uint8Array(),
  };
}
