/**
 * The health of every configured device, as the admin sees it. A listener hears only changes,
 * so a device that stays offline through a hundred retries is reported once.
 */
import type { DeviceHealth } from '../../protocol/events.js';
import { HEALTH_TEXT } from './health-text.js';

export type HealthStatus = DeviceHealth['status'];

export class HealthBoard {
  private readonly byId = new Map<string, DeviceHealth>();
  private readonly listeners = new Set<(h: DeviceHealth) => void>();

  constructor(private readonly now: () => Date) {}

  /** Registers a device as offline until it proves otherwise (no event: nothing changed yet). */
  register(id: string, kind: string): void {
    this.byId.set(id, { id, kind, status: 'offline', detail: HEALTH_TEXT.notOpened, at: this.now().toISOString() });
  }

  set(id: string, status: HealthStatus, detail?: string): void {
    const prev = this.byId.get(id);
    if (!prev) throw new Error(`health of unknown device "${id}"`);
    if (prev.status === status && prev.detail === detail) return;
    const next: DeviceHealth = { id, kind: prev.kind, status, at: this.now().toISOString() };
    if (detail !== undefined) next.detail = detail;
    this.byId.set(id, next);
    for (const l of this.listeners) l(next);
  }

  get(id: string): DeviceHealth | undefined {
    return this.byId.get(id);
  }

  list(): DeviceHealth[] {
    return [...this.byId.values()];
  }

  onChange(listener: (h: DeviceHealth) => void): void {
    this.listeners.add(listener);
  }
}
