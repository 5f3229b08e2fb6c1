import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import type {
  FileResult,
  RepositoryResult,
  ScorecardInputFile,
  RenderOptions,
} from '@container-scorecard/plugin-container-scorecard-common';
import type Piscina from 'piscina';
import type { AnalysisProgressMessage, AnalysisTask } from './types';

/** How one task on the pool ended. */
export type AttemptOutcome = { spentMs: number } & (
  | { kind: 'done'; result: RepositoryResult }
  | { kind: 'file-timeout'; path: string; finished: Map<string, FileResult> }
  | { kind: 'entity-timeout'; finished: Map<string, FileResult> }
  /** The worker died or threw; `path` is the file it was on, if any. */
  | {
      kind: 'crashed';
      path?: string;
      reason: string;
      finished: Map<string, FileResult>;
    }
);

type PiscinaTransferList = NonNullable<
  Parameters<Piscina['run']>[1]
>['transferList'];

type StopReason =
  | { kind: 'file-timeout'; path: string }
  | { kind: 'entity-timeout' };

function describeCrash(error: unknown, maxOldGenerationSizeMb?: number) {
  const code = (error as { code?: string })?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return `The analysis ran out of memory${
      maxOldGenerationSizeMb
        ? ` (the analysis worker's limit is ${maxOldGenerationSizeMb} MB)`
        : ''
    } and was stopped.`;
  }
  return `The analysis worker stopped: ${
    (error as Error)?.message ?? String(error)
  }`;
}

/**
 * Runs one entity as one task on the pool and enforces its deadlines from this thread: the
 * per-file timer is armed when the worker says a file started, the entity timer when the task
 * started (not while it queues). Either deadline aborts the task, and piscina ends the worker
 * thread of a running task whose signal fires, which is the only way to stop synchronous code.
 */
export async function runAnalysisAttempt(
  pool: Piscina,
  files: ScorecardInputFile[],
  options: {
    fileTimeoutMs: number;
    entityBudgetMs: number;
    signal?: AbortSignal;
    maxOldGenerationSizeMb?: number;
    renderOptions?: RenderOptions;
  },
): Promise<AttemptOutcome> {
  const { port1, port2 } = new MessageChannel();
  const controller = new AbortController();
  const finished = new Map<string, FileResult>();
  let current: { path: string; startedAt: number } | undefined;
  let taskStartedAt: number | undefined;
  let stop: StopReason | undefined;
  let fileTimer: NodeJS.Timeout | undefined;
  let entityTimer: NodeJS.Timeout | undefined;

  const stopWith = (reason: StopReason) => {
    if (stop) return;
    stop = reason;
    controller.abort(new Error(reason.kind));
  };
  // Progress may sit undelivered while a timer fires: read it first, so a file that just
  // finished is not blamed for the time its successor took.
  const drain = () => {
    for (
      let next = receiveMessageOnPort(port1);
      next;
      next = receiveMessageOnPort(port1)
    ) {
      handle(next.message);
    }
  };
  const armFileTimer = (path: string, startedAt: number) => {
    clearTimeout(fileTimer);
    if (!Number.isFinite(options.fileTimeoutMs)) return;
    fileTimer = setTimeout(() => {
      drain();
      if (current?.path === path) stopWith({ kind: 'file-timeout', path });
    }, Math.max(0, startedAt + options.fileTimeoutMs - Date.now()));
  };
  function handle(message: AnalysisProgressMessage) {
    switch (message.type) {
      case 'task-started':
        taskStartedAt = Date.now();
        // No entity deadline (the CLI's case) is Infinity, which setTimeout would take as 1 ms.
        if (Number.isFinite(options.entityBudgetMs)) {
          entityTimer = setTimeout(() => {
            drain();
            stopWith({ kind: 'entity-timeout' });
          }, Math.max(0, options.entityBudgetMs));
        }
        break;
      case 'file-started':
        current = { path: message.path, startedAt: message.startedAt };
        armFileTimer(message.path, message.startedAt);
        break;
      case 'file-finished':
        finished.set(message.result.path, message.result);
        current = undefined;
        clearTimeout(fileTimer);
        break;
      case 'repository-rules-started':
        current = undefined;
        clearTimeout(fileTimer);
        break;
      default:
    }
  }
  port1.on('message', handle);
  const onCallerAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const spent = () => (taskStartedAt ? Date.now() - taskStartedAt : 0);

  try {
    const task: AnalysisTask = {
      files,
      progress: port2,
      ...(options.renderOptions
        ? { renderOptions: options.renderOptions }
        : {}),
    };
    const result: RepositoryResult = await pool.run(task, {
      // piscina infers its transfer-list type from MessagePort.postMessage, whose last overload
      // in newer @types/node takes options; a MessagePort is transferable all the same.
      transferList: [port2] as unknown as PiscinaTransferList,
      signal: controller.signal,
    });
    return { kind: 'done', result, spentMs: spent() };
  } catch (error) {
    drain();
    if (stop) return { ...stop, finished, spentMs: spent() };
    if (options.signal?.aborted) throw options.signal.reason;
    return {
      kind: 'crashed',
      path: current?.path,
      reason: describeCrash(error, options.maxOldGenerationSizeMb),
      finished,
      spentMs: spent(),
    };
  } finally {
    clearTimeout(fileTimer);
    clearTimeout(entityTimer);
    options.signal?.removeEventListener('abort', onCallerAbort);
    port1.close();
  }
}
