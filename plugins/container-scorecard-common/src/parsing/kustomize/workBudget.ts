import { KustomizeBuildError } from './kustomizeTypes';

/**
 * Counts the work of one build. Every node read, copied, merged or compared spends a unit; the
 * build stops with a reason when the budget is spent, so hostile input (huge patch lists, aliases
 * expanding exponentially, bases included through many paths) costs at most the budget. A budget
 * may draw on a shared one too (all the builds of one repository).
 */
export class WorkBudget {
  private spent = 0;

  constructor(
    private readonly limit: number,
    private readonly shared?: WorkBudget,
    private readonly what = 'The Kustomize build',
  ) {}

  spend(units: number) {
    this.spent += units;
    if (this.spent > this.limit) {
      throw new KustomizeBuildError(
        `${this.what} needs more than ${this.limit} units of work (objects, patches and their nodes); it is too large to analyse.`,
      );
    }
    this.shared?.spend(units);
  }
}
