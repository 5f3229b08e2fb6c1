import type { ShellCommand } from '../../parsing/shell/shellTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { commandsIn } from './helpers/dockerfileScope';
import { nonOptionArguments } from './helpers/packageCommands';

interface ManagerSpec {
  optionsWithValue: readonly string[];
  /** Subcommands that upgrade the whole system when given no package. */
  upgrades: readonly string[];
  /** Subcommands that upgrade the whole system even with packages named. */
  alwaysWhole?: readonly string[];
}

const APT: ManagerSpec = {
  optionsWithValue: ['o', 'c', 't', 'option', 'config-file', 'target-release'],
  upgrades: ['upgrade', 'full-upgrade'],
  alwaysWhole: ['dist-upgrade'],
};
const RPM: ManagerSpec = {
  optionsWithValue: [
    'enablerepo',
    'disablerepo',
    'setopt',
    'installroot',
    'releasever',
    'x',
    'exclude',
  ],
  upgrades: [
    'update',
    'upgrade',
    'upgrade-minimal',
    'update-minimal',
    'distro-sync',
    'distribution-synchronization',
  ],
};

const MANAGERS: Record<string, ManagerSpec> = {
  'apt-get': APT,
  apt: APT,
  aptitude: { ...APT, upgrades: ['upgrade', 'safe-upgrade', 'full-upgrade'] },
  apk: {
    optionsWithValue: ['X', 'repository', 'p', 'root'],
    upgrades: ['upgrade'],
  },
  yum: RPM,
  dnf: RPM,
  microdnf: RPM,
  tdnf: RPM,
  zypper: {
    optionsWithValue: ['r', 'repo', 'from'],
    upgrades: ['update', 'up', 'patch'],
    alwaysWhole: ['dist-upgrade', 'dup'],
  },
};

function wholeSystemUpgrade(command: ShellCommand): string | undefined {
  const spec = MANAGERS[command.program];
  if (!spec) return undefined;
  const [subcommand, ...packages] = nonOptionArguments(
    command.args,
    spec.optionsWithValue,
  ).map(a => a.value);
  if (!subcommand) return undefined;
  if (spec.alwaysWhole?.includes(subcommand)) return subcommand;
  return spec.upgrades.includes(subcommand) && packages.length === 0
    ? subcommand
    : undefined;
}

/** Flags upgrading every installed package during the build (`apt-get upgrade`, `apk upgrade`, ...). */
export const packageManagerUpgrade = defineRule({
  id: 'package-manager-upgrade',
  pillar: 'immutable',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'Whole-system package upgrade in the build',
  message:
    'The build upgrades every installed package: take fixes from a newer base image instead.',
  rationale:
    'A base image is a tested, versioned set of packages. Upgrading all of them during the build turns it into whatever the mirrors hold that day: the same Dockerfile gives different images, the base tag no longer says what is inside, and a major upgrade can change the runtime under the application without anyone deciding it.',
  remediation: {
    description:
      'Rebuild on a newer (patched) base image tag or digest, and let a bot such as Renovate or Dependabot propose base updates. If one package needs a fix now, upgrade that package by name and version.',
    before:
      'FROM debian:12\nRUN apt-get update && apt-get -y upgrade && apt-get install -y curl',
    after:
      'FROM debian:12.8-slim@sha256:<digest>\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8',
  },
  equivalents: { trivy: 'DS-0024' },
  equivalentLinks: {
    trivy: 'https://avd.aquasec.com/misconfig/ds024',
  },
  equivalentsNote:
    'Trivy DS-0024 (deprecated) only looks for `apt-get dist-upgrade`; this rule covers upgrade/dist-upgrade/full-upgrade of apt, apk, yum, dnf, microdnf and zypper, and accepts a targeted upgrade of named packages.',
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const { command } of commandsIn(model, model.instructions, ['RUN'], {
      onbuild: true,
    })) {
      const subcommand = wholeSystemUpgrade(command);
      if (!subcommand) continue;
      reports.push({
        range: { start: command.nameWord.range.start, end: command.range.end },
        message: `\`${command.program} ${subcommand}\` upgrades every installed package during the build: use a newer base image instead.`,
      });
    }
    return reports;
  },
});
