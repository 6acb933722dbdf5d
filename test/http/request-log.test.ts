import express from 'express';
import pino from 'pino';
import request from 'supertest';
import { requestLogger } from '../../src/http/request-log';

const appLogging = (level: string) => {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level },
    { write: (line: string) => lines.push(JSON.parse(line)) },
  );
  const app = express();
  app.use(requestLogger(logger));
  app.get('/ok', (req, res) => {
    req.log.info({ step: 'inside' }, 'handling');
    res.json({});
  });
  app.get('/fails', (_req, res) => {
    res.err = new Error('the disk is full');
    res.status(503).json({});
  });
  return { app, lines };
};

describe('request log', () => {
  it('logs one line per request with its id, method, url, status and time', async () => {
    const { app, lines } = appLogging('info');
    const answer = await request(app).get('/ok?x=1').set('X-Request-Id', 'req-1');
    expect(answer.headers['x-request-id']).toBe('req-1');
    const line = lines.find((entry) => entry.msg === 'request completed');
    expect(line).toMatchObject({
      level: 30,
      reqId: 'req-1',
      req: { id: 'req-1', method: 'GET', url: '/ok?x=1' },
      res: { statusCode: 200 },
    });
    expect(typeof line?.responseTime).toBe('number');
  });

  it('binds the request id to what handlers log on req.log', async () => {
    const { app, lines } = appLogging('info');
    await request(app).get('/ok').set('X-Request-Id', 'req-2');
    expect(lines).toContainEqual(
      expect.objectContaining({ reqId: 'req-2', step: 'inside', msg: 'handling' }),
    );
  });

  it('logs server errors at error with the error, and gives each request an id', async () => {
    const { app, lines } = appLogging('error');
    const answer = await request(app).get('/fails');
    const id = answer.headers['x-request-id'];
    expect(id).toMatch(/^[0-9A-Z]{26}$/);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        reqId: id,
        res: { statusCode: 503 },
        err: expect.objectContaining({ message: 'the disk is full' }),
      }),
    ]);
  });

  it('writes nothing for a request whose level is filtered out', async () => {
    const { app, lines } = appLogging('warn');
    await request(app).get('/ok').expect(200);
    expect(lines).toEqual([]);
  });
});
