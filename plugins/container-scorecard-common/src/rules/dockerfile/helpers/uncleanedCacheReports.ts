import type { ShellCommand } from '../../../parsing/shell/shellTypes';
import type { ParsedDockerfile, RuleReport } from '../../framework/ruleTypes';
import {
  appendToRunFix,
  hasCacheOrTmpfsMountWith,
  installWithoutLaterCleanup,
  runInstructions,
  stageReachesImage,
} from './runCommandFacts';

/**
 * The one test behind the "cache not cleaned" rules (yum, zypper, yarn; hadolint DL3032, DL3036,
 * DL3060): in each RUN and ONBUILD RUN whose layer reaches the image, an install with no clean-up
 * after it, unless a cache or tmpfs mount covers the cache. The finding spans the install
 * command; the fix appends `cleanCommand` to the RUN.
 */
export function uncleanedCacheReports(
  file: ParsedDockerfile,
  cache: {
    isInstall: (command: ShellCommand) => boolean;
    isCleanup: (command: ShellCommand) => boolean;
    cacheDirectories: string[];
    cleanCommand: string;
  },
): RuleReport[] {
  const model = file.dockerfile;
  const reports: RuleReport[] = [];
  for (const { instruction, commands } of runInstructions(model, {
    onbuild: true,
  })) {
    if (
      instruction.keyword === 'RUN' &&
      !stageReachesImage(model, instruction.stageIndex)
    )
      continue;
    const install = installWithoutLaterCleanup(
      commands,
      cache.isInstall,
      cache.isCleanup,
    );
    if (!install) continue;
    if (hasCacheOrTmpfsMountWith(instruction, cache.cacheDirectories)) continue;
    const fix = appendToRunFix(instruction, file.lineIndex, cache.cleanCommand);
    reports.push({
      range: { start: install.nameWord.range.start, end: install.range.end },
      ...(fix ? { fix } : {}),
    });
  }
  return reports;
}
