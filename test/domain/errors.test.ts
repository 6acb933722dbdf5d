import { domainError, domainErrorCodes, domainErrorList } from '../../src/domain/errors';
import { CustodyError } from '../../src/errors';

describe('domain error codes', () => {
  it('lists every code once with its kind and a summary', () => {
    expect(domainErrorList.map((entry) => entry.code)).toEqual(
      Object.keys(domainErrorCodes),
    );
    for (const entry of domainErrorList) {
      expect(entry.code).toMatch(/^[a-z]+\.[a-z-]+$/);
      expect(entry.summary.length).toBeGreaterThan(0);
    }
  });

  it('builds CustodyErrors whose kind follows the code', () => {
    const error = domainError('pool.cap-reached', 'full', {
      details: { cap: 1, current: 1 },
    });
    expect(error).toBeInstanceOf(CustodyError);
    expect(error).toMatchObject({ kind: 'rule', code: 'pool.cap-reached' });
    expect(domainError('handover.self-approval', 'no').kind).toBe('forbidden');
    expect(domainError('client.not-found', 'no').kind).toBe('not-found');
    expect(domainError('precondition.failed', 'no').kind).toBe('precondition');
  });
});
