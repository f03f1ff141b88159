import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/vi/format.ts';
import { isApiError } from '../api.ts';
import type { PagedList } from '../use-paged-list.ts';

/** "Tải thêm" under a keyset-paged table, with how many rows are shown (and the error, if the last page failed). */
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
          {t('common.shown', { n: formatNumber(list.items.length) })}
          {!list.hasMore && list.items.length > 0 ? ` · ${t('common.noMore')}` : ''}
        </Typography.Text>
        {list.hasMore && <Button onClick={list.loadMore} loading={list.loading}>{t('common.loadMore')}</Button>}
      </Flex>
    </>
  );
}
