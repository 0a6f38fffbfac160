/**
 * The agent's settings (CONTRACT.md "Kiosk PC device agent"): HALLQ_SERVER (the hall server's URL),
 * HALLQ_TOKEN (the kiosk's device token: a secret, never logged), HALLQ_AGENT_CONFIG (a JSON file of
 * this PC's devices). `--demo` runs simulated devices when no config file is named.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AgentDevicesConfigSchema, type AgentDevicesConfig } from '../server/devices/config.js';
import { demoAgentConfig } from './demo.js';

/** Why the agent stopped, as its exit code (systemd/hallq-agent.service does not restart after these). */
export const EXIT = {
  /** a setting or the config file is wrong: fix it, then start again */
  config: 78,
  /** the server refused the token: unknown, expired, revoked, or not a kiosk's */
  refused: 77,
  /** another agent connected for the same kiosk and replaced this one */
  replaced: 79,
} as const;

export class AgentConfigError extends Error {}

const EnvSchema = z.object({
  HALLQ_SERVER: z.url({ protocol: /^https?$/, error: 'the hall server URL, http://host:port' }),
  HALLQ_TOKEN: z.string({ error: 'the kiosk device token (管理后台 → 设备)' }).min(16, 'the kiosk device token (管理后台 → 设备)'),
  HALLQ_AGENT_CONFIG: z.string().min(1).optional(),
  /** the longest wait between two tries to reach the server (the first is 1 s, then doubling) */
  HALLQ_AGENT_RETRY_MAX_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  HALLQ_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
});

export interface AgentSettings {
  server: string;
  token: string;
  devices: AgentDevicesConfig;
  logLevel: string;
  retryMaxMs: number;
  demo: boolean;
  /** where a simulated printer keeps its tickets (the demo) */
  printsDir: string;
}

function issues(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
}

export function agentSettings(env: NodeJS.ProcessEnv, argv: string[]): AgentSettings {
  const demo = argv.includes('--demo');
  const e = EnvSchema.safeParse({ ...env, HALLQ_SERVER: env.HALLQ_SERVER ?? (demo ? 'http://127.0.0.1:8080' : undefined) });
  if (!e.success) throw new AgentConfigError(`invalid environment: ${issues(e.error)}`);
  let json: unknown;
  if (e.data.HALLQ_AGENT_CONFIG) {
    try {
      json = JSON.parse(readFileSync(e.data.HALLQ_AGENT_CONFIG, 'utf8'));
    } catch (err) {
      throw new AgentConfigError(`cannot read HALLQ_AGENT_CONFIG ${e.data.HALLQ_AGENT_CONFIG}: ${(err as Error).message}`);
    }
  } else if (demo) json = demoAgentConfig();
  else
    throw new AgentConfigError(
      "invalid environment: HALLQ_AGENT_CONFIG: the JSON file of this PC's devices (or --demo for simulated ones)",
    );
  const d = AgentDevicesConfigSchema.safeParse(json);
  if (!d.success) throw new AgentConfigError(`invalid agent config ${e.data.HALLQ_AGENT_CONFIG ?? '(demo)'}: ${issues(d.error)}`);
  return {
    server: e.data.HALLQ_SERVER.replace(/\/+$/, ''),
    token: e.data.HALLQ_TOKEN,
    devices: d.data,
    logLevel: e.data.HALLQ_LOG_LEVEL,
    retryMaxMs: e.data.HALLQ_AGENT_RETRY_MAX_MS,
    demo,
    printsDir: env.HALLQ_AGENT_PRINTS ?? 'data/agent-prints',
  };
}
