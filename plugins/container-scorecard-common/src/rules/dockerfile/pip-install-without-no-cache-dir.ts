import type {
  DockerInstruction,
  DockerfileModel,
} from '../../parsing/dockerfile/dockerfileTypes';
import type { ShellCommand } from '../../parsing/shell/shellTypes';
import type { LineIndex } from '../../text/LineIndex';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { stageAncestry } from './helpers/dockerfileScope';
import { keyValuePairs } from './helpers/keyValuePairs';
import {
  hasCacheOrTmpfsMountWith,
  insertAfterWordFix,
  runInstructions,
  stageReachesImage,
} from './helpers/runCommandFacts';

/**
 * The values pip accepts for PIP_NO_CACHE_DIR (its `strtobool`). pip turns the cache off for
 * every one of them, false ones included: its `_handle_no_cache_dir` keeps an old behaviour in
 * which `PIP_NO_CACHE_DIR=off` disabled the cache, so `off` and `0` disable it too.
 */
const PIP_BOOLEAN = /^(y|yes|t|true|on|1|n|no|f|false|off|0)$/i;

/**
 * `--no-cache-dir`, or an abbreviation pip's option parser expands to it (`--no-cache`: no other
 * pip option starts so).
 */
const NO_CACHE_DIR = /^--no-cache(-(d(i(r)?)?)?)?(=|$)/;

/** pipx and pipenv manage their own environments; hadolint leaves them alone. */
function isPipWrapper(command: ShellCommand): boolean {
  const values = command.args.map(a => a.value);
  return ['pipx', 'pipenv'].some(
    wrapper =>
      command.program.includes(wrapper) ||
      (command.program.startsWith('python') &&
        values.some((v, i) => v === '-m' && values[i + 1] === wrapper)),
  );
}

/** `pip install`, `pip3 install`, `python -m pip install` (hadolint's `isPipInstall`). */
function isPipInstall(command: ShellCommand): boolean {
  const values = command.args.map(a => a.value);
  if (command.program.startsWith('pip')) return values.includes('install');
  if (!command.program.startsWith('python')) return false;
  return values.some(
    (v, i) =>
      v === '-m' && values[i + 1] === 'pip' && values[i + 2] === 'install',
  );
}

/** hadolint's reading of the RUN text: a `PIP_NO_CACHE_DIR=<value>` anywhere in it. */
function runSetsNoCacheDir(instruction: DockerInstruction): boolean {
  const match = /PIP_NO_CACHE_DIR=["']?([A-Za-z0-9]+)/.exec(
    instruction.argumentsText,
  );
  return match !== null && PIP_BOOLEAN.test(match[1]);
}

/**
 * True when an `ENV PIP_NO_CACHE_DIR=<boolean>` is in effect at the instruction: set earlier in
 * its stage or in a stage it is built FROM.
 */
function envDisablesCache(
  model: DockerfileModel,
  instruction: DockerInstruction,
  lineIndex: LineIndex,
): boolean {
  const value = noCacheDirSettings(model, lineIndex).valueAt(instruction);
  return value !== undefined && PIP_BOOLEAN.test(value);
}

/** An ENV that sets PIP_NO_CACHE_DIR: where it stands and the value its last pair gives. */
interface Setting {
  startOffset: number;
  value: string;
}

interface NoCacheDirSettings {
  valueAt(instruction: DockerInstruction): string | undefined;
}

/**
 * The PIP_NO_CACHE_DIR settings of a Dockerfile, read once: reading every ENV of the stage chain
 * again for each pip RUN cost RUNs x instructions. The value in effect at an instruction is the
 * last set before it in its stage, else the last set in the stages it is built FROM.
 */
const settingsByModel = new WeakMap<DockerfileModel, NoCacheDirSettings>();

function noCacheDirSettings(
  model: DockerfileModel,
  lineIndex: LineIndex,
): NoCacheDirSettings {
  const cached = settingsByModel.get(model);
  if (cached) return cached;
  const settingsOf = (instructions: readonly DockerInstruction[]) => {
    const settings: Setting[] = [];
    for (const candidate of instructions) {
      if (candidate.keyword !== 'ENV') continue;
      let value: string | undefined;
      for (const pair of keyValuePairs(candidate, lineIndex, model.escapeChar))
        if (pair.key === 'PIP_NO_CACHE_DIR') value = pair.value;
      if (value !== undefined)
        settings.push({ startOffset: candidate.startOffset, value });
    }
    return settings;
  };
  const lastBefore = (settings: Setting[], offset: number) => {
    let low = 0;
    let high = settings.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (settings[mid].startOffset < offset) low = mid + 1;
      else high = mid;
    }
    return low > 0 ? settings[low - 1].value : undefined;
  };
  const byStage = model.stages.map(stage => settingsOf(stage.instructions));
  // What a stage hands to the stages built FROM it. The parser only lets a stage build on an
  // earlier one; any other chain is walked as the stage ancestry says.
  const atEnd: (string | undefined)[] = [];
  const inherited = (index: number): string | undefined => {
    const stage = model.stages[index];
    const base = stage.from.baseStageIndex;
    if (base === undefined) return undefined;
    if (base < index) return atEnd[base];
    let value: string | undefined;
    for (const ancestor of stageAncestry(model, stage).reverse().slice(0, -1))
      for (const setting of byStage[ancestor.index]) value = setting.value;
    return value;
  };
  const inheritedByStage = model.stages.map((_stage, index) => {
    const fromBase = inherited(index);
    const own = byStage[index];
    atEnd[index] = own.length > 0 ? own[own.length - 1].value : fromBase;
    return fromBase;
  });
  const withoutStage = settingsOf(model.instructions);
  const settings: NoCacheDirSettings = {
    valueAt(instruction) {
      const stage = model.stages[instruction.stageIndex];
      if (!stage) return lastBefore(withoutStage, instruction.startOffset);
      return (
        lastBefore(byStage[stage.index], instruction.startOffset) ??
        inheritedByStage[stage.index]
      );
    },
  };
  settingsByModel.set(model, settings);
  return settings;
}

/** Flags `pip install` without `--no-cache-dir`, as hadolint DL3042 does. */
export const pipInstallWithoutNoCacheDir = defineRule({
  id: 'pip-install-without-no-cache-dir',
  pillar: 'minimal',
  severity: 'low',
  appliesTo: ['dockerfile'],
  title: 'pip install keeps its download cache in the image',
  message:
    'pip install without --no-cache-dir leaves its wheel and download cache in the layer: add --no-cache-dir.',
  rationale:
    "A container ships only what its process needs. pip caches every wheel it downloads or builds under ~/.cache/pip so that a later install on the same machine is faster; in an image build there is no later install, so the cache is dead weight, often larger than the packages themselves, frozen into the layer and pulled by every node. Any boolean PIP_NO_CACHE_DIR turns the cache off (for compatibility pip reads even `off` and `false` that way), and `--no-cache` is pip's abbreviation of `--no-cache-dir`: both are accepted.",
  remediation: {
    description:
      'Pass `--no-cache-dir` to `pip install`, set `ENV PIP_NO_CACHE_DIR=1`, or keep ~/.cache/pip in a BuildKit cache mount.',
    before: 'RUN pip install -r requirements.txt',
    after: 'RUN pip install --no-cache-dir -r requirements.txt',
  },
  equivalents: {
    hadolint: 'DL3042',
    kics: 'Pip install Keeping Cached Packages',
  },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3042',
    kics: 'https://docs.kics.io/latest/queries/dockerfile-queries/f2f903fb-b977-461e-98d7-b3e2185c6118/',
  },
  equivalentsNote:
    "Same test as hadolint DL3042: `pip install` and `python -m pip install` need `--no-cache-dir` unless PIP_NO_CACHE_DIR is set in the RUN or by an ENV of the stage or of a stage it is built FROM, or a cache or tmpfs mount covers .cache/pip (deliberately also a mount on a parent such as /root/.cache, which hadolint does not see); pipx and pipenv are left alone; ONBUILD RUN triggers are checked. Deliberate differences: `--no-cache`, which pip expands to `--no-cache-dir`, is accepted; hadolint counts only true values of PIP_NO_CACHE_DIR, but pip turns the cache off for false ones too (`PIP_NO_CACHE_DIR=off`, common in Poetry images, disables it; see `_handle_no_cache_dir` in pip), so any boolean value is accepted here. Commands behind sudo/env wrappers and in `sh -c` strings are read too. Deliberately narrower, as apt-lists-not-cleaned and hadolint's own DL3060 are: only the stages whose layers ship are checked: the final stage and the stages it is built FROM, transitively; a stage only copied from (COPY --from), or the base of such a stage, is not, since its layers never reach the image (hadolint checks any stage another stage is built FROM).",
  fixable: true,
  check({ file }) {
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
      const installs = commands.filter(
        c =>
          isPipInstall(c) &&
          !isPipWrapper(c) &&
          !c.args.some(a => NO_CACHE_DIR.test(a.value)),
      );
      if (installs.length === 0) continue;
      if (runSetsNoCacheDir(instruction)) continue;
      if (hasCacheOrTmpfsMountWith(instruction, ['.cache/pip'])) continue;
      if (envDisablesCache(model, instruction, file.lineIndex)) continue;
      for (const install of installs) {
        const fix = insertAfterWordFix(install, 'install', ' --no-cache-dir');
        reports.push({
          range: {
            start: install.nameWord.range.start,
            end: install.range.end,
          },
          ...(fix ? { fix } : {}),
        });
      }
    }
    return reports;
  },
});
