import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n/messages.ts';
import { setLang } from '../i18n/index.ts';

/** Tiếng Việt / English; the choice is kept in localStorage and sent as Accept-Language on every API call. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div role="group" aria-label={t('lang.label')}>
      <Segmented<Lang>
        size="small"
        value={i18n.language === 'en' ? 'en' : 'vi'}
        onChange={(v) => void setLang(v)}
        options={[{ value: 'vi', label: t('lang.vi') }, { value: 'en', label: t('lang.en') }]}
      />
    </div>
  );
}
