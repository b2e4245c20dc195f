import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ApiKeyModule } from '#core';
import { KeyBeforeBody } from './key-before-body';
import { RouteTable } from './route-table';

/** What runs on a request before Nest's router: the route table, and the key check before the body. */
@Module({
  imports: [DiscoveryModule, ApiKeyModule],
  providers: [RouteTable, KeyBeforeBody],
  exports: [RouteTable, KeyBeforeBody],
})
export class HttpInputModule {}
