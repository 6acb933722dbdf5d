import express, { type Request, type Response } from 'express';
import { CustodyError } from '../errors';

/**
 * JSON request bodies: the content type is checked before anything is read,
 * the size is bounded while reading, and every parser failure becomes one of
 * our errors (never a 500).
 */

export const defaultBodyLimitBytes = 64 * 1024;

const hasBody = (req: Request): boolean => {
  const length = req.headers['content-length'];
  return (
    req.headers['transfer-encoding'] !== undefined ||
    (length !== undefined && length.trim() !== '0')
  );
};

interface ParserError {
  readonly type?: unknown;
  readonly status?: unknown;
  readonly limit?: unknown;
  readonly charset?: unknown;
}

/** Translates the errors of express's JSON parser (body-parser) into ours. */
export const translateParserError = (error: unknown): CustodyError | undefined => {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  const { type, status, limit } = error as ParserError;
  switch (type) {
    case 'entity.too.large':
      return new CustodyError(
        'too-large',
        'request.too-large',
        `The request body is larger than the ${String(limit)} bytes accepted`,
        { details: { limitBytes: limit } },
      );
    case 'entity.parse.failed':
      return new CustodyError(
        'validation',
        'request.malformed-json',
        'The body is not valid JSON',
        {
          path: 'body',
        },
      );
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new CustodyError(
        'unsupported-media-type',
        'request.unsupported-media-type',
        'The body must be JSON encoded as UTF-8, without content encoding',
      );
    default:
      if (typeof status === 'number' && status >= 400 && status < 500) {
        return new CustodyError(
          'validation',
          'request.unreadable',
          'The body could not be read',
        );
      }
      return undefined;
  }
};

export type BodyReader = (req: Request, res: Response) => Promise<unknown>;

const unreadable = () =>
  new CustodyError('validation', 'request.unreadable', 'The body could not be read');

/**
 * The common request, read without body-parser: `application/json` in UTF-8,
 * no content encoding, a declared length within the limit. Anything else
 * goes through body-parser, which knows the other charsets, encodings and
 * chunked bodies; both answer the same errors.
 */
const isPlainJson = (req: Request, limitBytes: number): boolean => {
  const { headers } = req;
  const type = headers['content-type'];
  const length = Number(headers['content-length']);
  return (
    (type === 'application/json' || type === 'application/json; charset=utf-8') &&
    headers['content-encoding'] === undefined &&
    headers['transfer-encoding'] === undefined &&
    Number.isSafeInteger(length) &&
    length > 0 &&
    length <= limitBytes
  );
};

const readDeclared = (req: Request): Promise<string> =>
  new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanUp();
      if (received !== declared) reject(unreadable());
      else resolve(Buffer.concat(chunks, received).toString('utf8'));
    };
    const onFailure = () => {
      cleanUp();
      reject(unreadable());
    };
    const cleanUp = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onFailure);
      req.off('aborted', onFailure);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onFailure);
    req.on('aborted', onFailure);
  });

const parseJson = (text: string): unknown => {
  try {
    // A byte order mark is no part of the JSON text; body-parser drops it too.
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new CustodyError(
      'validation',
      'request.malformed-json',
      'The body is not valid JSON',
      { path: 'body' },
    );
  }
};

/**
 * Reads a JSON body, or `{}` when the request has none, so that commands
 * whose fields are all optional can be sent without one.
 */
export const createBodyReader = (limitBytes: number): BodyReader => {
  const parse = express.json({ limit: limitBytes, strict: false, type: () => true });
  return async (req, res) => {
    if (!hasBody(req)) return {};
    if (isPlainJson(req, limitBytes)) return parseJson(await readDeclared(req));
    if (!req.is(['application/json', 'application/*+json'])) {
      throw new CustodyError(
        'unsupported-media-type',
        'request.unsupported-media-type',
        'The body must be sent as application/json',
        { details: { contentType: req.headers['content-type'] ?? null } },
      );
    }
    await new Promise<void>((resolve, reject) => {
      parse(req, res, (error?: unknown) => {
        if (error === undefined) return resolve();
        reject(translateParserError(error) ?? error);
      });
    });
    return req.body;
  };
};
