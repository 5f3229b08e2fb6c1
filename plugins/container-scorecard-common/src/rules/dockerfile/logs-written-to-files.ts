import type { SourceRange } from '../../model/types';
import type {
  DockerInstruction,
  DockerfileModel,
} from '../../parsing/dockerfile/dockerfileTypes';
import type { ShellCommand } from '../../parsing/shell/shellTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import {
  commandsIn,
  commandsOf,
  effectiveStartInstructions,
  finalImageInstructions,
} from './helpers/dockerfileScope';
import { keyValuePairs } from './helpers/keyValuePairs';
import { isOptionWord } from './helpers/packageCommands';

/** Destinations that are the container's own output (or nothing). */
const STREAM =
  /^(\/dev\/(stdout|stderr|null|fd\/[12])|\/proc\/self\/fd\/[12]|-|stdout|stderr|&?[12])$/;
const WRITE_OPERATORS = new Set(['>', '>>', '&>', '&>>', '>|']);
/** Options with which servers send their logs to a file. */
const LOG_FILE_OPTION =
  /^--?(log[-_]?file|log[-_]?path|logpath|log[-_]?dir|access[-_]?logfile|error[-_]?logfile|access[-_]?log|error[-_]?log)$/i;
/**
 * Variables that name a log file. Log *directory* variables are left alone: images often set
 * them only to link the files inside to stdout/stderr.
 */
const LOG_VARIABLE =
  /(^|_)((LOG|LOGGING)_?(FILE|FILENAME|PATH|LOCATION)|(ACCESS|ERROR)_?LOG(_?(FILE|PATH))?)$/;

function isFilePath(value: string): boolean {
  return (
    !STREAM.test(value) &&
    (value.startsWith('/') || value.startsWith('./') || /\.log$/.test(value))
  );
}

/** Paths the image links to stdout/stderr (`ln -sf /dev/stdout /var/log/nginx/access.log`). */
function linkedToStreams(
  model: DockerfileModel,
  found: { instruction: DockerInstruction; command: ShellCommand }[],
): string[] {
  return found
    .filter(({ command }) => command.program === 'ln')
    .flatMap(({ instruction, command }) => {
      const [target, link] = command.args
        .map(a => a.value)
        .filter(v => !isOptionWord(v));
      if (!target || !link || !STREAM.test(target)) return [];
      return [model.resolve(link, instruction.range.start.line).value];
    });
}

/** Log-file options of a command, with the words that set them. */
function logFileOptions(
  command: ShellCommand,
): { path: string; range: SourceRange }[] {
  const words = [command.nameWord, ...command.args];
  const found: { path: string; range: SourceRange }[] = [];
  words.forEach((word, i) => {
    const [option, inline] = word.value.split(/=(.*)/s);
    if (!LOG_FILE_OPTION.test(option)) return;
    const valueWord = inline === undefined ? words[i + 1] : word;
    const path = inline ?? valueWord?.value;
    if (path === undefined || !isFilePath(path)) return;
    found.push({
      path,
      range: { start: word.range.start, end: valueWord.range.end },
    });
  });
  return found;
}

/** Flags logs sent to files inside the container instead of stdout/stderr. */
export const logsWrittenToFiles = defineRule({
  id: 'logs-written-to-files',
  pillar: 'state-outside',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'Logs written to files in the container',
  message:
    'The container writes its logs to a file: write them to stdout/stderr so the platform collects them.',
  rationale:
    'The platform collects what a container prints: `docker logs`, `kubectl logs` and every log shipper read stdout and stderr. A log file inside the container is invisible to them, fills the writable layer until the disk or the memory limit is reached, and disappears with the container, right when you need it to understand a crash.',
  remediation: {
    description:
      'Log to stdout/stderr (most servers accept `-` or /dev/stdout as the log file). For software that insists on files, link them to the streams as the official images do.',
    before:
      'ENV LOG_FILE=/var/log/app/app.log\nCMD node server.js >> /var/log/app/app.log 2>&1',
    after:
      'RUN ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log\nCMD ["node", "server.js"]',
  },
  equivalents: {},
  check({ file }) {
    const model = file.dockerfile;
    const shipped = finalImageInstructions(model);
    const linked = linkedToStreams(model, commandsIn(model, shipped));
    const isLinked = (path: string) =>
      linked.some(
        link =>
          link === path || link.startsWith(`${path.replace(/\/+$/, '')}/`),
      );
    const reports: RuleReport[] = [];
    for (const instruction of effectiveStartInstructions(model)) {
      for (const command of commandsOf(model, instruction)) {
        const redirected = (command.redirects ?? [])
          .filter(r => WRITE_OPERATORS.has(r.operator))
          .filter(r => isFilePath(r.target.value) && !isLinked(r.target.value));
        for (const redirect of redirected) {
          reports.push({
            range: redirect.target.range,
            message: `${instruction.keyword} sends output to the file ${redirect.target.value}: let it go to stdout/stderr instead.`,
          });
        }
        for (const { path, range } of logFileOptions(command)) {
          if (isLinked(path)) continue;
          reports.push({
            range,
            message: `${command.program} is told to log to ${path}: pass - or /dev/stdout instead.`,
          });
        }
      }
    }
    for (const instruction of shipped) {
      if (instruction.keyword !== 'ENV') continue;
      for (const pair of keyValuePairs(
        instruction,
        file.lineIndex,
        model.escapeChar,
      )) {
        const name = pair.key.toUpperCase();
        const value = pair.value?.trim() ?? '';
        if (!LOG_VARIABLE.test(name) || !isFilePath(value) || isLinked(value))
          continue;
        reports.push({
          range: pair.range,
          message: `ENV ${pair.key} points logs at ${value}: point it at /dev/stdout (or leave it unset) so logs reach the platform.`,
        });
      }
    }
    return reports;
  },
});
