/**
 * The diversion: a category that belongs to 110 / 119 / 120 shows the number and the catalogue's
 * notice, big, the moment it is chosen — and the form saves nothing while it is shown.
 */
import { useTranslation } from 'react-i18next';

export function EmergencyNotice({ service, notice }: { readonly service: string; readonly notice: string }) {
  const { t } = useTranslation();
  return (
    <div className="intake-emergency" role="alert" data-testid="intake-emergency" data-service={service}>
      <span className="ie-number" aria-hidden="true">
        {service}
      </span>
      <div className="ie-text">
        <strong>{t('intake.emergency.title', { service })}</strong>
        <p>{notice}</p>
        <p className="ie-hint">{t('intake.emergency.hint')}</p>
      </div>
    </div>
  );
}
