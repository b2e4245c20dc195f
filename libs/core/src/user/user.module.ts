import { Module } from '@nestjs/common';
import { ErasePersonalDataHandler } from './erase-personal-data/erase-personal-data.handler';
import { GetUserHandler } from './get-user/get-user.handler';
import { RecordUserProfileHandler } from './record-user-profile/record-user-profile.handler';

/** Command and query handlers of the user context. */
@Module({ providers: [RecordUserProfileHandler, GetUserHandler, ErasePersonalDataHandler] })
export class UserModule {}
