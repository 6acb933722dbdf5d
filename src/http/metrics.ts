import type { NextFunction, Request, Response } from 'express';

/**
 * A few counters in Prometheus text format: requests by route and status,
 * and their total duration. Enough to watch a process without a metrics
 * library; the label set is bounded because routes are the declared paths.
 */
export interface HttpMetrics {
  middleware(req: Request, res: Response, next: NextFunction): void;
  render(gauges: Readonly<Record<string, number>>): string;
}

const escapeLabel = (value: string): string => value.replace(/["\\\n]/g, '_');

export const createHttpMetrics = (): HttpMetrics => {
  const requests = new Map<string, { count: number; seconds: number }>();

  return {
    middleware(req, res, next) {
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        const route =
          req.route === undefined
            ? 'unmatched'
            : `${req.baseUrl}${String(req.route.path)}`;
        const labels = [`method="${req.method}"`, `route="${escapeLabel(route)}"`];
        const key = [...labels, `status="${res.statusCode}"`].join(',');
        const entry = requests.get(key) ?? { count: 0, seconds: 0 };
        entry.count += 1;
        entry.seconds += Number(process.hrtime.bigint() - started) / 1e9;
        requests.set(key, entry);
      });
      next();
    },
    render(gauges) {
      const lines = [
        '# TYPE custody_http_requests_total counter',
        ...[...requests].map(
          ([key, entry]) => `custody_http_requests_total{${key}} ${entry.count}`,
        ),
        '# TYPE custody_http_request_seconds_total counter',
        ...[...requests].map(
          ([key, entry]) =>
            `custody_http_request_seconds_total{${key}} ${entry.seconds.toFixed(6)}`,
        ),
      ];
      for (const [name, value] of Object.entries(gauges)) {
        lines.push(`# TYPE ${name} gauge`, `${name} ${value}`);
      }
      return `${lines.join('\n')}\n`;
    },
  };
};
