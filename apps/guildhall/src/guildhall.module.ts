import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule, GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { CoreModule } from '#core';
import { HttpDoorModule } from '#api/http-door.module';
import { requestIdOf } from '#api/http-input/request-id';
import { DiscordDoorModule } from '#bot/discord-door.module';
import type { Doors } from './doors';

/** The composition root: the configuration, the logs, the shared core, and the doors this process opens. */
@Module({})
export class GuildhallModule {
  static forRoot(config: GuildhallConfig, doors: Doors, { guards = true } = {}): DynamicModule {
    return {
      module: GuildhallModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRootAsync({
          inject: [GUILDHALL_CONFIG],
          useFactory: (config: GuildhallConfig) => ({
            pinoHttp: {
              level: config.logLevel,
              autoLogging: config.logRequests,
              // pino-http keeps the id Fastify gave the request (@fastify/middie copies it onto the raw
              // request), so every line of a request carries the X-Request-Id its answer echoes; this
              // only runs for a request Fastify did not name.
              genReqId: (request) => requestIdOf(request.headers),
              // Keys must never reach the logs.
              redact: ['req.headers.authorization', 'req.headers.cookie'],
            },
            // The per-request logger middleware costs about a third of the throughput of a cheap GET:
            // install it only when request lines are wanted.
            ...(config.logRequests ? {} : { forRoutes: [] }),
          }),
        }),
        CoreModule.forRoot({ serving: true }),
        ...(doors.http ? [HttpDoorModule.forRoot({ guards })] : []),
        ...(doors.discord ? [DiscordDoorModule.forRoot({ gateway: Boolean(config.discord) })] : []),
      ],
    };
  }
}
