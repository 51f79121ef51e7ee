import type { Logger } from './logger';
import type { RegistryMetrics } from './metrics';

/** Where the registry reports what it does: structured log lines and Prometheus metrics. */
export interface Telemetry {
  readonly logger: Logger;
  readonly metrics: RegistryMetrics;
}
