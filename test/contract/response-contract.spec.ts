import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { RecordedResponse } from '../support/contract/response-log';
import { ResponseContract } from './response-contract';

const document = {
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/v1/things/{id}': {
      get: {
        responses: {
          '200': {
            description: 'a thing',
            headers: { 'X-RateLimit-Limit': { $ref: '#/components/headers/X-RateLimit-Limit' } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          '204': { description: 'nothing' },
        },
      },
    },
  },
  components: {
    headers: { 'X-RateLimit-Limit': { schema: { type: 'integer' } } },
    schemas: {
      Thing: {
        type: 'object',
        properties: {
          id: { type: 'string', pattern: '^[0-9]+$' },
          owner: { type: 'object', nullable: true, allOf: [{ $ref: '#/components/schemas/Owner' }] },
        },
        required: ['id', 'owner'],
      },
      Owner: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
    },
  },
} as unknown as OpenAPIObject;

const contract = new ResponseContract(document);
const response = (overrides: Partial<RecordedResponse>): RecordedResponse => ({
  source: 'spec',
  method: 'GET',
  route: '/v1/things/:id',
  url: '/v1/things/1',
  status: 200,
  contentType: 'application/json; charset=utf-8',
  headers: {},
  body: '{"id":"1","owner":{"name":"ada"}}',
  bytes: 33,
  ...overrides,
});

describe('the response contract', () => {
  it('given responses the document describes, then there is nothing to report', () => {
    assert.deepEqual(contract.check(response({})), []);
    assert.deepEqual(contract.check(response({ body: '{"id":"1","owner":null}' })), []);
    assert.deepEqual(contract.check(response({ headers: { 'x-ratelimit-limit': '100' } })), []);
    assert.deepEqual(
      contract.check(response({ status: 204, contentType: undefined, body: null, bytes: 0 })),
      [],
    );
  });

  it('given a status the operation does not document, then it is reported', () => {
    assert.deepEqual(contract.check(response({ status: 418 })), ['status 418 is not documented']);
  });

  it('given a field the schema does not list, or a wrong type, then the body is reported', () => {
    assert.match(
      contract.check(response({ body: '{"id":"1","owner":null,"extra":1}' })).join(),
      /additional/,
    );
    assert.match(contract.check(response({ body: '{"id":1,"owner":null}' })).join(), /\/id must be string/);
    assert.match(contract.check(response({ body: '{"id":"1","owner":{}}' })).join(), /name/);
  });

  it('given an own header the response does not declare, or a value of the wrong type, then it is reported', () => {
    assert.deepEqual(contract.check(response({ headers: { 'retry-after': '3' } })), [
      'header retry-after is not declared',
    ]);
    assert.deepEqual(contract.check(response({ headers: { 'x-ratelimit-limit': 'many' } })), [
      'header x-ratelimit-limit: many is not an integer',
    ]);
  });

  it('given another media type, or a body where none is declared, then it is reported', () => {
    assert.match(contract.check(response({ contentType: 'text/html' })).join(), /media type text\/html/);
    assert.deepEqual(contract.check(response({ status: 204 })), ['a body where the document declares none']);
  });

  it('given a compressed body, then its media type is checked but not its bytes', () => {
    const zipped = response({ contentEncoding: 'gzip', body: null, bytes: 0 });
    assert.deepEqual(contract.check(zipped), []);
    assert.match(contract.check({ ...zipped, contentType: 'text/html' }).join(), /media type text\/html/);
  });

  it('given a route the document lacks, then it is reported; Swagger UI and unmatched URLs are not the API', () => {
    assert.deepEqual(contract.check(response({ route: '/v1/others/:id' })), [
      'GET /v1/others/{id} is not in the document',
    ]);
    assert.deepEqual(contract.check(response({ method: 'POST' })), [
      'POST /v1/things/{id} is not in the document',
    ]);
    assert.deepEqual(contract.check(response({ route: '/docs/openapi.json', body: '{}' })), []);
    assert.deepEqual(contract.check(response({ route: undefined, url: '/nowhere', status: 404 })), []);
    const preflight = {
      method: 'OPTIONS',
      route: '*',
      status: 204,
      contentType: undefined,
      body: null,
      bytes: 0,
    };
    assert.deepEqual(contract.check(response(preflight)), [], 'a CORS preflight is not an operation');
  });

  it('given a response to no route whose URL fits a documented path (an over-long id), then it is checked there', () => {
    const tooLong = response({ route: undefined, url: `/v1/things/${'1'.repeat(120)}`, status: 414 });
    assert.deepEqual(contract.check(tooLong), ['status 414 is not documented']);
  });
});
