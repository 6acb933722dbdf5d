import express from 'express';
import request from 'supertest';
import { isCustodyError } from '../../src/errors';
import { createBodyReader } from '../../src/http/body';

const app = express();
const readBody = createBodyReader(64);
app.post('/echo', (req, res) => {
  readBody(req, res).then(
    (body) => res.json({ body }),
    (error: unknown) =>
      res.status(isCustodyError(error) ? 400 : 500).json({
        code: isCustodyError(error) ? error.code : 'unexpected',
      }),
  );
});

const post = (body: string | Buffer, type?: string) => {
  const call = request(app).post('/echo');
  return (type === undefined ? call : call.set('Content-Type', type)).send(body);
};

describe('the JSON body reader', () => {
  it('reads JSON in UTF-8, with or without the charset named, any JSON value', async () => {
    const text = '{"summary":"Grüße ✓"}';
    expect((await post(text, 'application/json')).body.body).toEqual({
      summary: 'Grüße ✓',
    });
    expect((await post(text, 'application/json; charset=utf-8')).body.body).toEqual({
      summary: 'Grüße ✓',
    });
    expect((await post('[1,"x"]', 'application/json')).body.body).toEqual([1, 'x']);
    expect((await post('\uFEFF{"a":1}', 'application/json')).body.body).toEqual({
      a: 1,
    });
  });

  it('reads `{}` when there is no body', async () => {
    expect((await request(app).post('/echo')).body.body).toEqual({});
  });

  it('turns every parser failure into one of our errors', async () => {
    const codes = await Promise.all([
      post('{"a":', 'application/json'),
      post('{"a":', 'application/merge-patch+json'),
      post(`{"a":"${'x'.repeat(100)}"}`, 'application/json'),
      post(`{"a":"${'x'.repeat(100)}"}`, 'application/merge-patch+json'),
      post('{"a":1}', 'application/json; charset=latin1'),
      post('a=1', 'application/x-www-form-urlencoded'),
    ]);
    expect(codes.map((answer) => answer.body.code)).toEqual([
      'request.malformed-json',
      'request.malformed-json',
      'request.too-large',
      'request.too-large',
      'request.unsupported-media-type',
      'request.unsupported-media-type',
    ]);
    expect((await post('{"a":2}', 'application/merge-patch+json')).body.body).toEqual({
      a: 2,
    });
  });
});
