import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod, Type } from '@nestjs/common';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OpenApiDocument = any;

export interface Route {
  readonly method: string;
  /** In OpenAPI form: /v1/units/{code}. */
  readonly path: string;
}

/** Every route a Nest module's controllers declare, read from their decorators rather than listed by hand. */
export function routesOf(module: Type<unknown>): Route[] {
  const controllers: Type<unknown>[] = Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, module) ?? [];
  return controllers.flatMap((controller) => {
    const prefix = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    return Object.getOwnPropertyNames(controller.prototype).flatMap((name) => {
      const handler = controller.prototype[name];
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined || name === 'constructor') return [];
      const path = ['', prefix, String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')]
        .join('/')
        .replace(/\/+/g, '/')
        .replace(/\/$/, '')
        .replace(/:(\w+)/g, '{$1}');
      return [{ method: RequestMethod[method].toLowerCase(), path: path || '/' }];
    });
  });
}

/** Checks real responses against the schemas an OpenAPI document declares for them. */
export class OpenApiContract {
  private readonly ajv = addFormats(new Ajv({ strict: false, allErrors: true }));

  constructor(readonly document: OpenApiDocument) {
    this.ajv.addSchema(document, 'openapi');
  }

  operation(route: Route): OpenApiDocument {
    return this.document.paths[route.path]?.[route.method];
  }

  /** The validation errors of a body against the documented response, or [] when it conforms. */
  check(route: Route, status: number, contentType: string, body: unknown): string[] {
    const response = this.operation(route)?.responses?.[String(status)];
    if (!response) return [`${route.method} ${route.path} documents no ${status} response`];
    const media = Object.entries(response.content ?? {}).find(([type]) => contentType.startsWith(type));
    if (!media) return [`${route.method} ${route.path} ${status} documents no ${contentType} body`];
    const validate = this.ajv.compile({ $ref: `openapi#/paths/${pointer(route.path)}/${route.method}/responses/${status}/content/${pointer(media[0])}/schema` });
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  }
}

function pointer(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
}
