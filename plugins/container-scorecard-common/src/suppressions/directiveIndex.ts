import type { Finding } from '../model/types';
import type { RuleMetadata } from '../rules/framework/ruleTypes';
import type { ScopedDirective } from './findSuppressionDirectives';

/**
 * The first waiver comment that covers each finding, and the first one that has not expired.
 * Comparing every finding with every comment cost findings x comments: a Dockerfile with a
 * `# hadolint ignore=...` above each of 20,000 RUNs took seconds. Comments are grouped by the
 * id they name, and each group is swept once in line order with the findings naming that id.
 */
export interface FirstDirectives {
  /** The earliest directive (in file order) covering the finding, expired or not. */
  first?: ScopedDirective;
  /** The earliest directive covering the finding that is still in force. */
  firstActive?: ScopedDirective;
}

interface Entry {
  /** Position in the directive list: earlier wins. */
  order: number;
  directive: ScopedDirective;
  active: boolean;
}

/** `inline:<rule id>` or `hadolint:<code>`: what a directive names and a finding answers to. */
function keysOfDirective(directive: ScopedDirective): string[] {
  return [...new Set(directive.ids)].map(id => `${directive.source}:${id}`);
}

function keysOfFinding(
  finding: Finding,
  rulesById: ReadonlyMap<string, RuleMetadata>,
): string[] {
  const keys = [`inline:${finding.ruleId}`];
  const hadolint = rulesById.get(finding.ruleId)?.equivalents.hadolint;
  if (hadolint) keys.push(`hadolint:${hadolint}`);
  return keys;
}

/** Returns, for each finding (by index), its first covering directives. */
export function firstDirectivesOf(
  findings: readonly Finding[],
  directives: readonly ScopedDirective[],
  rulesById: ReadonlyMap<string, RuleMetadata>,
  isActive: (directive: ScopedDirective) => boolean,
): FirstDirectives[] {
  const answers: FirstDirectives[] = findings.map(() => ({}));
  if (directives.length === 0) return answers;

  const groups = new Map<string, Entry[]>();
  directives.forEach((directive, order) => {
    const entry = { order, directive, active: isActive(directive) };
    for (const key of keysOfDirective(directive)) {
      const group = groups.get(key) ?? [];
      group.push(entry);
      groups.set(key, group);
    }
  });
  const askers = new Map<string, number[]>();
  findings.forEach((finding, index) => {
    for (const key of keysOfFinding(finding, rulesById)) {
      if (!groups.has(key)) continue;
      const list = askers.get(key) ?? [];
      list.push(index);
      askers.set(key, list);
    }
  });

  const firstAnswers = new Map<number, { first?: Entry; active?: Entry }>();
  const consider = (
    index: number,
    entry: Entry | undefined,
    active: boolean,
  ) => {
    if (!entry) return;
    const answer = firstAnswers.get(index) ?? {};
    const slot = active ? 'active' : 'first';
    if (!answer[slot] || entry.order < answer[slot]!.order)
      answer[slot] = entry;
    firstAnswers.set(index, answer);
  };

  for (const [key, indices] of askers) {
    sweepGroup(groups.get(key)!, indices, findings, consider);
  }
  for (const [index, answer] of firstAnswers) {
    answers[index] = {
      first: answer.first?.directive,
      firstActive: answer.active?.directive,
    };
  }
  return answers;
}

/** A min-heap of entries by file order; entries that end before the line are dropped lazily. */
class EntryHeap {
  private readonly items: Entry[] = [];

  push(entry: Entry): void {
    const items = this.items;
    items.push(entry);
    let child = items.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (items[parent].order <= items[child].order) break;
      [items[parent], items[child]] = [items[child], items[parent]];
      child = parent;
    }
  }

  /** The earliest entry still covering `line`; lines only grow, so the dropped never return. */
  topCovering(line: number): Entry | undefined {
    while (this.items.length > 0 && this.items[0].directive.lines!.to < line)
      this.pop();
    return this.items[0];
  }

  private pop(): void {
    const items = this.items;
    const last = items.pop()!;
    if (items.length === 0) return;
    items[0] = last;
    let parent = 0;
    for (;;) {
      const left = parent * 2 + 1;
      const right = left + 1;
      let smallest = parent;
      if (left < items.length && items[left].order < items[smallest].order)
        smallest = left;
      if (right < items.length && items[right].order < items[smallest].order)
        smallest = right;
      if (smallest === parent) return;
      [items[parent], items[smallest]] = [items[smallest], items[parent]];
      parent = smallest;
    }
  }
}

/**
 * Visits the findings of one group in line order while directives enter (at their first line)
 * and leave (past their last) two heaps ordered by file position: the top of each is the answer.
 */
function sweepGroup(
  entries: Entry[],
  indices: number[],
  findings: readonly Finding[],
  consider: (index: number, entry: Entry | undefined, active: boolean) => void,
): void {
  const fileWide = entries.filter(e => !e.directive.lines);
  const firstFileWide = fileWide[0];
  const firstActiveFileWide = fileWide.find(e => e.active);
  const ranged = entries
    .filter(e => e.directive.lines)
    .sort((a, b) => a.directive.lines!.from - b.directive.lines!.from);
  const byLine = [...indices].sort(
    (a, b) => findings[a].range.start.line - findings[b].range.start.line,
  );
  const all = new EntryHeap();
  const active = new EntryHeap();
  let next = 0;
  for (const index of byLine) {
    const line = findings[index].range.start.line;
    for (
      ;
      next < ranged.length && ranged[next].directive.lines!.from <= line;
      next++
    ) {
      all.push(ranged[next]);
      if (ranged[next].active) active.push(ranged[next]);
    }
    consider(index, firstFileWide, false);
    consider(index, firstActiveFileWide, true);
    consider(index, all.topCovering(line), false);
    consider(index, active.topCovering(line), true);
  }
}
