/** The Ajv schema id the document's component schemas are registered under. */
export const COMPONENTS_ID = 'guildhall-openapi';

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An OpenAPI 3.0 schema as JSON Schema for Ajv, read strictly:
 * - `nullable: true` means "or null" (Ajv's own `nullable` cannot express a nullable `$ref`);
 * - an object schema that lists its properties and says nothing of others allows none, so a field
 *   the document does not describe fails the check instead of passing unnoticed;
 * - `#/components/schemas/X` refers to the component registered under COMPONENTS_ID.
 */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!isNode(schema)) return schema;
  const converted: Node = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable' || key === 'example') continue;
    if (key === '$ref' && typeof value === 'string') {
      converted.$ref = value.replace('#/components/schemas/', `${COMPONENTS_ID}#/definitions/`);
    } else if (key === 'properties' && isNode(value)) {
      converted.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]));
    } else {
      converted[key] = toJsonSchema(value);
    }
  }
  if (isNode(schema.properties) && schema.additionalProperties === undefined) {
    converted.additionalProperties = false;
  }
  return schema.nullable === true ? { anyOf: [{ type: 'null' }, converted] } : converted;
}
