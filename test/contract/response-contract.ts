import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import type { RecordedResponse } from '../support/contract/response-log';
import { toJsonSchema } from '#api/openapi/json-schema';

/** The Ajv schema id the document's component schemas are registered under. */
const COMPONENTS_ID = 'guildhall-openapi';
const COMPONENT_REF = `${COMPONENTS_ID}#/definitions/`;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** Routes that are not the API: Swagger UI and the document itself. */
const NOT_THE_API = /^\/docs(\/|$)/;

interface Operation {
  readonly path: string;
  readonly method: string;
  readonly operation: OperationObject;
}

/**
 * The OpenAPI document as a contract: `check` says what is wrong with one response the app sent
 * (status, media type, body, the API's own headers), or nothing when the document describes it.
 */
export class ResponseContract {
  private readonly ajv = new Ajv({ allErrors: true, strictTypes: false, allowUnionTypes: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly templates: { regex: RegExp; path: string }[];

  constructor(private readonly document: OpenAPIObject) {
    addFormats(this.ajv);
    this.ajv.addKeyword('example');
    this.ajv.addSchema({
      $id: COMPONENTS_ID,
      definitions: toJsonSchema(document.components?.schemas ?? {}, COMPONENT_REF),
    });
    this.templates = Object.keys(document.paths).map((path) => ({
      path,
      regex: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
  }

  /** Every operation, as `GET /v2/servers/{server_id}`. */
  operations(): string[] {
    return Object.entries(this.document.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`),
    );
  }

  /** The operation a response answered, `undefined` for routes that are not the API. */
  operationOf(record: RecordedResponse): Operation | undefined | string {
    const path = record.route
      ? record.route.replace(/:([A-Za-z0-9_]+)/g, '{$1}')
      : this.templates.find((t) => t.regex.test(record.url.split('?')[0]))?.path;
    // A CORS preflight (@fastify/cors's OPTIONS route) asks about an operation; it is not one.
    if (path === undefined || NOT_THE_API.test(path) || record.method === 'OPTIONS') return undefined;
    const item = this.document.paths[path];
    if (!item) return `${record.method} ${path} is not in the document`;
    const operation = item[record.method.toLowerCase() as (typeof METHODS)[number]];
    if (!operation) return `${record.method} ${path} is not in the document`;
    return { path, method: record.method.toLowerCase(), operation };
  }

  /** What the document does not describe about this response; empty when it does. */
  check(record: RecordedResponse): string[] {
    const found = this.operationOf(record);
    if (found === undefined) return [];
    if (typeof found === 'string') return [found];
    const { path, method, operation } = found;
    const status = String(record.status);
    const response = operation.responses[status] as ResponseObject | undefined;
    if (!response) return [`status ${status} is not documented`];
    return [
      ...this.checkHeaders(record, response),
      ...this.checkBody(record, response, `${method} ${path} ${status}`),
    ];
  }

  private checkHeaders(record: RecordedResponse, response: ResponseObject): string[] {
    const declared = new Map(
      Object.entries(response.headers ?? {}).map(([name, header]) => [name.toLowerCase(), header]),
    );
    return Object.entries(record.headers).flatMap(([name, value]) => {
      const header = declared.get(name);
      if (!header) return [`header ${name} is not declared`];
      const ref = '$ref' in header ? header.$ref.split('/').pop()! : undefined;
      const schema = ref ? this.document.components?.headers?.[ref] : header;
      const integer =
        schema &&
        'schema' in schema &&
        schema.schema &&
        'type' in schema.schema &&
        schema.schema.type === 'integer';
      return integer && !/^-?\d+$/.test(value) ? [`header ${name}: ${value} is not an integer`] : [];
    });
  }

  private checkBody(record: RecordedResponse, response: ResponseObject, key: string): string[] {
    const content = response.content ?? {};
    const empty = record.bytes === 0 && !record.body;
    if (Object.keys(content).length === 0) return empty ? [] : ['a body where the document declares none'];
    const mediaType = record.contentType?.split(';')[0].trim().toLowerCase();
    const declared = Object.keys(content).find(
      (type) => type === mediaType || (type.endsWith('/*') && mediaType?.startsWith(type.slice(0, -1))),
    );
    if (!mediaType || !declared) {
      return [`media type ${mediaType ?? '(none)'} is not one of ${Object.keys(content).join(', ')}`];
    }
    // A compressed body is the same JSON a client without Accept-Encoding gets (checked there).
    if (!declared.endsWith('json') || record.contentEncoding) return [];
    if (record.body === null) return ['a JSON body too large to check or not text'];
    const validate = this.validator(`${key} ${declared}`, content[declared].schema);
    let body: unknown;
    try {
      body = JSON.parse(record.body);
    } catch {
      return ['the body is not JSON'];
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (e) => `body${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`,
    );
  }

  private validator(key: string, schema: unknown): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate)
      this.validators.set(
        key,
        (validate = this.ajv.compile(toJsonSchema(schema ?? {}, COMPONENT_REF) as object)),
      );
    return validate;
  }
}
