import { Global, Module } from '@nestjs/common';
import { loadOutboundConfig, type OutboundConfig } from '#config';
import { AllowList, AllowListError } from './allow-list';
import { OutboundGuard } from './outbound-guard';

/** Builds the process's guard from the configuration; a bad `OUTBOUND_ALLOWED_HOSTS` fails at start. */
export function guardFromConfig(config: OutboundConfig = loadOutboundConfig()): OutboundGuard {
  try {
    const { allowedHosts, timeoutMs, idleTimeoutMs, maxResponseBytes: maxBytes, maxRedirects } = config;
    return new OutboundGuard({
      allowList: new AllowList(allowedHosts),
      limits: { timeoutMs, idleTimeoutMs, maxBytes, maxRedirects },
    });
  } catch (error) {
    if (error instanceof AllowListError) throw new AllowListError(`OUTBOUND_ALLOWED_HOSTS: ${error.message}`);
    throw error;
  }
}

/** One `OutboundGuard` for every outbound request the process makes (music now, webhooks later). */
@Global()
@Module({
  providers: [{ provide: OutboundGuard, useFactory: () => guardFromConfig() }],
  exports: [OutboundGuard],
})
export class OutboundModule {}
