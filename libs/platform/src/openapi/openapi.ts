import { applyDecorators, INestApplication, Type } from '@nestjs/common';
import { ApiExtraModels, ApiQuery, ApiResponse, DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../problem-details';
import { ProblemDetailsResponse } from './problem-details.response';

export interface ApiDescription {
  readonly title: string;
  readonly description: string;
}

const PROBLEMS: Record<number, string> = {
  400: 'The request is malformed: every wrong field is named in `errors`.',
  401: 'No valid bearer token: missing, expired, for another audience or issuer, or not signed by a trusted key.',
  403: 'The token\'s roles or units do not allow this; `detail` says which rule refused it.',
  404: 'Nothing is known under that identifier (on that date).',
  409: 'Another change to the same record was recorded first (read it again and retry), or the achievement was already commended (`firstGrant` names that grant).',
  412: 'If-Match names a version that is no longer the latest.',
  413: 'The request body is larger than allowed.',
  415: 'The request body is not JSON.',
  422: 'A domain rule refuses the command (`code`, `detail` and `legalBasis` say which), or an Idempotency-Key was reused for another request.',
  429: 'Too many requests from this subject; Retry-After says how many seconds to wait.',
  428: 'A change to an existing record needs If-Match with the version it was decided on.',
  500: 'The service failed; nothing was recorded. The body carries no internals.',
  503: 'Not available now (the database cannot be reached, the service is not ready, or an answer as of a past moment would take too long); Retry-After says when to try again, `detail` why.',
};

/** The Problem Details responses an endpoint can give, each with the one error schema; 500 is always possible. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsResponse),
    ...[...new Set([...statuses, 500, 503])].map((status) =>
      ApiResponse({
        status,
        description: PROBLEMS[status] ?? 'A problem',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsResponse) } } },
      }),
    ),
  );
}

export function buildOpenApiDocument(app: INestApplication, api: ApiDescription): OpenAPIObject {
  const config = new DocumentBuilder().setOpenAPIVersion('3.1.0').setTitle(api.title).setDescription(api.description).setVersion('1').addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A JWT with sub, roles and units (npm run cli -- token).' }).build();
  return withNullAsType(movePathParameters(SwaggerModule.createDocument(app, config, { extraModels: [ProblemDetailsResponse] })));
}

/**
 * OpenAPI 3.1 spells "or null" in JSON Schema: the generator's 3.0-style `nullable: true` beside a `$ref` would
 * otherwise demand an object even where the API answers null (a verified chain has no broken link).
 */
function withNullAsType<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withNullAsType) as T;
  if (node === null || typeof node !== 'object') return node;
  const { nullable, ...rest } = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withNullAsType(value)])) as Record<string, unknown>;
  if (nullable !== true) return (nullable === undefined ? rest : { ...rest, nullable }) as T;
  if (typeof rest.type === 'string' && !rest.allOf && !rest.$ref) return { ...rest, type: [rest.type, 'null'] } as T;
  const { type: _objectType, ...schema } = rest;
  return { oneOf: [schema, { type: 'null' }] } as T;
}

/** A parameter named in the path template is a path parameter, whichever decorator documented it. */
function movePathParameters(document: OpenAPIObject): OpenAPIObject {
  for (const [path, operations] of Object.entries(document.paths)) {
    const inPath = new Set([...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
    for (const operation of Object.values(operations)) {
      const parameters = (operation as { parameters?: { name: string; in: string; required?: boolean }[] }).parameters;
      for (const parameter of parameters ?? []) {
        if (inPath.has(parameter.name)) Object.assign(parameter, { in: 'path', required: true });
      }
      if (parameters) {
        const seen = new Set<string>();
        (operation as { parameters?: unknown[] }).parameters = parameters.filter((p) => !seen.has(`${p.in}:${p.name}`) && seen.add(`${p.in}:${p.name}`));
      }
    }
  }
  return document;
}

/** Serves the OpenAPI 3 document at /docs (browsable), /docs-json and /docs-yaml. */
export function serveOpenApi(app: INestApplication, api: ApiDescription): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app, api), { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}

/**
 * Documents a @PathAndQuery() DTO: its properties become parameters, and those named in the route's path
 * template are moved to the path by `buildOpenApiDocument`.
 */
export function ApiPathAndQuery(dto: Type<unknown>): MethodDecorator {
  return ApiQuery({ type: dto });
}
