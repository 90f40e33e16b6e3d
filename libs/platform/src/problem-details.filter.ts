import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger, NotFoundException } from '@nestjs/common';
import { HttpReply, HttpRequest, pathOf } from './http';
import { DomainRuleViolation } from '@civic/domain';
import { isConnectionLoss } from '@civic/database';
import { InvalidRequest, MalformedJson, PreconditionRequired, RetryLater, PROBLEM_CONTENT_TYPE, ProblemDetails, problemType, UnsupportedMediaType } from './problem-details';
import { Unauthenticated } from './auth/token-verifier';
import { Forbidden } from './auth/access-policy';

/** How soon a caller may try again when the database could not be reached: a reconnect usually takes less. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Turns the errors of one service's own libraries into problems, or answers undefined for errors it does not know.
 * A service hands its mappers to bootstrapService, so this library knows nothing of the event log or the read side.
 */
export type ProblemMapper = (error: unknown, logger: Logger) => ProblemDetails | undefined;

/**
 * The one place that turns errors into RFC 9457 responses. Unknown errors become a plain 500 with no stack
 * trace, SQL or internals; they are logged here instead.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problems');

  constructor(
    private readonly serviceProblems: readonly ProblemMapper[] = [],
    /** Told of every problem answered (the metrics count them by code). */
    private readonly answered: (request: HttpRequest, problem: ProblemDetails) => void = () => undefined,
  ) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    const reply = http.getResponse<HttpReply>();
    const problem = { ...this.toProblem(error, String(request.id)), instance: pathOf(request) };
    if (error instanceof Unauthenticated) reply.header('WWW-Authenticate', `Bearer error="invalid_token", error_description="${error.reason}"`);
    if (error instanceof RetryLater) reply.header('Retry-After', String(error.retryAfterSeconds));
    else if (problem.status === HttpStatus.SERVICE_UNAVAILABLE) reply.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    this.answered(request, problem);
    reply.status(problem.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  /** `correlationId`: the request's, logged with an unexpected error so its request line and its stack meet. */
  private toProblem(error: unknown, correlationId?: string): ProblemDetails {
    for (const mapper of this.serviceProblems) {
      const problem = mapper(error, this.logger);
      if (problem) return problem;
    }
    if (error instanceof Unauthenticated) {
      return { type: problemType('AUTH.UNAUTHENTICATED'), title: 'Authentication is required', status: HttpStatus.UNAUTHORIZED, detail: `Send a valid bearer token: ${error.reason}.`, code: 'AUTH.UNAUTHENTICATED' };
    }
    if (error instanceof Forbidden) {
      return { type: problemType(error.code), title: 'Not allowed', status: HttpStatus.FORBIDDEN, detail: error.detail, code: error.code };
    }
    if (error instanceof UnsupportedMediaType) {
      return { type: problemType('REQUEST.UNSUPPORTED_MEDIA_TYPE'), title: 'Send JSON', status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail: 'The request body must be JSON (Content-Type: application/json, UTF-8).', code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' };
    }
    // Fastify's own errors, met while reading the body before any handler runs; Nest hands some over as
    // HttpExceptions of the same status.
    const bodyError = (error as { code?: unknown }).code;
    const frameworkStatus = error instanceof HttpException ? error.getStatus() : (error as { statusCode?: unknown }).statusCode;
    if (bodyError === 'FST_ERR_CTP_BODY_TOO_LARGE' || frameworkStatus === HttpStatus.PAYLOAD_TOO_LARGE) {
      return { type: problemType('REQUEST.TOO_LARGE'), title: 'The request body is too large', status: HttpStatus.PAYLOAD_TOO_LARGE, detail: 'Request bodies are limited to 256 KiB.', code: 'REQUEST.TOO_LARGE' };
    }
    if (error instanceof MalformedJson || bodyError === 'FST_ERR_CTP_INVALID_JSON_BODY' || bodyError === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (error instanceof SyntaxError && (error as { statusCode?: number }).statusCode === 400) || (error instanceof HttpException && error.getStatus() === 400 && !(error.getResponse() as { errors?: unknown }).errors && /JSON/.test(error.message))) {
      return { type: problemType('REQUEST.MALFORMED_JSON'), title: 'The body is not valid JSON', status: HttpStatus.BAD_REQUEST, detail: 'The request body could not be read as JSON.', code: 'REQUEST.MALFORMED_JSON', errors: [{ field: '/', message: 'not valid JSON' }] };
    }
    if (bodyError === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || frameworkStatus === HttpStatus.UNSUPPORTED_MEDIA_TYPE) return this.toProblem(new UnsupportedMediaType());
    if (error instanceof InvalidRequest) {
      return {
        type: problemType('REQUEST.INVALID'),
        title: 'The request is not valid',
        status: HttpStatus.BAD_REQUEST,
        detail: `${error.errors.length} field(s) are wrong; see errors.`,
        code: 'REQUEST.INVALID',
        errors: error.errors,
      };
    }
    if (error instanceof DomainRuleViolation) {
      return {
        type: problemType(error.code),
        title: 'The command breaks a rule of the domain',
        status: HttpStatus.UNPROCESSABLE_ENTITY,
        detail: error.rule,
        code: error.code,
        ...(error.details.field ? { errors: [{ field: `/${error.details.field}`, message: error.rule }] } : {}),
        ...(error.details.legalBasis ? { legalBasis: error.details.legalBasis } : {}),
      };
    }
    if (error instanceof NotFoundException) {
      return { type: problemType('RESOURCE.NOT_FOUND'), title: 'Not found', status: 404, detail: error.message, code: 'RESOURCE.NOT_FOUND' };
    }
    if (error instanceof PreconditionRequired) {
      return {
        type: problemType('RECORD.IF_MATCH_REQUIRED'),
        title: 'If-Match is required',
        status: 428,
        detail: 'Corrections name the version they correct: send If-Match with the ETag you read.',
        code: 'RECORD.IF_MATCH_REQUIRED',
        errors: [{ field: 'If-Match', message: 'required' }],
      };
    }
    if (error instanceof RetryLater) {
      return { type: problemType(error.code), title: error.status === 429 ? 'Too many such requests at once' : 'The answer cannot be given now', status: error.status, detail: error.detail, code: error.code };
    }
    if (isConnectionLoss(error)) {
      this.logger.warn(`database unavailable: ${(error as Error).message}`);
      return {
        type: problemType('SERVER.DATABASE_UNAVAILABLE'),
        title: 'The records store is unavailable',
        status: HttpStatus.SERVICE_UNAVAILABLE,
        detail: `The database could not be reached, or dropped the connection. Try again in ${DATABASE_RETRY_AFTER_SECONDS} seconds; a command sent again with the same Idempotency-Key is recorded once, whether or not this attempt was.`,
        code: 'SERVER.DATABASE_UNAVAILABLE',
      };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const code = `HTTP.${status}`;
      return { type: problemType(code), title: HttpStatus[status]?.replace(/_/g, ' ').toLowerCase() ?? 'error', status, detail: error.message, code };
    }
    this.logger.error({ correlationId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, 'unexpected error');
    return {
      type: problemType('SERVER.ERROR'),
      title: 'Internal server error',
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: 'The request could not be completed. Nothing was recorded. Try again later.',
      code: 'SERVER.ERROR',
    };
  }
}
