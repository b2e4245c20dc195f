import { Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { routePolicy } from '../auth/route-policy';
import type { Dialect } from '../auth/dialect';
import { RouteTable } from '../http-input/route-table';

const WIRE_FIELDS = 'guildhall:wire-fields';

/**
 * Names a route's clients use for fields the domain calls otherwise, where the snake_case form of
 * the domain's name is not it: `@WireFields({ toIndex: 'index' })`.
 */
export const WireFields = (names: Readonly<Record<string, string>>) => SetMetadata(WIRE_FIELDS, names);

// Dialects whose bodies are snake_case, as the domain's camelCase names become by default. Bots on
// Discord writes camelCase itself; Elixir's fields are its own (`user.id`) and named per route.
const SNAKE_CASE: ReadonlySet<Dialect> = new Set(['canonical', 'hexify', 'hush', 'botnexus']);

/**
 * Puts a domain refusal in the client's words: the domain names the field it checked (`timeZone`,
 * `toIndex`), the client sent `time_zone` or `index`. Runs only when an error is answered.
 */
@Injectable()
export class WireNames {
  constructor(
    private readonly reflector: Reflector,
    private readonly routes: RouteTable,
  ) {}

  rename(request: FastifyRequest, field: string, message: string): { field: string; message: string } {
    const { method, url } = request.routeOptions;
    const context = url === undefined ? undefined : this.routes.find(method as string, url);
    if (!context) return { field, message };
    const named = this.reflector.getAllAndOverride<Record<string, string> | undefined>(WIRE_FIELDS, [
      context.getHandler(),
      context.getClass(),
    ]);
    const snake = SNAKE_CASE.has(routePolicy(this.reflector, context).dialect);
    const wire = named?.[field] ?? (snake ? field.split('.').map(snakeCase).join('.') : field);
    if (wire === field) return { field, message };
    return { field: wire, message: message.replace(new RegExp(`\\b${escape(field)}\\b`, 'g'), wire) };
  }
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
