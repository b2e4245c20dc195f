import { Injectable, RequestMethod, type ExecutionContext, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';

/**
 * Which controller method serves a Fastify route (`POST /v1/bots/:bot_id/reviews`), so that code
 * running before Nest's router — a Fastify hook, the error handler — can read the same decorators the
 * guards read. Built once from Nest's own controller metadata.
 */
@Injectable()
export class RouteTable {
  private routes: Map<string, ExecutionContext> | undefined;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  /**
   * A context with the route's handler and controller class (no request arguments), or undefined for
   * a route Nest did not declare (Swagger's pages, for instance).
   */
  find(method: string, url: string): ExecutionContext | undefined {
    this.routes ??= this.build();
    return this.routes.get(`${method} ${url}`);
  }

  private build(): Map<string, ExecutionContext> {
    const routes = new Map<string, ExecutionContext>();
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as (...args: unknown[]) => unknown;
        const methodPaths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (methodPaths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const context = new ExecutionContextHost([], controller, handler);
        for (const base of asList(Reflect.getMetadata(PATH_METADATA, controller))) {
          for (const path of asList(methodPaths)) routes.set(`${method} ${joinPath(base, path)}`, context);
        }
      }
    }
    return routes;
  }
}

function asList(paths: string | string[] | undefined): string[] {
  return paths === undefined ? [''] : Array.isArray(paths) ? paths : [paths];
}

/** The path as Nest registers it: one leading slash, no doubled or trailing ones. */
function joinPath(base: string, path: string): string {
  const joined = `/${base}/${path}`.replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}
