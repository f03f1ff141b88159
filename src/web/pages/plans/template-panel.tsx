/**
 * "Báo cáo bằng tệp Excel": download the period's template of the items the reader may report on, upload it filled
 * in; when the server refuses it, every problem is listed by cell ("E7: phần trăm phải từ 0 đến 100") and nothing
 * was written.
 */
import { useState } from 'react';
import { Alert, Button, Card, Flex, Select, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { api, fieldProblems, isApiError, withQuery } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { usePlanText } from './plans.text.ts';
import type { PlanDetail } from './plan-ui.tsx';

export function TemplatePanel({ planId, periods, current, onWritten }: { planId: string; periods: PlanDetail['periods']; current: string | null; onWritten: () => void }) {
  const { s, lang } = usePlanText();
  const { showError, showSuccess } = useFeedback();
  const [period, setPeriod] = useState<string | undefined>(current ?? periods[0]?.key);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<{ path: string; message?: string }[]>([]);
  const upload = async () => {
    if (!file || !period) return;
    setBusy(true);
    setProblems([]);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const r = await api.upload('/api/plans/{id}/progress-template', { params: { id: planId }, query: { period }, form });
      showSuccess(s.template.written(r.written));
      setFile(null);
      onWritten();
    } catch (e) {
      if (isApiError(e) && fieldProblems(e).length > 0 && e.code === 'plans.template_invalid') setProblems(fieldProblems(e));
      else showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{s.template.title}</h2>}>
      <Flex gap={8} wrap align="center">
        <Select aria-label={s.template.period} value={period} onChange={setPeriod} style={{ width: 200 }} options={periods.map((p) => ({ value: p.key, label: p.label[lang] }))} />
        <Button icon={<DownloadOutlined />} href={period ? withQuery(`/api/plans/${planId}/progress-template.xlsx`, { period }) : undefined} download disabled={!period}>{s.template.download}</Button>
        <Upload accept=".xlsx" maxCount={1} beforeUpload={(f) => { setFile(f); return false; }} onRemove={() => setFile(null)} fileList={file ? [{ uid: '1', name: file.name }] : []}>
          <Button icon={<UploadOutlined />}>{s.template.file}</Button>
        </Upload>
        <Button type="primary" onClick={() => void upload()} disabled={!file || !period} loading={busy}>{s.template.upload}</Button>
      </Flex>
      {problems.length > 0 && (
        <Alert
          style={{ marginTop: 12 }} type="error" showIcon title={s.template.errors}
          description={<ul style={{ margin: 0, paddingLeft: 20 }}>{problems.map((p) => <li key={p.path}>{p.message ?? p.path}</li>)}</ul>}
        />
      )}
    </Card>
  );
}
