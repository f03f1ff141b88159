/**
 * Pieces shared by the home's sections: who sees the leader's figures, the overview request, the address of a
 * figure's list and export, and the card every figure sits in (a heading, its content, "Xem danh sách" and
 * "Xuất Excel").
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Button, Card, Space, Typography } from 'antd';
import { FileExcelOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { HomeFigure, HomeFilter, HomeOverview } from '../../../shared/schemas/home.ts';
import { HOME_READERS } from '../../../shared/permissions.ts';
import type { Role } from '../../../shared/roles.ts';
import { api, withQuery } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';

export const canReadLeaderHome = (role: Role) => HOME_READERS.has(role);

/** The list page of a figure's tasks (`/home/tasks?figure=stages&stage=approval`). */
export const listHref = (figure: HomeFigure, filter: HomeFilter, year?: number) =>
  withQuery('/home/tasks', { figure, ...filter, year });

/** The figure's workbook (its numbers and the tasks of `filter`, or of the whole figure). */
export const exportHref = (figure: HomeFigure, filter: HomeFilter = {}, year?: number) =>
  withQuery(`/api/home/figures/${figure}/export.xlsx`, { ...filter, year });

export function useHomeOverview(enabled: boolean, year?: number) {
  const { showError } = useFeedback();
  const [data, setData] = useState<HomeOverview | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    api.get('/api/home', { query: { year } }).then((d) => { if (live) setData(d); }, (e) => { if (live) showError(e); });
    return () => { live = false; };
  }, [enabled, year, showError]);
  return data;
}

interface FigureCardProps {
  figure: HomeFigure;
  title: string;
  /** The filter that opens the whole figure's list; none when the figure has no single list. */
  filter?: HomeFilter;
  year?: number;
  children: ReactNode;
  testId?: string;
}

/** A figure: its heading, its content, and the links to its list and its workbook. */
export function FigureCard({ figure, title, filter, year, children, testId }: FigureCardProps) {
  const { t } = useTranslation();
  return (
    <Card
      data-testid={testId ?? `figure-${figure}`}
      title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{title}</Typography.Title>}
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 12 } }}
      style={{ height: '100%' }}
    >
      {children}
      <Space wrap>
        {filter && (
          <Link to={listHref(figure, filter, year)} aria-label={t('leaderHome.openListOf', { name: title })}>
            <UnorderedListOutlined aria-hidden /> {t('leaderHome.openList')}
          </Link>
        )}
        <Button size="small" icon={<FileExcelOutlined />} href={exportHref(figure, {}, year)} download aria-label={t('leaderHome.exportOf', { name: title })}>
          {t('leaderHome.export')}
        </Button>
      </Space>
    </Card>
  );
}
