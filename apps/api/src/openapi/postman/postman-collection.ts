import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import { convertV2 } from 'openapi-to-postmanv2';
import { postmanTestScript } from './postman-tests';
import { keyVariableOf } from './postman-environment';

/** The parts of a Postman v2.1 collection this module reads or writes. */
interface PostmanAuth {
  type: string;
  bearer?: { key: string; value: string }[];
  apikey?: { key: string; value: string }[];
}
interface PostmanItem {
  name: string;
  item?: PostmanItem[];
  request?: { method: string; url: { path: string[] }; auth?: PostmanAuth };
  event?: { listen: string; script: { type: string; exec: string[] } }[];
}
export interface PostmanCollection {
  info: Record<string, unknown>;
  item: PostmanItem[];
  variable?: { key: string; value: string }[];
}

const CONVERSION_OPTIONS = {
  folderStrategy: 'Tags',
  requestNameSource: 'Fallback',
  // The documented examples (the seeds'), not values faked from the schemas.
  parametersResolution: 'Example',
  // Optional parameters are listed but not sent (an If-None-Match example would turn a read into a 304).
  enableOptionalParameters: false,
  includeAuthInfoInExample: false,
} as const;

function convert(document: OpenAPIObject): Promise<PostmanCollection> {
  return new Promise((resolve, reject) =>
    // The converter reads the document without copying it: give it a copy of its own.
    convertV2({ type: 'json', data: structuredClone(document) }, CONVERSION_OPTIONS, (error, result) => {
      if (error) return reject(error);
      if (!result?.result || !result.output)
        return reject(new Error(`OpenAPI to Postman: ${result?.reason ?? 'no result'}`));
      resolve(result.output[0].data as PostmanCollection);
    }),
  );
}

function operationOf(document: OpenAPIObject, item: PostmanItem): OperationObject {
  const request = item.request!;
  const path = `/${request.url.path.map((s) => s.replace(/^:(.+)$/, '{$1}')).join('/')}`;
  const operation = document.paths[path]?.[request.method.toLowerCase() as 'get'];
  if (!operation)
    throw new Error(`Postman request ${request.method} ${path} has no operation in the document`);
  return operation;
}

/** The converter names one token variable for every bearer route; each dialect has its own key. */
function useTheDialectsKey(auth: PostmanAuth | undefined, tag: string): void {
  const variable = `{{${keyVariableOf(tag)}}}`;
  for (const field of [...(auth?.bearer ?? []), ...(auth?.apikey ?? [])]) {
    if (field.key === 'token' || field.key === 'value') field.value = variable;
  }
}

/**
 * The Postman collection (v2.1) of the API, converted from the OpenAPI document by
 * openapi-to-postmanv2: one folder per tag, every operation with its documented example, each
 * request authorized with its dialect's key variable (postman-environment.ts) and tested against the
 * document (postman-tests.ts).
 */
export async function createPostmanCollection(
  document: OpenAPIObject,
  baseUrl: string,
): Promise<PostmanCollection> {
  const collection = await convert(document);
  for (const folder of collection.item) {
    for (const item of folder.item ?? [folder]) {
      const operation = operationOf(document, item);
      useTheDialectsKey(item.request!.auth, operation.tags?.[0] ?? folder.name);
      item.event = [
        { listen: 'test', script: { type: 'text/javascript', exec: postmanTestScript(document, operation) } },
      ];
    }
  }
  collection.variable = [{ key: 'baseUrl', value: baseUrl }];
  return collection;
}
