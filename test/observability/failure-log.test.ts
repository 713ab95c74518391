import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.js';
import { FailureLog } from '../../src/observability/failure-log.js';

function capture(): { lines: Record<string, unknown>[]; log: FailureLog } {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    destination: { write: (line: string) => { lines.push(JSON.parse(line)); } },
  });
  return { lines, log: new FailureLog(logger, 'batch not written') };
}

describe('FailureLog', () => {
  it('logs the first failure, then one line a minute with the count', () => {
    const { lines, log } = capture();
    const start = 1_000_000;
    log.failed({ reason: 'disk full' }, start);
    for (let second = 1; second < 60; second += 1) log.failed({}, start + second * 1_000);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'batch not written', reason: 'disk full', failures: 1 });

    log.failed({ reason: 'disk full' }, start + 60_000);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ failures: 61, level: 50 });
  });

  it('says when the thing works again, once, and starts counting afresh', () => {
    const { lines, log } = capture();
    log.succeeded();
    expect(lines).toHaveLength(0);
    log.failed({}, 0);
    log.failed({}, 1);
    log.succeeded();
    log.succeeded();
    expect(lines.map((line) => line.msg))
      .toEqual(['batch not written', 'batch not written: works again']);
    expect(lines[1]).toMatchObject({ failures: 2, level: 40 });
    log.failed({}, 2);
    expect(lines[2]).toMatchObject({ failures: 1 });
  });
});
