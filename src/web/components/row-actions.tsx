/** The edit and delete buttons of a list row (delete asks first, naming the record). */
import type { ReactNode } from 'react';
import { Button, Popconfirm, Space } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export function RowActions(p: { name: string; onEdit?(): void; onDelete?(): Promise<void> | void; extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      {p.onEdit && <Button size="small" icon={<EditOutlined />} onClick={p.onEdit}>{t('common.edit')}</Button>}
      {p.extra}
      {p.onDelete && (
        <Popconfirm
          title={t('common.confirmDelete', { name: p.name })}
          description={t('common.confirmDeleteHint')}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={p.onDelete}
        >
          <Button size="small" danger icon={<DeleteOutlined />}>{t('common.delete')}</Button>
        </Popconfirm>
      )}
    </Space>
  );
}
