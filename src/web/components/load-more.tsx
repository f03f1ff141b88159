import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatNumber } from '../format.ts';
import { isApiError } from '../api.ts';
import type { PagedList } from '../use-paged-list.ts';

/**
 * "Tải thêm" under a keyset-paged table, with how many rows match when the list counts them ("khoảng 12.000 kết quả"
 * beyond what the server counts exactly), how many are shown, and the error if the last page failed.
 */
export function LoadMore<T extends { id: string | number }>({ list }: { list: PagedList<T> }) {
  const { t } = useTranslation();
  return (
    <>
      {list.error != null && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={isApiError(list.error) ? list.error.message : String(list.error)}
          action={<Button size="small" onClick={list.reload}>{t('common.reload')}</Button>}
        />
      )}
      <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">
          {list.total !== null && `${totalText(t, list.total, list.totalIsEstimate)} · `}
          {t('common.shown', { n: formatNumber(list.items.length) })}
          {!list.hasMore && list.items.length > 0 ? ` · ${t('common.noMore')}` : ''}
        </Typography.Text>
        {list.hasMore && <Button onClick={list.loadMore} loading={list.loading}>{t('common.loadMore')}</Button>}
      </Flex>
    </>
  );
}

/** "12 kết quả" · "1 result" · "khoảng 12.000 kết quả" / "about 12,000 results", numbers in the UI language. */
export function totalText(t: TFunction, total: number, estimate: boolean): string {
  if (estimate) return t('common.totalAbout', { n: formatNumber(total) });
  return total === 1 ? t('common.totalOne') : t('common.total', { n: formatNumber(total) });
}
