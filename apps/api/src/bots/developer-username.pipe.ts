import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { isDeveloperUsername } from '#domain';

/**
 * Discord usernames are lowercase, so `ArcDev` names the same developer as `arcdev`; anything that is
 * no username at all is a 400 naming the parameter.
 */
export class DeveloperUsernamePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const username = typeof value === 'string' ? value.toLowerCase() : '';
    if (!isDeveloperUsername(username)) {
      throw new BadRequestException('username must be 2–32 letters, digits, _ or . (no ..)');
    }
    return username;
  }
}
