/** "Xét chọn, hỗ trợ": the province's calls with their counts, each opening its ranking. */
import { useEffect, useState } from 'react';
import { Space, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, type ResponseOf } from '../../api.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { useFeedback } from '../../feedback.tsx';
import { useSupportText } from './support.text.ts';

type Calls = ResponseOf<'get', '/api/support/calls'>['items'];

export function SupportCallsPage() {
  const { s } = useSupportText();
  const { showError } = useFeedback();
  const [rows, setRows] = useState<Calls | null>(null);
  useEffect(() => {
    api.get('/api/support/calls').then((r) => setRows(r.items), showError);
  }, [showError]);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <PageTitle>{s.calls.title}</PageTitle>
      <Typography.Paragraph type="secondary">{s.calls.intro}</Typography.Paragraph>
      <Table
        rowKey="id" loading={rows === null} dataSource={rows ?? []} pagination={false} locale={{ emptyText: s.calls.empty }} scroll={{ x: 'max-content' }}
        columns={[
          { title: s.calls.call, key: 'title', render: (_, r) => <Link to={`/support/calls/${r.id}`}>{r.code}. {r.title}</Link> },
          { title: s.calls.programme, dataIndex: 'programmeName' },
          { title: s.calls.year, dataIndex: 'year', align: 'right' },
          { title: s.calls.applications, dataIndex: 'applications', align: 'right' },
          { title: s.calls.inReview, dataIndex: 'inReview', align: 'right' },
          { title: s.calls.decided, dataIndex: 'decided', align: 'right' },
        ]}
      />
    </Space>
  );
}
