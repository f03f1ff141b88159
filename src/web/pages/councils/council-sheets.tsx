/**
 * The signed-in member's part of a council: the conflict-of-interest declaration and, for each dossier assigned to
 * them, the scoring sheet (criteria with their maximum points from the council's rules) or, when the council's kind
 * evaluates by rating (an acceptance council), the rating. Each score is bounded by its criterion's 0..max and checked
 * with the same rule as the server (shared/schemas/councils.ts); a problem the server finds lands on its criterion's
 * field. The chair, the secretary and DOST staff enter paper sheets on a member's behalf (PaperSheets).
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Radio, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  RATINGS, checkScores, sheetProblemMessage, type CouncilDetail, type CouncilDossier, type CouncilMember, type Criterion, type Rating,
  type Sheet,
} from '../../../shared/schemas/councils.ts';
import { likelyConflictText, paperSheetText } from '../../../shared/labels/councils.ts';
import { api, isApiError } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { applyServerErrors } from '../../form-validation.ts';
import { formatDateTime, formatNumber } from '../../format.ts';
import { serverText } from '../../i18n/index.ts';
import { useLang } from '../tasks/task-ui.tsx';

interface Props { council: CouncilDetail; onChanged(): void }

/** "17,5" or "1.000" typed or shown the Vietnamese way; a lone dot is a decimal point unless it groups thousands. */
function parseScore(text: string | undefined): string {
  const t = (text ?? '').trim();
  if (t.includes(',')) return t.replace(/\./g, '').replace(',', '.');
  return /^\d{1,3}(\.\d{3})+$/.test(t) ? t.replace(/\./g, '') : t;
}

/**
 * A criterion's points: bounded by 0..max (a value beyond is brought back on leaving the field), whole numbers
 * shown without decimals ("18", not "18,0"), halves as "17,5".
 */
function ScoreInput({ criterion, onChange, ...props }: { criterion: Criterion; id?: string; value?: number | null; onChange?(v: number | null): void; 'aria-label'?: string }) {
  return (
    <InputNumber<string | number>
      {...props}
      onChange={(v) => onChange?.(v === null || v === '' ? null : Number(v))}
      min={0}
      max={criterion.maxPoints}
      step={0.5}
      style={{ width: 160 }}
      formatter={(value, info) => (info.userTyping ? info.input : value === undefined || value === '' ? '' : formatNumber(Number(value), 2))}
      parser={parseScore}
    />
  );
}

/** The field check of one criterion: the shared rule's problem, in the shared message's words. */
const scoreRule = (c: Criterion) => ({
  validator: async (_rule: unknown, value: number | null | undefined) => {
    const [problem] = checkScores({ criteria: [c] }, { [c.key]: value ?? null });
    if (problem) {
      const { key, params } = sheetProblemMessage(problem);
      throw new Error(serverText(key, params));
    }
  },
});

function ConflictDeclaration({ council, onChanged }: Props) {
  const { t } = useTranslation();
  const { showSuccess } = useFeedback();
  const lang = useLang();
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
        {me.likelyConflicts.length > 0 && (
          <Alert type="warning" showIcon data-testid="my-likely-conflict"
            title={`${t('council.members.likelyConflict')}: ${me.likelyConflicts.map((c) => likelyConflictText(c, lang)).join('; ')}`}
            description={t('council.sheet.mustAnswer')} />
        )}
        <Checkbox checked={declared} onChange={(e) => setDeclared(e.target.checked)} disabled={council.status === 'closed'}>
          {t('council.sheet.conflictCheck')}
        </Checkbox>
        {declared && (
          <Input.TextArea rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('council.members.conflictNote')} aria-label={t('council.members.conflictNote')} />
        )}
        <Flex gap={8} align="center">
          <Button onClick={save} loading={busy} disabled={council.status === 'closed'}>{t('council.sheet.conflictSave')}</Button>
          {me.conflictStatus === 'declared' && <Tag color="red">{t('council.members.conflictDeclared')}</Tag>}
          {me.conflictStatus === 'none' && <Tag color="green">{t('council.members.noConflict')}</Tag>}
          {me.conflictStatus === 'unanswered' && <Tag>{t('council.members.unanswered')}</Tag>}
        </Flex>
        {error && <Alert type="error" showIcon title={error} />}
      </Space>
    </Card>
  );
}

/** One dossier's sheet of a member: the signed-in member's own, or (`onBehalfOf`) a paper sheet entered for another. */
function DossierSheet({ council, dossier, sheet, onChanged, onBehalfOf }: Props & { dossier: CouncilDossier; sheet: Sheet | undefined; onBehalfOf?: CouncilMember }) {
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
  const memberId = onBehalfOf?.id ?? council.myMemberId ?? '';

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
        params: { id: council.id, dossierId: dossier.id, memberId }, body,
      });
      showSuccess(onBehalfOf ? t('council.paper.entered', { name: onBehalfOf.displayName }) : t('council.sheet.submitted'));
      if (onBehalfOf) form.resetFields();
      onChanged();
    } catch (e) {
      // A problem of one criterion is marked at its field; anything else is shown under the sheet.
      const onField = isApiError(e) && applyServerErrors(form, e, ['scores', 'rating', 'comment']);
      setError(onField ? null : isApiError(e) ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={dossier.title}
      data-testid={onBehalfOf ? 'paper-sheet-form' : 'my-sheet'}
      extra={onBehalfOf ? null : sheet
        ? (
          <Space size={4}>
            <Tag color="green">{t('council.sheet.submittedAt', { at: formatDateTime(sheet.submittedAt) })}</Tag>
            {sheet.enteredAs !== 'self' && <Tag color="gold">{paperSheetText(sheet.enteredAs, lang)}</Tag>}
          </Space>
        )
        : <Tag>{t('council.sheet.notSubmitted')}</Tag>}
    >
      {!open && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }}
          title={council.status === 'draft' ? t('council.sheet.notOpenYet') : t('council.sheet.closed')} />
      )}
      <Form
        form={form}
        layout="vertical"
        name={`sheet-${dossier.id}${onBehalfOf ? `-${onBehalfOf.id}` : ''}`}
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
                required
                rules={[scoreRule(c)]}
              >
                <ScoreInput criterion={c} aria-label={c.name[lang]} />
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
        <Button type="primary" htmlType="submit" loading={busy}>
          {onBehalfOf ? t('council.paper.submit') : sheet ? t('council.sheet.resubmit') : t('council.sheet.submit')}
        </Button>
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

/**
 * Paper sheets: the chair, the secretary or DOST staff pick a member and one of their dossiers and enter the sheet
 * the member filled in on paper; it is recorded as entered on their behalf (sheet, audit entry, minutes).
 */
export function PaperSheets({ council, onChanged }: Props) {
  const { t } = useTranslation();
  const [memberId, setMemberId] = useState<string | undefined>();
  const [dossierId, setDossierId] = useState<string | undefined>();
  const members = council.members.filter((m) => m.id !== council.myMemberId && !m.conflictDeclared);
  const member = members.find((m) => m.id === memberId);
  const dossiers = member ? council.dossiers.filter((d) => d.memberIds.includes(member.id)) : [];
  const dossier = dossiers.find((d) => d.id === dossierId) ?? (dossiers.length === 1 ? dossiers[0] : undefined);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="paper-sheets">
      <Typography.Text type="secondary">{t('council.paper.intro')}</Typography.Text>
      <Flex gap={8} wrap>
        <Select
          placeholder={t('council.paper.member')} aria-label={t('council.paper.member')} style={{ width: 320 }} value={memberId}
          onChange={(v) => { setMemberId(v); setDossierId(undefined); }}
          options={members.map((m) => ({ value: m.id, label: `${m.displayName} (${t(`council.roles.${m.role}`)})` }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
        {member && dossiers.length > 1 && (
          <Select placeholder={t('council.paper.dossier')} aria-label={t('council.paper.dossier')} style={{ width: 420 }} value={dossier?.id}
            onChange={setDossierId} options={dossiers.map((d) => ({ value: d.id, label: d.title }))} />
        )}
      </Flex>
      {member && dossiers.length === 0 && <Typography.Text type="secondary">{t('council.paper.noDossiers')}</Typography.Text>}
      {member && dossier && (
        <DossierSheet key={`${member.id}/${dossier.id}`} council={council} dossier={dossier} sheet={undefined} onChanged={onChanged} onBehalfOf={member} />
      )}
    </Space>
  );
}
