/**
 * The printable page of one accepted task (no sign-in): `/cong-khai/nhiem-vu/<province>/<id>`, the same facts as its
 * card on the public list, laid out for A4 (global.css `@media print` hides the header and the buttons).
 *
 * The public API lists accepted tasks by province and has no read of one task, so the page reads the province's list
 * page by page until it meets the id (accepted tasks are a few dozen per province); `GET /api/public/tasks/:id`
 * would replace `findPublicTask`.
 */
import { useEffect, useState } from 'react';
import { Button, Flex, Result, Spin, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, type Schemas } from '../../api.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { PortalLayout, PUBLIC_PROVINCES, TaskCard } from './public-tasks.page.tsx';

type Item = Schemas['PublicTask'];

async function findPublicTask(province: string, id: string): Promise<Item | null> {
  let cursor: string | undefined;
  do {
    const page = await api.get('/api/public/tasks', { query: { province, limit: 200, cursor } });
    const found = page.items.find((t) => t.id === id);
    if (found) return found;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return null;
}

export function PublicTaskPage() {
  const { t } = useTranslation();
  const { province = '', id = '' } = useParams();
  const [state, setState] = useState<{ task: Item | null; loaded: boolean; failed: boolean }>({ task: null, loaded: false, failed: false });
  const known = (PUBLIC_PROVINCES as readonly string[]).includes(province);

  useEffect(() => {
    if (!known) return;
    let live = true;
    findPublicTask(province, id).then(
      (task) => { if (live) setState({ task, loaded: true, failed: false }); },
      () => { if (live) setState({ task: null, loaded: true, failed: true }); },
    );
    return () => { live = false; };
  }, [province, id, known]);

  const back = `/cong-khai/nhiem-vu?province=${encodeURIComponent(province)}`;
  const provinceName = known ? t(`publicTasks.provinces.${province}`) : province;
  let body: React.ReactNode;
  if (known && !state.loaded) body = <Spin aria-label={t('common.loading')} />;
  else if (!state.task) {
    body = (
      <Result
        status={state.failed ? 'error' : '404'}
        title={<PageTitle>{t(state.failed ? 'errors.title' : 'publicPortal.notFound')}</PageTitle>}
        extra={<Link to={back}><Button type="primary">{t('publicPortal.back')}</Button></Link>}
      />
    );
  } else {
    body = (
      <>
        <Flex justify="space-between" align="center" wrap gap={8} className="no-print" style={{ marginBottom: 12 }}>
          <Link to={back}><ArrowLeftOutlined /> {t('publicPortal.back')}</Link>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>{t('publicPortal.print')}</Button>
        </Flex>
        <PageTitle style={{ marginBottom: 4 }}>{t('publicTasks.title')}</PageTitle>
        <Typography.Paragraph type="secondary">
          {t('publicTasks.portal')} · {t('publicTasks.province')} {provinceName}
        </Typography.Paragraph>
        <div className="print-sheet"><TaskCard task={state.task} /></div>
        <Typography.Paragraph type="secondary" className="print-only" style={{ marginTop: 12 }}>
          {t('publicPortal.printedFrom', { url: window.location.href })}
        </Typography.Paragraph>
      </>
    );
  }
  return <PortalLayout>{body}</PortalLayout>;
}
