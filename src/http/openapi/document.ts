import type { RouteDefinition } from '../route';
import { type JsonSchema, SchemaCollector } from './json-schema';
import { errorStatuses, httpErrorCodes, problemSchema } from './problem-schema';

/** A header or query parameter some routes take beyond their schemas (If-Match...). */
export interface ExtraParameter {
  readonly name: string;
  readonly in: 'header' | 'query';
  readonly description: string;
  readonly schema: JsonSchema;
}

export interface OpenApiOptions {
  readonly title: string;
  readonly version: string;
  readonly basePath: string;
  readonly extraParameters?: (route: RouteDefinition) => readonly ExtraParameter[];
  /** Codes beyond the HTTP layer's own (the domain's), listed in `x-error-codes`. */
  readonly errorCodes?: readonly { code: string; kind: string; summary: string }[];
}

const toOpenApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const pathParamNames = (path: string): string[] =>
  [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]!);

const parametersFrom = (
  collector: SchemaCollector,
  route: RouteDefinition,
  where: 'path' | 'query',
) => {
  const schema = where === 'path' ? route.params : route.query;
  const converted = schema === undefined ? undefined : collector.convert(schema, 'input');
  const properties = (converted?.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((converted?.required ?? []) as string[]);
  const names = where === 'path' ? pathParamNames(route.path) : Object.keys(properties);
  return names.map((name) => {
    const property = properties[name] ?? { type: 'string' };
    const description = property.description;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: property,
    };
  });
};

const operationOf = (
  collector: SchemaCollector,
  route: RouteDefinition,
  options: OpenApiOptions,
) => {
  const success = String(route.successStatus ?? 200);
  const errors = Object.fromEntries(
    Object.keys(errorStatuses).map((status) => [
      status,
      { $ref: `#/components/responses/Problem${status}` },
    ]),
  );
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [...route.tags],
    description: `Roles: ${route.roles.join(', ')}.`,
    security: [{ bearer: [] }],
    parameters: [
      ...parametersFrom(collector, route, 'path'),
      ...parametersFrom(collector, route, 'query'),
      ...(options.extraParameters?.(route) ?? []),
    ],
    ...(route.body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: collector.convert(route.body, 'input') },
            },
          },
        }),
    responses: {
      [success]: {
        description: 'Success',
        content: {
          'application/json': {
            schema:
              route.response === undefined
                ? {}
                : collector.convert(route.response, 'output'),
          },
        },
      },
      ...errors,
    },
  };
};

/** The OpenAPI 3.1 document of the API, built from the same definitions that serve it. */
export const buildOpenApiDocument = (
  routes: readonly RouteDefinition[],
  options: OpenApiOptions,
) => {
  const collector = new SchemaCollector();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = `${options.basePath}${toOpenApiPath(route.path)}`;
    paths[path] ??= {};
    paths[path][route.method] = operationOf(collector, route, options);
  }
  const responses = Object.fromEntries(
    Object.entries(errorStatuses).map(([status, description]) => [
      `Problem${status}`,
      {
        description,
        content: {
          'application/problem+json': {
            schema: { $ref: '#/components/schemas/Problem' },
          },
        },
      },
    ]),
  );
  const tags = [...new Set(routes.flatMap((route) => route.tags))].map((name) => ({
    name,
  }));
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: { title: options.title, version: options.version },
    tags,
    paths,
    components: {
      schemas: { Problem: problemSchema, ...collector.components },
      responses,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'A Custody token (cst_...), issued with `custody tokens issue`',
        },
      },
    },
    security: [{ bearer: [] }],
    /** Every stable error code a problem may carry, with its kind (fixing the status). */
    'x-error-codes': [...httpErrorCodes, ...(options.errorCodes ?? [])],
  };
};

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
