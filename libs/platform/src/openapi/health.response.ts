/** Answered by /health of every service. */
export class HealthResponse {
  /** "ok" when the service reaches its database. */
  status!: string;
  service?: string;
}

/** Answered by /health/live: the process answers. */
export class LivenessResponse {
  status!: string;
  service?: string;
}

/** Answered by /health/ready when the service can work: every check up, with its numbers. */
export class ReadinessResponse {
  /** "ok". */
  status!: string;
  /** Each check (database, and the service's own work) with its numbers. */
  info!: Record<string, unknown>;
  details!: Record<string, unknown>;
}
