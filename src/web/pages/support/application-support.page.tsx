/** /support/applications/:id: the support panel of one application on its own page (linked from the ranking). */
import { useEffect, useState } from 'react';
import { Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { fill, useSupportText } from './support.text.ts';
import { ApplicationSupportPanel } from './support-panel.tsx';

export function ApplicationSupportPage() {
  const { id = '' } = useParams();
  const { s } = useSupportText();
  const [head, setHead] = useState<{ callId: string; code: string | null; title: string; organizationName: string } | null>(null);
  useEffect(() => {
    api.get('/api/support/applications/{id}', { params: { id } }).then(setHead, () => setHead(null));
  }, [id]);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {head && <Link to={`/support/calls/${head.callId}`}>{s.calls.ranking}</Link>}
      <PageTitle>{fill(s.panel.pageTitle, { code: head?.code ?? '' })}</PageTitle>
      {head && <Typography.Paragraph>{head.title} — {head.organizationName}</Typography.Paragraph>}
      <ApplicationSupportPanel applicationId={id} />
    </Space>
  );
}
