import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerGuard } from '@nestjs/throttler';
import { declaresJson, headerOf, HttpRequest } from '../http';
import { Pool } from 'pg';
import { InjectPool } from '../database.module';
import { ACCESS_RULE, AccessRule } from './access-rule';
import { AccessPolicy, Forbidden, RequestFacts } from './access-policy';
import { Principal } from './principal';
import { TokenVerifier } from './token-verifier';
import { UnsupportedMediaType } from '../problem-details';

/** The verified caller, set on the request by AuthenticationGuard. */
export type AuthenticatedRequest = HttpRequest & { principal?: Principal };

/** Each handler's rule, read from its metadata once per controller: decorators are applied at start and never change. */
const rulesByController = new WeakMap<object, Map<object, AccessRule | undefined>>();

function ruleOf(reflector: Reflector, context: ExecutionContext): AccessRule | undefined {
  const [handler, controller] = [context.getHandler(), context.getClass()];
  let rules = rulesByController.get(controller);
  if (!rules) rulesByController.set(controller, (rules = new Map()));
  if (!rules.has(handler)) rules.set(handler, reflector.getAllAndOverride<AccessRule>(ACCESS_RULE, [handler, controller]));
  return rules.get(handler);
}

/** Every request but those to public endpoints carries a valid bearer token; 401 otherwise. */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (ruleOf(this.reflector, context)?.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.principal = await this.verifier.verify(headerOf(request, 'authorization'));
    return true;
  }
}

/** Rate limits count per subject (per client address before authentication). */
@Injectable()
export class SubjectThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const principal = (request as unknown as AuthenticatedRequest).principal;
    return principal ? `subject:${principal.subject}` : `address:${String(request.ip)}`;
  }

  /** The counters live in this process (WindowCounterStorage): their keys need no hashing, which the library does with SHA-256 on every request. */
  protected override generateKey(context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${context.getClass().name}-${context.getHandler().name}-${throttlerName}-${tracker}`;
  }
}

/** Applies the endpoint's access rule through the one AccessPolicy; an endpoint without a rule is closed. */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly policy: AccessPolicy;

  constructor(
    private readonly reflector: Reflector,
    @InjectPool() private readonly pool: Pool,
  ) {
    this.policy = new AccessPolicy(pool);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = ruleOf(this.reflector, context);
    if (!rule) throw new Forbidden('ACCESS.NOT_DECLARED', 'This endpoint declares no access rule, so it is closed.');
    if (rule.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.principal) throw new Error('AccessGuard ran before AuthenticationGuard');
    await this.policy.decide(request.principal, rule, await this.factsOf(rule, request));
    return true;
  }

  /** The unit a record was first recorded under; undefined when there is no such record (the read answers 404). */
  private async unitOfRecord(streamId: unknown): Promise<string | undefined> {
    if (typeof streamId !== 'string' || streamId.length > 200) return undefined;
    const { rows } = await this.pool.query<{ unit_code: string }>('SELECT unit_code FROM events WHERE stream_id = $1 AND stream_version = 1', [streamId]);
    return rows[0]?.unit_code;
  }

  private async factsOf(rule: AccessRule, request: HttpRequest): Promise<RequestFacts> {
    if (rule.kind === 'read' && rule.stream !== undefined) {
      const unit = await this.unitOfRecord(rule.stream(request));
      return { unit, noSuchRecord: unit === undefined };
    }
    if (rule.kind === 'read') return { unit: rule.unit?.(request), year: rule.year?.(request) };
    if (rule.kind !== 'record') return { unit: undefined };
    const streamId = rule.stream?.(request);
    let existing: RequestFacts['existing'];
    if (typeof streamId === 'string') {
      const { rows } = await this.pool.query<{ unit_code: string; occurred_on: string }>(
        `SELECT unit_code, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1`,
        [streamId],
      );
      existing = rows[0] && { unitCode: rows[0].unit_code, occurredOn: rows[0].occurred_on };
    }
    const named = [...(rule.names?.(request) ?? []).map((n) => ({ ...n, mayBeAbove: false })), ...(rule.joinedBy?.(request) ?? []).map((n) => ({ ...n, mayBeAbove: true }))];
    return { unit: rule.unit?.(request), date: rule.date?.(request), existing, named };
  }
}

/** Commands take JSON only: any other body is refused with 415 rather than read as an empty object. */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<HttpRequest>();
    if (['POST', 'PUT', 'PATCH'].includes(request.method) && !declaresJson(request)) throw new UnsupportedMediaType();
    return true;
  }
}
