import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { applyDecorators } from '@nestjs/common';
import { ApiPathParam, ApiSnowflakeParam } from '../openapi/params';

const WEBHOOK_ID = /^wh_[0-9a-f]{24}$/;
const DELIVERY_ID = /^dlv_[0-9a-f]{24}$/;

/** Checks a path id's shape so a typo is a 400 naming the parameter, not a 404. */
export class IdPipe implements PipeTransform<string, string> {
  constructor(
    private readonly name: 'webhook_id' | 'delivery_id',
    private readonly pattern: RegExp = name === 'webhook_id' ? WEBHOOK_ID : DELIVERY_ID,
  ) {}

  transform(value: string): string {
    if (!this.pattern.test(value)) {
      throw new BadRequestException(
        `${this.name} must look like ${this.name === 'webhook_id' ? 'wh_' : 'dlv_'} and 24 hex digits`,
      );
    }
    return value;
  }
}

export const ApiWebhookParams = () =>
  applyDecorators(
    ApiSnowflakeParam('id', '123456789012345678', 'Discord guild id'),
    ApiPathParam(
      'webhook_id',
      { type: 'string', pattern: WEBHOOK_ID.source },
      'wh_5f0c2a9e8b7d6c5b4a3f2e1d',
      'The webhook id',
    ),
  );

export const ApiDeliveryParam = () =>
  ApiPathParam(
    'delivery_id',
    { type: 'string', pattern: DELIVERY_ID.source },
    'dlv_0a1b2c3d4e5f60718293a4b5',
    'The delivery id',
  );
