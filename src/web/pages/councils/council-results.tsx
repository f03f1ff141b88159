/**
 * A council's results (GET /api/councils/:id/results): quorum, and per dossier each member's sheet (points per
 * criterion and total, or the acceptance rating; a paper sheet entered for the member marked so), the averages, zero
 * counts, and whether it passed and why — no verdict while the sitting cannot conclude (below quorum, no members).
 */
import { Alert, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format.ts';
import type { CouncilResults as Results, DossierResult } from '../../../shared/schemas/councils.ts';
import { paperSheetText } from '../../../shared/labels/councils.ts';
import { useLang } from '../tasks/task-ui.tsx';
import { legalBasisText } from '../../../shared/labels/legal-basis.ts';

type SheetRow = DossierResult['sheets'][number];

const n = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatNumber(v, 2));

function Outcome({ d, canConclude }: { d: DossierResult; canConclude: boolean }) {
  const { t } = useTranslation();
  if (!canConclude) return <Tag color="orange" data-testid="dossier-outcome">{t('council.results.cannotConclude')}</Tag>;
  if (d.passed === null) return <Tag data-testid="dossier-outcome">{t('council.results.undecided')}</Tag>;
  return d.passed
    ? <Tag color="green" data-testid="dossier-outcome">{t('council.results.passed')}</Tag>
    : <Tag color="red" data-testid="dossier-outcome">{t('council.results.failed')}</Tag>;
}

/** The member's name, and "phiếu giấy do thư ký nhập thay" under it for a sheet entered on their behalf. */
function MemberCell({ s, withRole }: { s: SheetRow; withRole?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div>
      {s.memberName}
      {withRole && <div><Typography.Text type="secondary">{t(`council.roles.${s.role}`)}</Typography.Text></div>}
      {s.enteredAs !== 'self' && <div><Tag color="gold" data-testid="paper-sheet">{paperSheetText(s.enteredAs, lang)}</Tag></div>}
    </div>
  );
}

function ScoredDossier({ d }: { d: DossierResult }) {
  const { t } = useTranslation();
  const lang = useLang();
  const columns = [
    { title: t('council.results.member'), key: 'm', fixed: 'left' as const, width: 230, render: (_: unknown, s: SheetRow) => <MemberCell s={s} withRole /> },
    ...d.criteria.map((c) => ({
      title: `${c.name[lang]} (${n(c.maxPoints)})`, key: c.key, align: 'right' as const,
      render: (_: unknown, s: SheetRow) => n(s.scores?.[c.key]),
    })),
    { title: t('council.results.total'), dataIndex: 'total', align: 'right' as const, render: (v: number | null) => <b>{n(v)}</b> },
    { title: t('council.results.comment'), dataIndex: 'comment', width: 280, render: (v: string | null) => v ?? '' },
  ];
  return (
    <Table<SheetRow>
      rowKey="memberId"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={d.sheets}
      scroll={{ x: 900 }}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}><b>{t('council.results.average')}</b></Table.Summary.Cell>
          {d.criteria.map((c, i) => (
            <Table.Summary.Cell key={c.key} index={i + 1} align="right">
              {n(c.average)}
              {c.zeroCount > 0 && <div><Tag color={c.zeroLimitExceeded ? 'red' : 'orange'}>{t('council.results.zeros', { n: c.zeroCount })}</Tag></div>}
            </Table.Summary.Cell>
          ))}
          <Table.Summary.Cell index={d.criteria.length + 1} align="right"><b data-testid="dossier-average">{n(d.average)}</b></Table.Summary.Cell>
          <Table.Summary.Cell index={d.criteria.length + 2} />
        </Table.Summary.Row>
      )}
    />
  );
}

function RatedDossier({ d, canConclude }: { d: DossierResult; canConclude: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Table<SheetRow>
        rowKey="memberId"
        size="small"
        pagination={false}
        dataSource={d.sheets}
        columns={[
          { title: t('council.results.member'), key: 'm', render: (_: unknown, s: SheetRow) => <MemberCell s={s} /> },
          { title: t('council.results.role'), dataIndex: 'role', render: (r: string) => t(`council.roles.${r}`) },
          { title: t('council.results.rating'), dataIndex: 'rating', render: (r: string | null) => (r ? t(`task.ratings.${r}`) : '—') },
          { title: t('council.results.comment'), dataIndex: 'comment', render: (v: string | null) => v ?? '' },
        ]}
      />
      {d.ratings && (
        <Typography.Paragraph style={{ marginTop: 8 }}>
          {(['excellent', 'passed', 'failed'] as const).map((r) => `${t(`task.ratings.${r}`)}: ${d.ratings![r]}`).join(' · ')}
          {canConclude && d.rating && <> · {t('council.results.finalRating')}: <Tag color={d.rating === 'failed' ? 'red' : 'green'}>{t(`task.ratings.${d.rating}`)}</Tag></>}
        </Typography.Paragraph>
      )}
    </>
  );
}

export function CouncilResultsView({ results }: { results: Results }) {
  const { t } = useTranslation();
  const lang = useLang();
  const q = results.quorum;
  const rule = results.passRule.value;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('council.results.quorum')}>
          {q.members === 0
            ? <span data-testid="quorum">{t('council.results.noMembers')}</span>
            : (
              <>
                <span data-testid="quorum">{t('council.results.quorumText', { present: q.eligiblePresent, members: q.members, required: q.required })}</span>
                {' '}{q.met ? <Tag color="green">{t('council.results.quorumMet')}</Tag> : <Tag color="red">{t('council.results.quorumNotMet')}</Tag>}
              </>
            )}
        </Descriptions.Item>
        <Descriptions.Item label={t('council.results.presiding')}>
          {q.presidingPresent ? <Tag color="green">{t('common.yes')}</Tag> : <Tag color="red">{t('common.no')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('council.results.passRule')} span={2}>
          {results.evaluation === 'rating'
            ? t('council.results.passRuleAcceptance')
            : t('council.results.passRuleScores', { min: formatNumber(rule.minAverage), share: `${rule.maxZeroShare.numerator}/${rule.maxZeroShare.denominator}` })}
          <Typography.Text type="secondary"> ({legalBasisText(results.passRule.legalBasis, lang)})</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      {results.dossiers.map((d) => (
        <Card key={d.dossierId} size="small" title={d.title} extra={<Outcome d={d} canConclude={q.canConclude} />} data-testid="dossier-result">
          {results.evaluation === 'rating' ? <RatedDossier d={d} canConclude={q.canConclude} /> : <ScoredDossier d={d} />}
          <Alert style={{ marginTop: 8 }} type={d.passed === null ? 'info' : d.passed ? 'success' : 'warning'} showIcon title={d.reason || t('council.results.noSheets')} data-testid="dossier-reason" />
          {d.missing.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {t('council.results.missing', { names: d.missing.map((m) => m.memberName).join(', ') })}
            </Typography.Paragraph>
          )}
          {d.excluded.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {t('council.results.excluded', { names: d.excluded.map((m) => m.memberName).join(', ') })}
            </Typography.Paragraph>
          )}
        </Card>
      ))}
    </Space>
  );
}
