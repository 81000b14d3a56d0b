/** The dispatch desk's public surface for other features: what a drill-down hands the desk. */
export type { DeskDrill } from './filter-state';
