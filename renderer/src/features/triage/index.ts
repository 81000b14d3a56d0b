/** The triage feature's public surface: suggestion chips, the duplicates box, the detail's slot, 重复诉求. */
export { SuggestionChips } from './SuggestionChips';
export { DuplicateBox, IntakeDuplicates } from './DuplicateBox';
export { OrderTriage, CategoryDoubt } from './OrderTriage';
export { RepeatTile } from './RepeatTile';
