import { ApiProperty } from '@nestjs/swagger';
import { ApiSnowflake } from '../openapi/params';

/** What `DELETE /v1/users/{id}/personal-data` did. */
export class PersonalDataErasureResponse {
  @ApiSnowflake({ example: '123456789012345678' }) user_id!: string;
  @ApiProperty({
    type: 'integer',
    example: 1,
    description: 'Keys forgotten now; 0 when none was left (never written, or erased before).',
  })
  keys_forgotten!: number;
  @ApiProperty({
    type: 'integer',
    example: 4211,
    description: 'Global position of the `PersonalDataErased` event.',
  })
  position!: number;
  @ApiProperty({
    type: [String],
    example: ['users', 'bots', 'apikeys'],
    description: 'Read models that had rewritten the erased data when this answer was sent.',
  })
  read_models_rewritten!: string[];
}
