import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { authConfigFromEnv } from './auth-config';
import { AccessGuard, AuthenticationGuard, JsonBodyGuard, SubjectThrottlerGuard } from './guards';
import { TokenVerifier } from './token-verifier';
import { WindowCounterStorage } from './window-counter-storage';

/** Requests per subject per minute, unless THROTTLE_LIMIT_PER_MINUTE says otherwise. */
const DEFAULT_LIMIT_PER_MINUTE = 1200;

/**
 * Who may call the HTTP apps: authentication (bearer JWT), then a rate limit per subject, JSON bodies only, then
 * the access rule of the endpoint. Guards run in this order for every route (APP_GUARD), so no controller can forget one.
 */
@Module({
  imports: [
    ThrottlerModule.forRoot({
      throttlers: [{ ttl: 60_000, limit: Number(process.env.THROTTLE_LIMIT_PER_MINUTE ?? DEFAULT_LIMIT_PER_MINUTE) }],
      storage: new WindowCounterStorage(),
      errorMessage: 'Too many requests from this caller; wait for the time Retry-After gives, in seconds.',
    }),
  ],
  providers: [
    { provide: TokenVerifier, useFactory: () => new TokenVerifier(authConfigFromEnv()) },
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: SubjectThrottlerGuard },
    { provide: APP_GUARD, useClass: JsonBodyGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
export class AuthModule {}
