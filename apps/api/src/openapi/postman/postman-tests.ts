import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import { toJsonSchema } from '../json-schema';

/** What the document says an operation answers, per status: JSON schemas by media type, or none for no body. */
type DocumentedAnswers = Record<string, Record<string, unknown>>;

const COMPONENT_REF = /"\$ref":"#\/definitions\/([^"]+)"/g;

/** The component schemas `schema` needs, itself included, following references. */
function definitionsFor(document: OpenAPIObject, roots: unknown[]): Record<string, unknown> {
  const components = document.components?.schemas ?? {};
  const definitions: Record<string, unknown> = {};
  const pending = roots.map((root) => JSON.stringify(root));
  while (pending.length > 0) {
    for (const [, name] of pending.pop()!.matchAll(COMPONENT_REF)) {
      if (name in definitions) continue;
      definitions[name] = toJsonSchema(components[name]);
      pending.push(JSON.stringify(definitions[name]));
    }
  }
  return definitions;
}

function documentedAnswers(operation: OperationObject): DocumentedAnswers {
  return Object.fromEntries(
    Object.entries(operation.responses).map(([status, response]) => [
      status,
      Object.fromEntries(
        Object.entries((response as ResponseObject).content ?? {}).map(([type, media]) => [
          type,
          type.endsWith('json') && media.schema ? toJsonSchema(media.schema) : null,
        ]),
      ),
    ]),
  );
}

/** The 2xx statuses the operation documents: what its example should get. */
export function documentedSuccesses(operation: OperationObject): number[] {
  const statuses = Object.keys(operation.responses)
    .map(Number)
    .filter((status) => status >= 200 && status < 300);
  if (statuses.length === 0) throw new Error(`${operation.operationId} documents no success`);
  return statuses;
}

/** The variable that, when set, names the status a run expects instead of a documented success. */
export const expectedStatusVariable = (operationId: string) => `expectedStatus.${operationId}`;

/**
 * A request's test script: the status is a documented success (unless the run's variables say
 * otherwise for this operation, see expectedStatusVariable), the document describes the status that
 * came, and the body matches the document's schema for that status and media type (read strictly,
 * as the contract check of the test run reads it: a field the document does not describe fails).
 */
export function postmanTestScript(document: OpenAPIObject, operation: OperationObject): string[] {
  const answers = documentedAnswers(operation);
  const definitions = definitionsFor(document, Object.values(answers));
  const operationId = operation.operationId ?? '';
  return [
    '// Generated from the OpenAPI document (GET /docs/openapi.json) for this operation.',
    `const answers = ${JSON.stringify(answers)};`,
    `const definitions = ${JSON.stringify(definitions)};`,
    `const override = pm.variables.get(${JSON.stringify(expectedStatusVariable(operationId))});`,
    `const expected = override ? [Number(override)] : ${JSON.stringify(documentedSuccesses(operation))};`,
    'const status = pm.response.code;',
    "pm.test('answers ' + expected.join(' or '), () => pm.expect(status).to.be.oneOf(expected));",
    'const documented = answers[String(status)];',
    "pm.test('the document describes status ' + status, () => pm.expect(documented, 'status not documented').to.be.an('object'));",
    'if (documented) {',
    "  const mediaType = (pm.response.headers.get('Content-Type') || '').split(';')[0].trim();",
    "  const documentedType = Object.keys(documented).find((type) => type === mediaType || (type.endsWith('/*') && mediaType.startsWith(type.slice(0, -1))));",
    '  if (Object.keys(documented).length === 0) {',
    "    pm.test('no body, as documented', () => pm.expect(pm.response.text()).to.equal(''));",
    '  } else {',
    "    pm.test('media type ' + mediaType + ' is documented', () => pm.expect(documentedType, 'documented: ' + Object.keys(documented).join(', ')).to.be.a('string'));",
    '    const schema = documentedType && documented[documentedType];',
    "    if (schema) pm.test('body matches the schema of ' + status + ' ' + documentedType, () => pm.response.to.have.jsonSchema(Object.assign({ definitions }, schema)));",
    '  }',
    '}',
  ];
}
