/** problems.*: 一类事 candidates and the 每月一题 problem bank (PROBLEMS.md). */
import type { HandlerRegistry } from '../../runtime/registry';
import { problemsClose, problemsCreate, problemsList, problemsUpdate } from './bank';
import { problemsCandidates } from './candidates';

export function register(registry: HandlerRegistry): void {
  registry
    .register('problems.candidates', problemsCandidates)
    .register('problems.list', problemsList)
    .register('problems.create', problemsCreate)
    .register('problems.update', problemsUpdate)
    .register('problems.close', problemsClose);
}

/** The window read of the clustering (the bench times it as its baseline). */
export { ordersBetween } from './queries';
