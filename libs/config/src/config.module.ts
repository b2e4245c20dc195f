import { Global, Module } from '@nestjs/common';
import { loadConfig, type GuildhallConfig } from './config';

/** Injection token for the loaded configuration. */
export const GUILDHALL_CONFIG = Symbol('GUILDHALL_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  static forRoot(overrides: Partial<GuildhallConfig> = {}) {
    return {
      module: ConfigModule,
      providers: [{ provide: GUILDHALL_CONFIG, useValue: { ...loadConfig(), ...overrides } }],
      exports: [GUILDHALL_CONFIG],
    };
  }
}
