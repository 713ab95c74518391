import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

// OpenTelemetry GenAI semantic conventions, as Prometheus names them: dots
// become underscores and the unit becomes a suffix.
const TOKEN_BUCKETS = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304,
  16777216, 67108864];
const DURATION_BUCKETS = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24,
  20.48, 40.96, 81.92];
const TTFT_BUCKETS = [0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5,
  5, 7.5, 10];

const OPERATION_LABELS = ['gen_ai_operation_name', 'gen_ai_provider_name',
  'gen_ai_request_model'] as const;

/** Labels shared by a request's observations. */
export interface OperationLabels {
  operation: string;
  provider: string;
  model: string;
}

/** The gateway's Prometheus metrics, in a registry of its own. */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly #tokens: Histogram<(typeof OPERATION_LABELS)[number] | 'gen_ai_token_type'>;
  readonly #duration: Histogram<(typeof OPERATION_LABELS)[number] | 'error_type'>;
  readonly #ttft: Histogram<(typeof OPERATION_LABELS)[number]>;
  readonly #cost: Counter<'gen_ai_provider_name' | 'gen_ai_request_model' | 'department'>;
  readonly #rejected: Counter<'reason'>;
  readonly #findings: Counter<'rule' | 'action'>;
  /** Per store, how many writes wait for the disk to take them. */
  readonly #unwritten = new Map<string, () => number>();

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.#tokens = new Histogram({
      name: 'gen_ai_client_token_usage', help: 'Tokens used per request, by token type',
      labelNames: [...OPERATION_LABELS, 'gen_ai_token_type'], buckets: TOKEN_BUCKETS, registers,
    });
    this.#duration = new Histogram({
      name: 'gen_ai_client_operation_duration_seconds',
      help: 'Duration of requests to providers, through the gateway',
      labelNames: [...OPERATION_LABELS, 'error_type'], buckets: DURATION_BUCKETS, registers,
    });
    this.#ttft = new Histogram({
      name: 'gen_ai_server_time_to_first_token_seconds',
      help: 'Time from request to the first byte of a streamed answer',
      labelNames: OPERATION_LABELS, buckets: TTFT_BUCKETS, registers,
    });
    this.#cost = new Counter({
      name: 'tokenwarden_cost_usd_total', help: 'Cost of requests in US dollars',
      labelNames: ['gen_ai_provider_name', 'gen_ai_request_model', 'department'], registers,
    });
    this.#rejected = new Counter({
      name: 'tokenwarden_rejected_requests_total',
      help: 'Requests refused by the gateway, by error code', labelNames: ['reason'], registers,
    });
    const unwritten = this.#unwritten;
    new Gauge({
      name: 'tokenwarden_unwritten_records',
      help: 'Writes kept in memory because the store could not take them (a full disk)',
      labelNames: ['store'], registers,
      collect() {
        for (const [store, count] of unwritten) this.set({ store }, count());
      },
    });
    this.#findings = new Counter({
      name: 'tokenwarden_guardrail_findings_total',
      help: 'Guardrail findings on requests and answers, by rule and action',
      labelNames: ['rule', 'action'], registers,
    });
  }

  /** Counts guardrail findings by rule id and the action taken. */
  observeFindings(findings: readonly { ruleId: string; action: string }[]): void {
    for (const finding of findings) {
      this.#findings.inc({ rule: finding.ruleId, action: finding.action });
    }
  }

  /** Records one finished request. */
  observeRequest(labels: OperationLabels, observation: {
    inputTokens: number;
    outputTokens: number;
    seconds: number;
    ttftSeconds: number | null;
    costUsd: number;
    department: string;
    errorType: string | null;
  }): void {
    const base = {
      gen_ai_operation_name: labels.operation,
      gen_ai_provider_name: labels.provider,
      gen_ai_request_model: labels.model,
    };
    this.#tokens.observe({ ...base, gen_ai_token_type: 'input' }, observation.inputTokens);
    this.#tokens.observe({ ...base, gen_ai_token_type: 'output' }, observation.outputTokens);
    this.#duration.observe({ ...base, error_type: observation.errorType ?? '' },
      observation.seconds);
    if (observation.ttftSeconds !== null) this.#ttft.observe(base, observation.ttftSeconds);
    if (observation.costUsd > 0) {
      this.#cost.inc({
        gen_ai_provider_name: labels.provider, gen_ai_request_model: labels.model,
        department: observation.department,
      }, observation.costUsd);
    }
  }

  /**
   * Reports, at each scrape, the writes a store keeps because its file
   * could not take them (a full disk); anything above 0 wants an alert.
   */
  watchUnwritten(store: string, count: () => number): void {
    this.#unwritten.set(store, count);
  }

  /** Counts one refused request under its error code. */
  observeRejection(reason: string): void {
    this.#rejected.inc({ reason });
  }
}
