/** An app integration's logs, hour by hour: as many as the world gives the app conversations, drawn per hour. */
import type { Knobs } from '../../core/knobs.js';
import { Rng } from '../../core/rng.js';
import { isoMs, MS_HOUR } from '../../core/time.js';
import { conversationsInHour } from '../../core/world.js';
import { API } from './bot.js';

/** A log line (vendor-spec ListAppIntegrationsLog) and its instant for ordering. */
export interface AppLog {
  id: string;
  app_id: string;
  app_version: string;
  platform_version: string;
  log_message: string;
  log_type: string;
  severity_level: number;
  timestamp: string;
  log_attributes: Record<string, string>;
  resource_attributes: Record<string, string>;
  event_method: string;
  event_command: string;
  ms: number;
}

const COMMANDS = ['order.lookup', 'appointment.create', 'customer.find', 'ticket.create', 'address.update'];
// OpenTelemetry severity numbers (inferred): INFO 9, WARN 13, ERROR 17.
const KINDS = [
  { type: 'REQUEST', severity: 9, weight: 0.46 },
  { type: 'RESPONSE', severity: 9, weight: 0.46 },
  { type: 'ERROR', severity: 17, weight: 0.08 },
] as const;

/** The logs of an app in one hour, in time order. */
export function appLogsIn(seed: number, appId: string, hour: number, knobs: Knobs): AppLog[] {
  const key = { seed, api: API, tenant: `app:${appId}` };
  const n = conversationsInHour(key, hour, knobs);
  if (n === 0) return [];
  const app = Rng.derive(seed, API, appId, 'app');
  const appVersion = `1.${app.int(0, 9)}.${app.int(0, 20)}`;
  const rng = Rng.derive(seed, API, appId, 'logs', hour);
  const logs: AppLog[] = [];
  for (let i = 0; i < n; i++) {
    const kind = KINDS[rng.weightedIndex(KINDS.map((k) => k.weight))] ?? KINDS[0];
    const command = COMMANDS[rng.int(0, COMMANDS.length - 1)] ?? '';
    const status = kind.type === 'ERROR' ? String(rng.pick([500, 502, 504, 422])) : '200';
    const duration = String(rng.int(20, 1800));
    const ms = hour * MS_HOUR + rng.int(0, MS_HOUR - 1);
    logs.push({
      id: rng.uuid(),
      app_id: appId,
      app_version: appVersion,
      platform_version: 'v2',
      log_message:
        kind.type === 'REQUEST'
          ? `POST ${command} called`
          : kind.type === 'RESPONSE'
            ? `${command} answered ${status} in ${duration} ms`
            : `${command} failed with ${status}`,
      log_type: kind.type,
      severity_level: kind.severity,
      timestamp: isoMs(ms),
      log_attributes: { 'http.status_code': status, duration_ms: duration },
      resource_attributes: { 'service.name': appId, 'deployment.environment': 'production' },
      event_method: 'POST',
      event_command: command,
      ms,
    });
  }
  return logs.sort((a, b) => a.ms - b.ms || (a.id < b.id ? -1 : 1));
}
