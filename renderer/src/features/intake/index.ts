/**
 * The intake feature's public surface: the 受理 form's host (shortcut + dialog, in App), the
 * header button, `openIntake` for any feature that starts an intake (a map alarm: the IoT
 * channel with its device and point), and the category picker the templates editor reuses.
 */
export { IntakeHost, INTAKE_KEY, type IntakeHostProps } from './IntakeHost';
export { IntakeButton } from './IntakeButton';
export { openIntake } from './intake-store';
export type { IntakePreset } from './intake-draft';
export { CategoryPicker, type CategoryPickerProps } from './CategoryPicker';
export { categoryMap, pathOf, type CategoryMap } from './category-search';
export { MiniMap, type MiniMapProps } from './MiniMap';
