import { programName } from '../../parsing/shell/commandWrappers';
import type { DockerInstruction } from '../../parsing/dockerfile/dockerfileTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';

/** Shells hadolint accepts as honouring `-o pipefail` in a SHELL instruction. */
const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ash']);
/** Shells without POSIX pipes semantics: the rule does not apply under them. */
const NON_POSIX_SHELLS = /^(pwsh|powershell|cmd)(\.exe)?$/i;

type ShellState = 'default' | 'pipefail' | 'non-posix';

function stateAfterShellInstruction(
  instruction: DockerInstruction,
): ShellState {
  const argv = (instruction.execArguments ?? []).map(a => a.value);
  if (argv.length === 0) return 'default';
  const program = programName(argv[0]);
  if (NON_POSIX_SHELLS.test(program)) return 'non-posix';
  if (!PIPEFAIL_SHELLS.has(program)) return 'default';
  const setsPipefail = argv.some(
    (arg, index) =>
      /^-[A-Za-z]*o[A-Za-z]*$/.test(arg) && argv[index + 1] === 'pipefail',
  );
  return setsPipefail ? 'pipefail' : 'default';
}

/**
 * Flags a shell-form RUN with a pipe when pipefail is not on, following hadolint's DL4006:
 * the state resets at each FROM, a SHELL with bash/zsh/ash and `-o pipefail` satisfies it, a
 * PowerShell/cmd SHELL turns it off, exec-form RUN is not checked.
 * Beyond hadolint: `set -o pipefail` (or `set -euo pipefail`) earlier in the same RUN also
 * satisfies it, and a pipe inside `sh -c '...'` needs pipefail in that inner shell. Unlike
 * hadolint, a pipeline whose commands before the last are all echo/printf is not flagged.
 */
export const pipeWithoutPipefail = defineRule({
  id: 'pipe-without-pipefail',
  pillar: 'immutable',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'Pipe in RUN without pipefail',
  message:
    'This RUN pipes commands without pipefail: a failure before the last pipe is ignored and the build goes on.',
  rationale:
    'A pipeline reports only the status of its last command. `curl ... | tar x` "succeeds" when the download failed, and the image ships without what the next step expected. An image is only reproducible if a failed step fails the build. A pipeline that only feeds echo or printf output to its last command is not reported: printing its arguments is all the left side does, so pipefail would change nothing.',
  remediation: {
    description:
      'Set pipefail for every RUN of the stage with a SHELL instruction (bash, zsh or ash), or start the RUN with `set -o pipefail &&`.',
    before: 'RUN curl -fsSL https://example.com/tool.tgz | tar -xz -C /opt',
    after:
      'SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/tool.tgz | tar -xz -C /opt',
  },
  equivalents: { hadolint: 'DL4006' },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL4006',
  },
  equivalentsNote:
    'hadolint DL4006 ignores `set -o pipefail` inside the RUN itself; this rule accepts it, since the shell honours it. Deliberately narrower than DL4006: a pipeline whose every command before the last is a plain `echo` or `printf` (no command or process substitution, no redirect) is not flagged (`echo "$SHA  file" | sha512sum -c`, `if echo "$X" | grep -q y`): those builtins only print their arguments, so there is no failure for pipefail to surface, and the last command already decides the status. A substitution on the left (`echo "$(curl ...)" | sh`) or any other command there is still flagged.',
  check({ file }) {
    const reports: RuleReport[] = [];
    let state: ShellState = 'default';
    for (const instruction of file.dockerfile.instructions) {
      if (instruction.keyword === 'FROM') state = 'default';
      else if (instruction.keyword === 'SHELL')
        state = stateAfterShellInstruction(instruction);
      else if (
        instruction.keyword === 'RUN' &&
        instruction.form === 'shell' &&
        state !== 'non-posix'
      ) {
        const shellSetsPipefail = state === 'pipefail';
        // A pipeline whose commands before the last only print (echo/printf) has no failure for
        // pipefail to surface: the last command's status is already the RUN's.
        const unprotected = instruction.shell.pipelines.find(
          p =>
            !p.onlyPrintsBeforeLast &&
            !p.pipefail &&
            (p.depth > 0 || !shellSetsPipefail),
        );
        if (unprotected) reports.push({ range: unprotected.range });
      }
    }
    return reports;
  },
});
