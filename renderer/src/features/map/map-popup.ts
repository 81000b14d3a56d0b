/**
 * Popup content built from DOM text nodes only: every value comes from data (titles, names typed
 * by citizens) and is never parsed as HTML.
 */
export type Translate = (key: string, vars?: Record<string, unknown>) => string;

export interface PopupActions {
  readonly onOpenOrder?: (orderId: string) => void;
  readonly onOpenUnit?: (unitId: string) => void;
}

type Props = Record<string, unknown>;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function row(dl: HTMLElement, label: string, value: string): void {
  if (value === '') return;
  dl.append(el('dt', 'map-popup-k', label), el('dd', 'map-popup-v', value));
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export function popupContent(p: Props, t: Translate, actions: PopupActions): HTMLElement {
  const root = el('div', 'map-popup');
  root.setAttribute('data-testid', 'map-popup');
  const title = el('div', 'map-popup-title');
  const dl = el('dl', 'map-popup-rows');
  root.append(title, dl);
  const button = (label: string, onClick: () => void) => {
    const b = el('button', 'btn map-popup-link', label);
    b.type = 'button';
    b.addEventListener('click', onClick);
    root.append(b);
  };
  switch (p.kind) {
    case 'order':
    case 'iot': {
      title.textContent = str(p.title);
      row(dl, t('map.popup.order'), str(p.id));
      row(
        dl,
        t('map.popup.state'),
        `${t(`map.urgency.${str(p.urgency)}`)} · ${t(`map.status.${str(p.status)}`)}`,
      );
      if (Number(p.overdue) === 1) root.append(el('div', 'map-popup-alert', t('map.overdue')));
      if (p.kind === 'iot') root.append(el('div', 'map-popup-iot', t('map.popup.iot')));
      const id = str(p.id);
      if (actions.onOpenOrder) button(t('map.popup.openOrder'), () => actions.onOpenOrder?.(id));
      break;
    }
    case 'cluster':
      title.textContent = t('map.popup.cluster', { n: str(p.point_count) });
      break;
    case 'grid':
      title.textContent = str(p.name);
      row(dl, t('map.popup.community'), str(p.community));
      row(dl, t('map.popup.open'), str(p.open));
      row(dl, t('map.overdue'), str(p.overdue));
      row(dl, t('map.popup.closed'), str(p.closed));
      row(dl, t('map.popup.other'), str(p.other));
      break;
    case 'unit': {
      title.textContent = str(p.name);
      row(dl, t('map.popup.unitLoad'), str(p.open));
      row(dl, t('map.popup.phone'), str(p.phone));
      const id = str(p.id);
      if (actions.onOpenUnit) button(t('map.popup.openUnit'), () => actions.onOpenUnit?.(id));
      break;
    }
    case 'worker':
      title.textContent = str(p.label);
      row(dl, t('map.popup.grid'), str(p.grid));
      row(dl, t('map.popup.phone'), str(p.phone));
      break;
    case 'field':
      title.textContent = str(p.name);
      row(dl, t('field.popup.role'), str(p.roleText));
      row(dl, t('field.popup.age'), str(p.age));
      row(dl, t('field.popup.accuracy'), t('field.popup.accuracyValue', { m: str(p.accuracy) }));
      break;
    case 'site':
      title.textContent = str(p.name);
      row(
        dl,
        '',
        p.siteKind === 'party_service_center' ? t('map.popup.siteCenter') : t('map.popup.siteStation'),
      );
      row(dl, t('map.popup.services'), str(p.services));
      row(dl, t('map.popup.hours'), str(p.hours));
      break;
    case 'party':
      title.textContent = str(p.name);
      row(dl, t('map.popup.members'), str(p.members));
      break;
    default:
      title.textContent = str(p.name);
  }
  return root;
}
