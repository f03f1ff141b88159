/**
 * Hỗ trợ doanh nghiệp (an applicant): the calls taking applications today, with "Nộp hồ sơ" (which creates a
 * draft of the caller's organisation and opens it), and the organisation's applications with their step.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, type Schemas } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { formatDateTime, formatDay } from '../../format.ts';
import { useUser } from '../../session.tsx';
import { useLang } from '../tasks/task-ui.tsx';

export function PortalPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const user = useUser();
  const navigate = useNavigate();
  const { showError } = useFeedback();
  const [calls, setCalls] = useState<Schemas['Call'][]>([]);
  const [apps, setApps] = useState<Schemas['ApplicationSummary'][]>([]);

  const load = useCallback(async () => {
    try {
      const [c, a] = await Promise.all([
        api.get('/api/programme-calls', { query: { status: 'open', limit: 200 } }),
        api.get('/api/programme-applications', { query: { limit: 200 } }),
      ]);
      setCalls(c.items.filter((x) => x.acceptingApplications));
      setApps(a.items);
    } catch (e) { showError(e); }
  }, [showError]);
  useEffect(() => { void load(); }, [load]);

  const apply = async (call: Schemas['Call']) => {
    try {
      const d = await api.post('/api/programme-applications', { body: { callId: call.id, title: call.title, answers: {} } });
      navigate(`/programme-applications/${d.id}`);
    } catch (e) { showError(e); }
  };

  return (
    <>
      <PageTitle>{t('programmes.portal.title')}</PageTitle>
      {!user.organizationId && <Alert type="warning" showIcon message={t('programmes.portal.noOrganization')} style={{ marginBottom: 12 }} />}
      <Typography.Title level={2} style={{ fontSize: 18 }}>{t('programmes.portal.openCalls')}</Typography.Title>
      {calls.length === 0 && <Typography.Paragraph type="secondary">{t('programmes.portal.noCalls')}</Typography.Paragraph>}
      <Flex vertical gap={8} style={{ marginBottom: 24 }}>
        {calls.map((c) => (
          <Card key={c.id} size="small" title={c.title} data-testid={`open-call-${c.code}`}
            extra={<Button type="primary" disabled={!user.organizationId} onClick={() => void apply(c)}>{t('programmes.portal.apply')}</Button>}>
            <Typography.Text>{lang === 'en' && c.programmeNameEn ? c.programmeNameEn : c.programmeName}</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {formatDay(c.opensOn)} – {formatDay(c.closesOn)}{c.eligibility ? ` · ${c.eligibility}` : ''}
            </Typography.Paragraph>
          </Card>
        ))}
      </Flex>
      <Typography.Title level={2} style={{ fontSize: 18 }}>{t('programmes.portal.mine')}</Typography.Title>
      <Table rowKey="id" size="small" dataSource={apps} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('programmes.portal.noApplications')} /> }} columns={[
        { title: t('programmes.application.name'), render: (_, a: Schemas['ApplicationSummary']) => <Link to={`/programme-applications/${a.id}`}>{a.title}</Link> },
        { title: t('programmes.application.code'), render: (_, a: Schemas['ApplicationSummary']) => a.code ?? '' },
        { title: t('programmes.application.call'), dataIndex: 'callTitle' },
        { title: t('programmes.application.stage'), render: (_, a: Schemas['ApplicationSummary']) => <Tag color={a.awaitingAdditions ? 'orange' : undefined}>{a.stageName[lang]}</Tag> },
        { title: t('programmes.application.submittedAt'), render: (_, a: Schemas['ApplicationSummary']) => (a.submittedAt ? formatDateTime(a.submittedAt) : '') },
      ]} />
    </>
  );
}
