/**
 * The head of an admin dialog (.dialog-head): its title (`${id}-title`, which the <dialog> is
 * labelled by), a hint, and the close button (`${id}-close`).
 */
export interface DialogHeadProps {
  readonly id: string;
  readonly title: string;
  readonly hint: string;
  readonly closeLabel: string;
  readonly onClose: () => void;
}

export function DialogHead({ id, title, hint, closeLabel, onClose }: DialogHeadProps) {
  return (
    <div className="dialog-head">
      <h2 id={`${id}-title`}>{title}</h2>
      <span className="muted">{hint}</span>
      <button type="button" className="btn" data-testid={`${id}-close`} onClick={onClose}>
        {closeLabel}
      </button>
    </div>
  );
}
