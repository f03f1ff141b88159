/**
 * The shell of a list page: title and actions, a search box (diacritics optional: the server folds), filters, an
 * Excel export of the same filters, the table, and "Tải thêm" paging. Until the first page of the current filters
 * has arrived the table shows a spinner, never a flash of "no data"; an empty result says so in words.
 */
import type { ReactNode } from 'react';
import { Button, Empty, Flex, Input, Spin, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LoadMore } from './load-more.tsx';
import type { PagedList } from '../use-paged-list.ts';
import { PageTitle } from './page-title.tsx';

export interface ListPageProps<T extends { id: string | number }> {
  title: ReactNode;
  /** Buttons at the right of the title ("Thêm mới"…), shown only to those who may use them. */
  actions?: ReactNode;
  search?: { value: string; onChange(value: string): void; placeholder: string };
  /** Selects and switches after the search box. */
  filters?: ReactNode;
  /** An export of the list with the same filters (`withQuery('/api/…/export.xlsx', filters)`). */
  exportHref?: string | null;
  list: PagedList<T>;
  columns: ColumnsType<T>;
  /** What an empty result means ("Chưa có tổ chức nào"); default: antd's empty text. */
  emptyText?: ReactNode;
  /** Table width below which it scrolls sideways. */
  scrollX?: number;
  /** Drawers and dialogs of the page. */
  children?: ReactNode;
}

export function ListPage<T extends { id: string | number }>(p: ListPageProps<T>) {
  const { t } = useTranslation();
  const empty = p.list.loaded
    ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={p.emptyText} />
    : <Spin aria-label={t('common.loading')} />;
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <PageTitle>{p.title}</PageTitle>
        <Flex gap={8} wrap>
          {p.exportHref && (
            <Button icon={<DownloadOutlined />} href={p.exportHref} download>{t('common.exportXlsx')}</Button>
          )}
          {p.actions}
        </Flex>
      </Flex>
      {(p.search || p.filters) && (
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          {p.search && (
            <Input.Search
              allowClear
              aria-label={t('common.search')}
              placeholder={p.search.placeholder}
              value={p.search.value}
              onChange={(e) => p.search!.onChange(e.target.value)}
              style={{ flex: '1 1 360px', maxWidth: 560 }}
            />
          )}
          {p.filters}
        </Flex>
      )}
      <Table<T>
        rowKey="id"
        columns={p.columns}
        dataSource={p.list.items}
        loading={p.list.loading && p.list.items.length > 0}
        locale={{ emptyText: empty }}
        pagination={false}
        scroll={p.scrollX ? { x: p.scrollX } : undefined}
      />
      <LoadMore list={p.list} />
      {p.children}
    </>
  );
}
