import { z } from 'zod';

export type JsonSchema = { [key: string]: unknown };

/**
 * zod schemas as JSON Schema 2020-12 (the dialect of OpenAPI 3.1), with any
 * `$defs` they carry moved into the document's shared components, so that
 * every `$ref` resolves from the document's root.
 */
export class SchemaCollector {
  readonly components: Record<string, JsonSchema> = {};

  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const converted = z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      io,
      // Transforms and the like cannot be described; they are shown as "any value".
      unrepresentable: 'any',
    }) as JsonSchema;
    const { $schema: _dialect, $defs, ...rest } = converted;
    const renames = this.hoist(($defs ?? {}) as Record<string, JsonSchema>);
    if (!JSON.stringify(rest).includes('"$ref":"#"')) {
      return rewriteRefs(rest, renames) as JsonSchema;
    }
    // A recursive schema refers to its own root: it becomes a named component.
    let name = `Schema${Object.keys(this.components).length + 1}`;
    while (name in this.components) name = `${name}_`;
    renames.set('#', name);
    this.components[name] = rewriteRefs(rest, renames) as JsonSchema;
    return { $ref: `#/components/schemas/${name}` };
  }

  private hoist(defs: Record<string, JsonSchema>): Map<string, string> {
    const renames = new Map<string, string>();
    for (const name of Object.keys(defs)) {
      let unique = name.replace(/[^A-Za-z0-9._-]/g, '_');
      for (let suffix = 2; unique in this.components; suffix += 1) {
        unique = `${name}_${suffix}`;
      }
      this.components[unique] = {};
      renames.set(name, unique);
    }
    for (const [name, definition] of Object.entries(defs)) {
      this.components[renames.get(name)!] = rewriteRefs(
        definition,
        renames,
      ) as JsonSchema;
    }
    return renames;
  }
}

const rewriteRefs = (value: unknown, renames: ReadonlyMap<string, string>): unknown => {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, renames));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (key === '$ref' && item === '#' && renames.has('#')) {
        return [key, `#/components/schemas/${renames.get('#')}`];
      }
      if (key === '$ref' && typeof item === 'string' && item.startsWith('#/$defs/')) {
        const name = item.slice('#/$defs/'.length);
        return [key, `#/components/schemas/${renames.get(name) ?? name}`];
      }
      return [key, rewriteRefs(item, renames)];
    }),
  );
};
