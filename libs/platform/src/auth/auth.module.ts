import { Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { InjectPool } from '../database.module';
import { SharedWindowCounts } from './shared-window-counts';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { authConfigFromEnv } from './auth-config';
import { AccessGuard, AuthenticationGuard, JsonBodyGuard, SubjectThrottlerGuard } from './guards';
import { TokenVerifier } from './token-verifier';
import { WindowCounterStorage } from './window-counter-storage';

/** Requests per subject per minute, unless THROTTLE_LIMIT_PER_MINUTE says otherwise. */
const DEFAULT_LIMIT_PER_MINUTE = 1200;
const WINDOW_MS = 60_000;

/** The counts this instance shares with the others through Postgres, shared while the service runs. */
@Injectable()
class RateLimitSharing implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly counts: SharedWindowCounts;

  constructor(@InjectPool() pool: Pool) {
    const logger = new Logger('RateLimit');
    this.counts = new SharedWindowCounts(pool, WINDOW_MS, (message) => logger.warn(message));
  }

  onApplicationBootstrap(): void {
    this.counts.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.counts.stop();
  }
}

@Module({ providers: [RateLimitSharing], exports: [RateLimitSharing] })
class RateLimitSharingModule {}

/**
 * Who may call the HTTP apps: authentication (bearer JWT), then a rate limit per subject, JSON bodies only, then
 * the access rule of the endpoint. Guards run in this order for every route (APP_GUARD), so no controller can forget one.
 */
@Module({
  imports: [
    // Counted per caller across every instance of the service (docs/adr/0055-rate-limit-across-instances.md).
    ThrottlerModule.forRootAsync({
      imports: [RateLimitSharingModule],
      inject: [RateLimitSharing],
      useFactory: (sharing: RateLimitSharing) => ({
        throttlers: [{ ttl: WINDOW_MS, limit: Number(process.env.THROTTLE_LIMIT_PER_MINUTE ?? DEFAULT_LIMIT_PER_MINUTE) }],
        storage: new WindowCounterStorage(Date.now, sharing.counts),
        errorMessage: 'Too many requests from this caller; wait for the time Retry-After gives, in seconds.',
      }),
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
