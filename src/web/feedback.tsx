/** Notifications for API errors: the server's message (already in the UI language), with a reload action on 409. */
import { useCallback } from 'react';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api.ts';

export function useFeedback() {
  const { notification, message } = App.useApp();
  const { t } = useTranslation();

  const showError = useCallback((e: unknown, o: { onReload?: () => void } = {}) => {
    if (!isApiError(e)) {
      notification.error({ title: t('errors.title'), description: e instanceof Error ? e.message : String(e) });
      return;
    }
    if (e.code === 'common.version_conflict' && o.onReload) {
      const key = `conflict-${Date.now()}`;
      notification.warning({
        key,
        title: t('errors.conflictTitle'),
        description: e.message,
        duration: 0,
        actions: (
          <Button type="primary" size="small" onClick={() => { notification.destroy(key); o.onReload!(); }}>
            {t('common.reload')}
          </Button>
        ),
      });
      return;
    }
    notification.error({ title: t('errors.title'), description: e.message });
  }, [notification, t]);

  const showSuccess = useCallback((text: string) => { void message.success(text); }, [message]);

  return { showError, showSuccess };
}
