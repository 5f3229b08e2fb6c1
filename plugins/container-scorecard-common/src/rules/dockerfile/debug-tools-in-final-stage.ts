import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { commandsOf, finalImageInstructions } from './helpers/dockerfileScope';
import { osPackageInstall, packageName } from './helpers/packageCommands';

/** Editors, debuggers, tracers and raw network tools: useful on a workstation, not in an image. */
const DEBUG_PACKAGES = new Set([
  'vim',
  'vim-tiny',
  'vim-nox',
  'vim-minimal',
  'vim-enhanced',
  'nano',
  'emacs',
  'emacs-nox',
  'gdb',
  'strace',
  'ltrace',
  'tcpdump',
  'netcat',
  'netcat-openbsd',
  'netcat-traditional',
  'nmap-ncat',
  'ncat',
  'nmap',
  'telnet',
]);

/**
 * Flags editors and debugging tools installed by an OS package manager in the final image (the
 * final stage and the stages it is built FROM). Build stages may install what they like. The
 * fix removes the package word when the install names other packages too.
 */
export const debugToolsInFinalStage = defineRule({
  id: 'debug-tools-in-final-stage',
  pillar: 'minimal',
  severity: 'low',
  appliesTo: ['dockerfile'],
  title: 'Editor or debug tool in the final image',
  message:
    'An editor or debugging tool is installed in the final image: the running process does not need it.',
  rationale:
    'A container image is a packaged process, not a machine to log into and repair. Editors, debuggers, tracers and netcat add size and vulnerabilities, and they are exactly the toolkit an intruder would otherwise have to bring: netcat opens reverse shells, gdb and strace attach to other processes. To debug, attach an ephemeral debug container or use a separate debug image target.',
  remediation: {
    description:
      'Remove the tools from the final stage; debug with `kubectl debug` / an ephemeral container, or build a separate `debug` target.',
    before:
      'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates vim strace && rm -rf /var/lib/apt/lists/*',
    after:
      'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*',
  },
  equivalents: {},
  fixable: true,
  check({ file }) {
    // A dev container is a workstation image: SDKs and tools are its purpose.
    if (/(^|\/)\.devcontainer\//.test(file.path)) return [];
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const instruction of finalImageInstructions(model)) {
      if (instruction.keyword !== 'RUN') continue;
      for (const command of commandsOf(model, instruction)) {
        const install = osPackageInstall(command);
        if (!install) continue;
        const remaining = install.packages.filter(
          p => !DEBUG_PACKAGES.has(packageName(p.value)),
        );
        for (const word of install.packages) {
          const name = packageName(word.value);
          if (!DEBUG_PACKAGES.has(name)) continue;
          const canFix =
            remaining.length > 0 &&
            !(instruction.form === 'exec' && command.depth === 0);
          const before = file.content.slice(0, word.startOffset);
          const blanks = before.length - before.replace(/[ \t]+$/, '').length;
          reports.push({
            range: word.range,
            message: `\`${name}\` is installed in the final image: the running process does not need it.`,
            ...(canFix
              ? {
                  fix: [
                    {
                      range: file.lineIndex.rangeOf(
                        word.startOffset - blanks,
                        word.endOffset,
                      ),
                      newText: '',
                    },
                  ],
                }
              : {}),
          });
        }
      }
    }
    return reports;
  },
});
