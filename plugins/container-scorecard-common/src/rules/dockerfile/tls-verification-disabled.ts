import type { DockerInstruction } from '../../parsing/dockerfile/dockerfileTypes';
import type { ShellCommand } from '../../parsing/shell/shellTypes';
import type { LineIndex } from '../../text/LineIndex';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { keyValuePairs } from './helpers/keyValuePairs';
import { runInstructions } from './helpers/runCommandFacts';

/** curl short options that take a value: in `-ok`, the `k` is the output file name. */
const CURL_SHORT_WITH_VALUE = new Set('AbcCdDeEFHKmoPQrTtuUwxXyYz'.split(''));

/** True when a curl short-option cluster (`-fsSLk`) turns on `-k` (`--insecure`). */
function curlClusterHasK(word: string): boolean {
  if (!/^-[A-Za-z0-9#:]+$/.test(word)) return false;
  for (const letter of word.slice(1)) {
    if (letter === 'k') return true;
    if (CURL_SHORT_WITH_VALUE.has(letter)) return false;
  }
  return false;
}

const FALSE_WORDS = /^(false|0|no|off)$/i;

/**
 * Environment variables that turn verification off: the variable, whether a value disables it,
 * and what it disables. Any non-empty value counts for the ones a program checks for presence.
 */
const ENV_SWITCHES: {
  name: RegExp;
  disables: (value: string) => boolean;
  what: string;
}[] = [
  {
    name: /^GIT_SSL_NO_VERIFY$/,
    disables: v => v !== '',
    what: 'GIT_SSL_NO_VERIFY turns off TLS certificate verification for git',
  },
  {
    name: /^NODE_TLS_REJECT_UNAUTHORIZED$/,
    disables: v => v === '0',
    what: 'NODE_TLS_REJECT_UNAUTHORIZED=0 turns off TLS certificate verification for Node.js',
  },
  {
    name: /^PIP_TRUSTED_HOST$/,
    disables: v => v !== '',
    what: 'PIP_TRUSTED_HOST makes pip accept hosts without valid HTTPS',
  },
  {
    name: /^npm_config_strict_ssl$/i,
    disables: v => FALSE_WORDS.test(v),
    what: 'npm_config_strict_ssl=false turns off TLS certificate verification for npm',
  },
  {
    name: /^YARN_ENABLE_STRICT_SSL$/,
    disables: v => FALSE_WORDS.test(v),
    what: 'YARN_ENABLE_STRICT_SSL=false turns off TLS certificate verification for yarn',
  },
  {
    name: /^PYTHONHTTPSVERIFY$/,
    disables: v => v === '0',
    what: 'PYTHONHTTPSVERIFY=0 turns off TLS certificate verification for Python',
  },
  {
    name: /^GOINSECURE$/,
    disables: v => v !== '',
    what: 'GOINSECURE lets go fetch modules without HTTPS or certificate checks',
  },
];

function envSwitch(name: string, value: string): string | undefined {
  const unquoted = value.replace(/^(["'])(.*)\1$/, '$2');
  return ENV_SWITCHES.find(s => s.name.test(name) && s.disables(unquoted))
    ?.what;
}

/** `NAME=value` words: command prefixes and the arguments of export/declare/env. */
function assignmentsOf(command: ShellCommand): string[] {
  const words = [...command.assignments];
  if (
    ['export', 'declare', 'typeset', 'env', 'readonly'].includes(
      command.program,
    )
  )
    words.push(...command.args.map(a => a.value));
  return words.filter(w => /^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
}

/** apt configuration that turns off signature or certificate checks. */
const APT_INSECURE_SETTING =
  /(AllowInsecureRepositories|AllowDowngradeToInsecureRepositories|AllowUnauthenticated)"?\s*[= ]\s*"?(true|1|yes)\b|Verify-(Peer|Host)"?\s*[= ]\s*"?(false|0|no)\b/i;
/** yum/dnf repository or command-line settings that turn off signature or certificate checks. */
const RPM_INSECURE_SETTING =
  /(^|[\s.;/]|\\n)(gpgcheck\s*=\s*(0|false|no)|sslverify\s*=\s*(0|false|no))\b/im;

const PACKAGE_NODE = ['npm', 'yarn', 'pnpm'];

function isPip(command: ShellCommand): boolean {
  if (/^pip[\d.]*$/.test(command.program)) return true;
  const values = command.args.map(a => a.value);
  return (
    command.program.startsWith('python') &&
    values.some((v, i) => v === '-m' && values[i + 1] === 'pip')
  );
}

/** What a command disables, or undefined when it leaves verification on. */
function insecureUse(command: ShellCommand): string | undefined {
  const values = command.args.map(a => a.value);
  const has = (...options: string[]) =>
    values.find(v => options.some(o => v === o || v.startsWith(`${o}=`)));
  const program = command.program;

  if (program === 'curl') {
    const flag =
      has('--insecure', '--proxy-insecure', '--doh-insecure') ??
      values.find(curlClusterHasK);
    if (flag) return `curl ${flag} turns off TLS certificate verification`;
  }
  if (program === 'wget') {
    if (has('--no-check-certificate'))
      return 'wget --no-check-certificate turns off TLS certificate verification';
    if (values.some(v => /^--check-certificate=(off|no|0|false)$/i.test(v)))
      return 'wget --check-certificate=off turns off TLS certificate verification';
  }
  if (isPip(command)) {
    if (has('--trusted-host'))
      return 'pip --trusted-host makes pip accept a host without valid HTTPS';
    if (
      values.includes('config') &&
      values.some(v => /(^|\.)trusted-host$/.test(v))
    )
      return 'pip config set trusted-host makes pip accept a host without valid HTTPS';
  }
  if (PACKAGE_NODE.includes(program)) {
    const setAt = values.indexOf('set');
    const setting = setAt >= 0 ? values.slice(setAt + 1) : [];
    const key = setting[0]?.split('=')[0];
    const value = setting[0]?.includes('=')
      ? setting[0].split('=')[1]
      : setting[1];
    if (
      (key === 'strict-ssl' || key === 'enableStrictSsl') &&
      value !== undefined &&
      FALSE_WORDS.test(value)
    )
      return `${program} config set ${key} false turns off TLS certificate verification`;
    if (
      values.includes('--no-strict-ssl') ||
      values.some(v => /^--strict-ssl=(false|0|no)$/i.test(v)) ||
      values.some(
        (v, i) => v === '--strict-ssl' && FALSE_WORDS.test(values[i + 1] ?? ''),
      )
    )
      return `${program} --strict-ssl=false turns off TLS certificate verification`;
  }
  if (['apt-get', 'apt', 'aptitude'].includes(program)) {
    const flag = has(
      '--allow-unauthenticated',
      '--allow-insecure-repositories',
      '--allow-downgrade-to-insecure-repositories',
      '--force-yes',
    );
    if (flag)
      return `${program} ${flag} installs packages whose signatures are not checked`;
    const option = values.find(
      (v, i) =>
        (v.startsWith('-o') ||
          values[i - 1] === '-o' ||
          values[i - 1] === '--option') &&
        APT_INSECURE_SETTING.test(v),
    );
    if (option)
      return `apt option ${option.replace(
        /^-o/,
        '',
      )} turns off signature or certificate checks`;
  }
  if (
    ['yum', 'dnf', 'microdnf', 'tdnf', 'yum-config-manager'].includes(program)
  ) {
    if (has('--nogpgcheck'))
      return `${program} --nogpgcheck installs packages whose signatures are not checked`;
    const setopt = values.find(
      (v, i) =>
        (v.startsWith('--setopt') || values[i - 1] === '--setopt') &&
        RPM_INSECURE_SETTING.test(v.replace(/^--setopt=?/, ' ')),
    );
    if (setopt)
      return `${program} ${setopt} turns off signature or certificate checks`;
  }
  if (program === 'rpm') {
    const flag = has(
      '--nosignature',
      '--nodigest',
      '--nogpgcheck',
      '--noverify',
      '--nofiledigest',
    );
    if (flag)
      return `rpm ${flag} installs packages whose signatures or digests are not checked`;
  }
  if (program === 'apk' && has('--allow-untrusted'))
    return 'apk --allow-untrusted installs packages whose signatures are not checked';
  if (program === 'git') {
    const inline = values.find(
      (v, i) =>
        values[i - 1] === '-c' &&
        /^http(\..+)?\.sslverify=(false|0|no|off)$/i.test(v),
    );
    if (inline)
      return `git -c ${inline} turns off TLS certificate verification`;
    const at = values.indexOf('config');
    if (at >= 0) {
      const rest = values.slice(at + 1).filter(v => !v.startsWith('-'));
      if (
        rest.length >= 2 &&
        /^http(\..+)?\.sslverify$/i.test(rest[0]) &&
        FALSE_WORDS.test(rest[1])
      )
        return `git config ${rest[0]} ${rest[1]} turns off TLS certificate verification`;
    }
  }
  // Configuration written by echo/printf/sed: apt.conf snippets, `[trusted=yes]` sources (not local `file:` ones),
  // `gpgcheck=0` or `sslverify=0` in repository files.
  if (['echo', 'printf', 'sed', 'tee'].includes(program)) {
    const text = values.join(' ');
    // A local repository (`file:`, `copy:`) built in the same build has no network to trust.
    if (/\[[^\]]*\btrusted=yes\b[^\]]*\](?!\s*(file|copy):)/.test(text))
      return 'an apt source marked [trusted=yes] is installed from without signature checks';
    if (APT_INSECURE_SETTING.test(text))
      return 'the apt configuration written here turns off signature or certificate checks';
    if (
      RPM_INSECURE_SETTING.test(text) &&
      !/s\/[^/]*gpgcheck\s*=\s*0/.test(text)
    )
      return 'the repository configuration written here turns off signature or certificate checks';
  }
  for (const assignment of assignmentsOf(command)) {
    const eq = assignment.indexOf('=');
    const what = envSwitch(assignment.slice(0, eq), assignment.slice(eq + 1));
    if (what) return what;
  }
  return undefined;
}

/** `export NAME=value` (a declaration, not a command, for the shell parser) in a RUN's text. */
const EXPORT =
  /(^|[\s;&|(])(?:export|declare\s+-x)\s+([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|[^\s;&|)]*)/g;

function exportedSwitches(
  instruction: DockerInstruction,
  lineIndex: LineIndex,
): RuleReport[] {
  const start = instruction.argumentsStartOffset;
  if (start === undefined || !instruction.argumentsText.includes('export'))
    return [];
  const reports: RuleReport[] = [];
  for (const match of instruction.argumentsText.matchAll(EXPORT)) {
    const what = envSwitch(match[2], match[3]);
    if (!what) continue;
    const from = start + (match.index ?? 0) + match[1].length;
    reports.push({
      range: lineIndex.rangeOf(
        from,
        start + (match.index ?? 0) + match[0].length,
      ),
      message: `${what}: whatever answers on the network goes into the image.`,
    });
  }
  return reports;
}

/**
 * Flags builds that turn off TLS certificate or package signature verification: curl -k, wget
 * --no-check-certificate, pip --trusted-host, npm strict-ssl false, apt/yum/rpm/apk options that
 * skip signatures, git sslVerify false, and the environment variables that do the same.
 */
export const tlsVerificationDisabled = defineRule({
  id: 'tls-verification-disabled',
  pillar: 'immutable',
  severity: 'high',
  appliesTo: ['dockerfile'],
  title: 'TLS or signature verification turned off',
  message:
    'The build turns off TLS certificate or package signature verification: whatever answers on the network goes into the image.',
  rationale:
    'An image is a filesystem assembled from downloads, then run as a process with your credentials and your network. Certificate and signature checks are the only proof that those downloads came from who you think: with them off, anyone on the path (a proxy, a compromised mirror, a hijacked DNS answer) can substitute a package or script, and it is baked into every container started from the image. Set as ENV, the same switches also stay on in the running process, which then trusts any server it talks to.',
  remediation: {
    description:
      "Remove the switch and fix the cause instead: install the CA certificates (or your proxy's CA) into the build, use the HTTPS URL with a valid certificate, import the repository's signing key. For packages you built yourself, sign them or verify a checksum.",
    before:
      'RUN curl -k -fsSLo /tmp/tool.tgz https://example.com/tool.tgz\nRUN pip install --trusted-host pypi.example.com -r requirements.txt',
    after:
      'COPY corp-ca.crt /usr/local/share/ca-certificates/\nRUN update-ca-certificates\nRUN curl -fsSLo /tmp/tool.tgz https://example.com/tool.tgz\nRUN pip install --no-cache-dir -r requirements.txt',
  },
  equivalents: {
    checkov:
      'CKV2_DOCKER_2, CKV2_DOCKER_3, CKV2_DOCKER_4, CKV2_DOCKER_5, CKV2_DOCKER_6, CKV2_DOCKER_7, CKV2_DOCKER_8, CKV2_DOCKER_9, CKV2_DOCKER_10, CKV2_DOCKER_11, CKV2_DOCKER_12, CKV2_DOCKER_13, CKV2_DOCKER_14, CKV2_DOCKER_15, CKV2_DOCKER_16, CKV2_DOCKER_18',
  },
  equivalentLinks: {
    checkov:
      'https://github.com/bridgecrewio/checkov/tree/main/checkov/dockerfile/checks/graph_checks',
  },
  equivalentsNote:
    "One rule for Checkov's family of graph checks (read in checkov/dockerfile/checks/graph_checks): curl -k/--insecure (CKV2_DOCKER_2), wget --no-check-certificate (_3), pip --trusted-host (_4), PYTHONHTTPSVERIFY=0 (_5), NODE_TLS_REJECT_UNAUTHORIZED=0 (_6), apk --allow-untrusted (_7), apt-get --allow-unauthenticated (_8), yum/dnf/rpm --nogpgcheck (_9), rpm --nosignature/--nodigest/--noverify/--nofiledigest (_10), apt-get --force-yes (_11), NPM_CONFIG_STRICT_SSL=false (_12), npm/yarn config set strict-ssl false (_13), GIT_SSL_NO_VERIFY (_14), yum/dnf sslverify=0 (_15), PIP_TRUSTED_HOST (_16) and GOINSECURE (_18). Checkov matches regular expressions on the RUN text; this rule reads the parsed commands, so `-k` in `-fsSLk` counts but `-o k` does not. Beyond Checkov: apt `-o Acquire::AllowInsecureRepositories=true` and Verify-Peer=false, `[trusted=yes]` sources (not local `file:` ones), `gpgcheck=0` written to repository files, `git config http.sslVerify false` and `git -c`, curl --proxy-insecure, yarn's enableStrictSsl, ONBUILD RUN triggers. hadolint and KICS have no such check.",
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const { instruction, commands } of runInstructions(model, {
      onbuild: true,
    })) {
      reports.push(...exportedSwitches(instruction, file.lineIndex));
      for (const command of commands) {
        const what = insecureUse(command);
        if (!what) continue;
        reports.push({
          range: {
            start: command.nameWord.range.start,
            end: command.range.end,
          },
          message: `${what}: whatever answers on the network goes into the image.`,
        });
      }
    }
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG')
        continue;
      for (const pair of keyValuePairs(
        instruction,
        file.lineIndex,
        model.escapeChar,
      )) {
        if (pair.value === undefined) continue;
        const what = envSwitch(pair.key, pair.value);
        if (!what) continue;
        reports.push({
          range: pair.range,
          message: `${what} during the build${
            instruction.keyword === 'ENV'
              ? ' and in every running container'
              : ''
          }.`,
        });
      }
    }
    return reports;
  },
});
