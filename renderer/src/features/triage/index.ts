/** The triage feature's public surface: suggestion chips, the duplicates box, the detail's slot. */
export { SuggestionChips } from './SuggestionChips';
export { DuplicateBox, IntakeDuplicates } from './DuplicateBox';
export { OrderTriage, CategoryDoubt } from './OrderTriage';
