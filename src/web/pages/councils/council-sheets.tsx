/**
 * The signed-in member's part of a council: the conflict-of-interest declaration and, for each dossier assigned to
 * them, the scoring sheet (criteria with their maximum points from the council's rules) or, when the council's kind
 * evaluates by rating (an acceptance council), the rating. A refused sheet shows the server's message as is.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Radio, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/vi/format.ts';
import { RATINGS, type CouncilDetail, type CouncilDossier, type Rating, type Sheet } from '../../../shared/schemas/councils.ts';
import { api, isApiError } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { formatDateTime } from '../../format.ts';
import { useLang } from '../tasks/task-ui.tsx';

interface Props { council: CouncilDetail; onChanged(): void }

function ConflictDeclaration({ council, onChanged }: Props) {
  const { t } = useTranslation();
  const { showSuccess } = useFeedback();
  const me = council.members.find((m) => m.id === council.myMemberId)!;
  const [declared, setDeclared] = useState(me.conflictDeclared);
  const [note, setNote] = useState(me.conflictNote ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.put('/api/councils/{id}/members/{memberId}/conflict', {
        params: { id: council.id, memberId: me.id }, body: { declared, note: declared ? note.trim() || null : null },
      });
      showSuccess(t('council.sheet.conflictSaved'));
      onChanged();
    } catch (e) {
      setError(isApiError(e) ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('council.sheet.conflictTitle')} data-testid="my-conflict">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('council.sheet.conflictIntro')}</Typography.Text>
        <Checkbox checked={declared} onChange={(e) => setDeclared(e.target.checked)} disabled={council.status === 'closed'}>
          {t('council.sheet.conflictCheck')}
        </Checkbox>
        {declared && (
          <Input.TextArea rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('council.members.conflictNote')} aria-label={t('council.members.conflictNote')} />
        )}
        <Flex gap={8} align="center">
          <Button onClick={save} loading={busy} disabled={council.status === 'closed'}>{t('council.sheet.conflictSave')}</Button>
          {me.conflictDeclared && <Tag color="red">{t('council.members.conflictDeclared')}</Tag>}
        </Flex>
        {error && <Alert type="error" showIcon title={error} />}
      </Space>
    </Card>
  );
}

function DossierSheet({ council, dossier, sheet, onChanged }: Props & { dossier: CouncilDossier; sheet: Sheet | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { showSuccess } = useFeedback();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const criteria = council.rules.scoringSheet.value.criteria;
  const rated = council.evaluation === 'rating';
  const scores = Form.useWatch('scores', form) as Record<string, number | null> | undefined;
  const total = useMemo(() => criteria.reduce((s, c) => s + (Number(scores?.[c.key]) || 0), 0), [scores, criteria]);
  const maxTotal = criteria.reduce((s, c) => s + c.maxPoints, 0);
  const open = council.status === 'open';

  const submit = async (values: { scores?: Record<string, number | null>; rating?: Rating; comment?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const body = rated
        ? { rating: values.rating, comment: values.comment?.trim() || null }
        // A criterion left empty is left out: the server names it as missing.
        : { scores: Object.fromEntries(criteria.flatMap((c) => { const v = values.scores?.[c.key]; return typeof v === 'number' ? [[c.key, v]] : []; })),
          comment: values.comment?.trim() || null };
      await api.put('/api/councils/{id}/dossiers/{dossierId}/sheets/{memberId}', {
        params: { id: council.id, dossierId: dossier.id, memberId: council.myMemberId ?? '' }, body,
      });
      showSuccess(t('council.sheet.submitted'));
      onChanged();
    } catch (e) {
      setError(isApiError(e) ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={dossier.title}
      data-testid="my-sheet"
      extra={sheet ? <Tag color="green">{t('council.sheet.submittedAt', { at: formatDateTime(sheet.submittedAt) })}</Tag> : <Tag>{t('council.sheet.notSubmitted')}</Tag>}
    >
      {!open && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }}
          title={council.status === 'draft' ? t('council.sheet.notOpenYet') : t('council.sheet.closed')} />
      )}
      <Form
        form={form}
        layout="vertical"
        name={`sheet-${dossier.id}`}
        onFinish={submit}
        disabled={!open}
        initialValues={{ scores: sheet?.scores ?? {}, rating: sheet?.rating ?? undefined, comment: sheet?.comment ?? '' }}
      >
        {rated ? (
          <Form.Item name="rating" label={t('council.sheet.rating')} rules={[{ required: true, message: t('form.required') }]}>
            <Radio.Group options={RATINGS.slice().reverse().map((r) => ({ value: r, label: t(`task.ratings.${r}`) }))} />
          </Form.Item>
        ) : (
          <>
            {criteria.map((c) => (
              <Form.Item
                key={c.key}
                name={['scores', c.key]}
                label={t('council.sheet.criterion', { name: c.name[lang], max: formatNumber(c.maxPoints) })}
                rules={[{ required: true, message: t('form.required') }]}
              >
                <InputNumber<number> min={0} step={0.5} decimalSeparator="," style={{ width: 160 }} aria-label={c.name[lang]} />
              </Form.Item>
            ))}
            <Typography.Paragraph>
              {t('council.sheet.total')}: <b data-testid="sheet-total">{formatNumber(total)}</b> / {formatNumber(maxTotal)}
            </Typography.Paragraph>
          </>
        )}
        <Form.Item name="comment" label={t('council.sheet.comment')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>{sheet ? t('council.sheet.resubmit') : t('council.sheet.submit')}</Button>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="sheet-error" />}
      </Form>
    </Card>
  );
}

export function MySheets({ council, onChanged }: Props) {
  const { t } = useTranslation();
  if (!council.myMemberId) return null;
  const sheets = new Map(council.mySheets.map((s) => [s.dossierId, s]));
  const mine = council.dossiers.filter((d) => d.memberIds.includes(council.myMemberId!));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <ConflictDeclaration council={council} onChanged={onChanged} />
      {mine.length === 0 && <Typography.Text type="secondary">{t('council.sheet.noDossiers')}</Typography.Text>}
      {mine.map((d) => <DossierSheet key={d.id} council={council} dossier={d} sheet={sheets.get(d.id)} onChanged={onChanged} />)}
    </Space>
  );
}
