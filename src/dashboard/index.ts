import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import express, { type Router } from 'express';

/** The dashboard's files: plain HTML, CSS and JavaScript modules, no build step. */
export const dashboardAssetsDir = join(__dirname, 'public');

/**
 * Everything the page loads comes from this origin, scripts only from files
 * (no inline code, no eval), and the API is the only place it talks to: a
 * token pasted into the page can leave it only towards the API.
 */
const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const setAssetHeaders = (res: ServerResponse): void => {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  // Revalidate on every load, so a new release is never mixed with old modules.
  res.setHeader('Cache-Control', 'no-cache');
};

/**
 * The web dashboard, served by the API's process: mount it at `/` through
 * the runtime's `extraHandlers`. It answers GET and HEAD for its own files
 * and passes everything else on (to the 404 problem answer).
 */
export const dashboardHandler = (): Router => {
  const router = express.Router();
  router.use(
    express.static(dashboardAssetsDir, {
      index: 'index.html',
      dotfiles: 'ignore',
      redirect: false,
      etag: true,
      setHeaders: setAssetHeaders,
    }),
  );
  return router;
};
