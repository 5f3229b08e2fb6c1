import type { ShellCommand, ShellScript } from '../../parsing/shell/shellTypes';
import { isShellProgram } from '../../parsing/shell/commandWrappers';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { commandsOf } from './helpers/dockerfileScope';
import { isOptionWord } from './helpers/packageCommands';

const INTERPRETERS = /^(python[\d.]*|perl|ruby|node|php)$/;

/** True when a downloader writes what it fetched to standard output. */
function downloadsToStdout(command: ShellCommand): boolean {
  const values = command.args.map(a => a.value);
  if (command.program === 'curl') {
    return !values.some(
      v =>
        v === '-o' ||
        v === '-O' ||
        v.startsWith('--output') ||
        v.startsWith('--remote-name') ||
        /^-[A-Za-z]*[oO][A-Za-z]*$/.test(v),
    );
  }
  if (command.program === 'wget') {
    return values.some(
      (v, i) =>
        /^-[A-Za-z]*O-$/.test(v) ||
        v === '--output-document=-' ||
        v === '--output-document=/dev/stdout' ||
        (/^-[A-Za-z]*O$/.test(v) &&
          (values[i + 1] === '-' || values[i + 1] === '/dev/stdout')) ||
        (v === '--output-document' && values[i + 1] === '-'),
    );
  }
  return false;
}

/** True when a shell or interpreter runs the script it reads on standard input. */
function runsStdin(command: ShellCommand): boolean {
  const isShell = isShellProgram(command.program);
  if (!isShell && !INTERPRETERS.test(command.program)) return false;
  for (const arg of command.args) {
    const value = arg.value;
    if (
      value === '-' ||
      value === '-s' ||
      (isShell && /^-[a-z]*s[a-z]*$/.test(value))
    )
      return true;
    if (value === '--') continue;
    if (isOptionWord(value)) {
      // `-c` (shells), `-c`/`-e`/`-m` (interpreters): the code comes from the arguments.
      if (/^-[A-Za-z]*[cemr]$/.test(value) || value === '--eval') return false;
      continue;
    }
    return false; // a script file
  }
  return true;
}

function isInside(inner: ShellCommand, start: number, end: number): boolean {
  return inner.startOffset >= start && inner.endOffset <= end;
}

/** Downloads executed straight from a pipe or a substitution, with the command that runs them. */
function remoteExecutions(script: ShellScript): ShellCommand[] {
  const found: ShellCommand[] = [];
  const downloaders = script.commands.filter(
    c => (c.program === 'curl' || c.program === 'wget') && downloadsToStdout(c),
  );
  for (const pipeline of script.pipelines) {
    const inPipe = (c: ShellCommand) =>
      c.depth === pipeline.depth &&
      isInside(c, pipeline.startOffset, pipeline.endOffset);
    for (const download of downloaders.filter(inPipe)) {
      const runner = script.commands.find(
        c => inPipe(c) && c.startOffset > download.endOffset && runsStdin(c),
      );
      if (runner && !found.includes(download)) found.push(download);
    }
  }
  // `bash <(curl ...)`, `sh -c "$(curl ...)"`: the download is an argument of the shell.
  for (const download of downloaders) {
    const runner = script.commands.find(
      c =>
        c !== download &&
        c.depth === download.depth &&
        (isShellProgram(c.program) || INTERPRETERS.test(c.program)) &&
        c.args.some(a => isInside(download, a.startOffset, a.endOffset)),
    );
    if (runner && !found.includes(download)) found.push(download);
  }
  return found;
}

/** Flags `curl ... | sh` and its variants: running a script straight from the network. */
export const curlPipeToShell = defineRule({
  id: 'curl-pipe-to-shell',
  pillar: 'immutable',
  severity: 'high',
  appliesTo: ['dockerfile'],
  title: 'Remote script piped into a shell',
  message:
    'A script is downloaded and run in one go: download it, verify its checksum, then run it.',
  rationale:
    'Whatever the server returns on build day becomes part of the image, unseen and unverified. The script can change between two builds of the same commit, a compromised or hijacked host runs its code in your build, and a truncated download runs half a script. An image should be built only from inputs you can name and check.',
  remediation: {
    description:
      'Download a pinned version to a file, check it against a published checksum (or signature), then run it. Better still, install from a package or copy the binary from an official image.',
    before: 'RUN curl -fsSL https://example.com/install.sh | sh',
    after:
      'ARG TOOL_VERSION=1.4.2\nARG TOOL_SHA256=<sha256>\nRUN curl -fsSLo /tmp/install.sh https://example.com/${TOOL_VERSION}/install.sh \\\n && echo "${TOOL_SHA256}  /tmp/install.sh" | sha256sum -c - \\\n && sh /tmp/install.sh && rm /tmp/install.sh',
  },
  equivalents: {},
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const instruction of model.instructions) {
      const isRun =
        instruction.keyword === 'RUN' || instruction.onbuildTrigger === 'RUN';
      if (!isRun) continue;
      const commands = commandsOf(model, instruction);
      if (commands.length === 0) continue;
      for (const download of remoteExecutions({
        ...instruction.shell,
        commands,
      })) {
        const url = download.args.find(a => /^(https?|ftp):\/\//.test(a.value));
        reports.push({
          range: {
            start: download.nameWord.range.start,
            end: download.range.end,
          },
          message: `${download.program} output is run directly as code${
            url ? ` (${url.value})` : ''
          }: download to a file, verify its checksum, then run it.`,
        });
      }
    }
    return reports;
  },
});
