type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An OpenAPI 3.0 schema as JSON Schema for Ajv, read strictly:
 * - `nullable: true` means "or null" (Ajv's own `nullable` cannot express a nullable `$ref`);
 * - an object schema that lists its properties and says nothing of others allows none, so a field
 *   the document does not describe fails the check instead of passing unnoticed;
 * - `#/components/schemas/X` becomes `${definitions}X`: where the validator finds the components as
 *   JSON Schema definitions (under another schema's id, or in the same schema's `definitions`).
 * The test run's contract check and the Postman collection's test scripts read the document this way.
 */
export function toJsonSchema(schema: unknown, definitions = '#/definitions/'): unknown {
  if (Array.isArray(schema)) return schema.map((item) => toJsonSchema(item, definitions));
  if (!isNode(schema)) return schema;
  const converted: Node = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable' || key === 'example') continue;
    if (key === '$ref' && typeof value === 'string') {
      converted.$ref = value.replace('#/components/schemas/', definitions);
    } else if (key === 'properties' && isNode(value)) {
      converted.properties = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, toJsonSchema(v, definitions)]),
      );
    } else {
      converted[key] = toJsonSchema(value, definitions);
    }
  }
  if (isNode(schema.properties) && schema.additionalProperties === undefined) {
    converted.additionalProperties = false;
  }
  return schema.nullable === true ? { anyOf: [{ type: 'null' }, converted] } : converted;
}
