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

/**
 * Reads a JSON body, or `{}` when the request has none, so that commands
 * whose fields are all optional can be sent without one.
 */
export const createBodyReader = (limitBytes: number): BodyReader => {
  const parse = express.json({ limit: limitBytes, strict: false, type: () => true });
  return async (req, res) => {
    if (!hasBody(req)) return {};
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
