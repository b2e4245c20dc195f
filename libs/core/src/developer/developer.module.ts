import { Module } from '@nestjs/common';
import { GetDeveloperHandler } from './get-developer/get-developer.handler';
import { RegisterDeveloperHandler } from './register-developer/register-developer.handler';

/** Command and query handlers of the developer context. */
@Module({ providers: [RegisterDeveloperHandler, GetDeveloperHandler] })
export class DeveloperModule {}
