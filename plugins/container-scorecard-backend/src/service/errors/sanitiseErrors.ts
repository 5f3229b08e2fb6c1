import { LoggerService } from '@backstage/backend-plugin-api';
import { isError, ServiceUnavailableError } from '@backstage/errors';
import type { ErrorRequestHandler } from 'express';
import { randomBytes } from 'node:crypto';

/** Errors this plugin (and the request validator) throws on purpose; their messages are ours. */
const OWN_ERROR_NAMES = new Set([
  'InputError',
  'AuthenticationError',
  'NotAllowedError',
  'NotFoundError',
  'ConflictError',
  'NotModifiedError',
  'NotImplementedError',
  'ServiceUnavailableError',
]);

/**
 * The last handler of the plugin's router. Backstage's error handler serialises every enumerable
 * property of an error (a refused connection carries `address` and `port`, a knex error its SQL
 * with the bound values) and, in development, the stack; it only filters pg's own DatabaseError.
 * So what reaches it from here is rebuilt: our own errors keep their name and message only, and
 * anything else becomes a generic error, logged in full with an id the answer repeats.
 */
export function sanitiseErrors(logger: LoggerService): ErrorRequestHandler {
  return (error, _req, _res, next) => {
    next(safeErrorOf(error, logger));
  };
}

function safeErrorOf(error: unknown, logger: LoggerService): Error {
  if (isError(error) && OWN_ERROR_NAMES.has(error.name)) {
    return withNameAndMessageOnly(error.name, error.message);
  }
  const status = statusOf(error);
  if (status !== undefined && status < 500 && isError(error)) {
    // Request parsing errors (a malformed JSON body) say what was wrong with the request.
    return Object.assign(
      withNameAndMessageOnly(error.name, error.message.slice(0, 500)),
      { statusCode: status },
    );
  }
  const logId = randomBytes(5).toString('hex');
  logger.error(
    `Container scorecard request failed (logId=${logId})`,
    isError(error) ? error : new Error(String(error)),
  );
  if (looksLikeDatabaseError(error)) {
    return withNameAndMessageOnly(
      ServiceUnavailableError.name,
      `The container scorecard could not use its database (logId=${logId})`,
    );
  }
  return withNameAndMessageOnly(
    'Error',
    `An internal error occurred in the container scorecard (logId=${logId})`,
  );
}

function withNameAndMessageOnly(name: string, message: string): Error {
  const safe = new Error(message);
  safe.name = name;
  delete safe.stack;
  return safe;
}

function statusOf(error: unknown): number | undefined {
  const { statusCode, status } = (error ?? {}) as Record<string, unknown>;
  const value = typeof statusCode === 'number' ? statusCode : status;
  return typeof value === 'number' && Number.isInteger(value)
    ? value
    : undefined;
}

/** Drivers and knex mark their errors with a code (ECONNREFUSED, SQLSTATE, SQLITE_*) or a name. */
function looksLikeDatabaseError(error: unknown): boolean {
  if (!isError(error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    typeof code === 'string' ||
    /Knex|Database|Sqlite|Pool/i.test(error.name) ||
    /Knex|Database|Sqlite/i.test(error.constructor?.name ?? '')
  );
}
