import { Module } from '@nestjs/common';
import { ConfigModule } from '#config';
import { CoreModule } from '#core';

/** The CLI door: the same core as the server, with no HTTP, no live projections and no analytics store. */
@Module({
  imports: [ConfigModule.forRoot({ runProjections: false }), CoreModule.forRoot({ serving: false })],
})
export class CliModule {}
