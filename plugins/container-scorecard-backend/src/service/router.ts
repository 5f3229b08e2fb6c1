import { LoggerService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { ScorecardStore } from '../database/ScorecardStore';

/** What the router needs from the plugin. */
export interface RouterOptions {
  logger: LoggerService;
  store: ScorecardStore;
}

/** Builds the plugin's HTTP API. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { logger, store } = options;
  const router = Router();
  router.use(express.json());

  // Reports "ok" only when the plugin's own database answers, so a broken connection shows here
  // rather than as empty scorecards.
  router.get('/health', async (_req, res) => {
    try {
      await store.ping();
      res.json({ status: 'ok', database: 'ok' });
    } catch (error) {
      logger.error(`Health check could not reach the database: ${error}`);
      res.status(503).json({ status: 'error', database: 'unreachable' });
    }
  });

  return router;
}
