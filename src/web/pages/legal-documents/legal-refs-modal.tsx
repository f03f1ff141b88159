/**
 * Paste a text, link the documents it cites: the server runs `extractLegalRefs` over the text and matches each
 * reference to the register (POST /api/legal-documents/extract). The text comes back with its references
 * highlighted, each listed as "Đã có" (open it, or link it to the current document) or "Chưa có" (created in one
 * click with the number, type and date the text states, and the issuer its symbol suggests; the title is a
 * placeholder to complete).
 */
import { Fragment, useMemo, useState } from 'react';
import { Alert, Button, Flex, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { LinkOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LEGAL_RELATION_KINDS, type LegalRelationKind } from '../../../shared/schemas/legal-documents.ts';
import { api, type Schemas } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { formatDate } from '../../format.ts';
import { useUser } from '../../session.tsx';
import { canAddLegalDocuments, canRelateDocuments, canWriteNationalDocuments } from './legal-document-permissions.ts';

type Ref = Schemas['ExtractedLegalRef'];

interface Props {
  open: boolean;
  onClose(): void;
  /** The document being viewed: found references may be linked to it. */
  current?: Schemas['LegalDocumentDetail'] | null;
  onCreated?(doc: Schemas['LegalDocument']): void;
  onLinked?(detail: Schemas['LegalDocumentDetail']): void;
}

/** The text cut at the references' offsets, each reference marked found or missing. */
function Highlighted({ text, items }: { text: string; items: Ref[] }) {
  const parts: { text: string; ref?: Ref }[] = [];
  let at = 0;
  for (const r of [...items].sort((a, b) => a.start - b.start)) {
    if (r.start < at) continue;
    parts.push({ text: text.slice(at, r.start) }, { text: text.slice(r.start, r.end), ref: r });
    at = r.end;
  }
  parts.push({ text: text.slice(at) });
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', maxHeight: 220, overflow: 'auto', border: '1px solid #f0f0f0', padding: 8 }}>
      {parts.map((p, i) => (p.ref
        ? <mark key={i} data-ref={p.ref.number} style={{ background: p.ref.document ? '#d9f7be' : '#ffe7ba', padding: '0 2px' }}>{p.text}</mark>
        : <Fragment key={i}>{p.text}</Fragment>))}
    </Typography.Paragraph>
  );
}

export function LegalRefsModal({ open, onClose, current, onCreated, onLinked }: Props) {
  const { t } = useTranslation();
  const user = useUser();
  const { showError, showSuccess } = useFeedback();
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ text: string; items: Ref[] } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [kinds, setKinds] = useState<Record<string, LegalRelationKind>>({});
  const [linked, setLinked] = useState<Set<string>>(new Set());
  const adder = canAddLegalDocuments(user.role);
  const mayNational = canWriteNationalDocuments(user.role);

  const find = async () => {
    setBusy('find');
    try {
      const res = await api.post('/api/legal-documents/extract', { body: { text } });
      setResult({ text, items: res.items });
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const replace = (number: string, doc: Schemas['LegalDocumentSummary']) =>
    setResult((r) => (r ? { ...r, items: r.items.map((i) => (i.number === number ? { ...i, document: doc } : i)) } : r));

  const create = async (r: Ref) => {
    setBusy(r.number);
    try {
      const p = r.proposal;
      const doc = await api.post('/api/legal-documents', {
        body: {
          number: p.number, docType: p.docType, issuedOn: p.issuedOn, issuer: p.issuer, national: p.national && mayNational,
          title: `${t(`legalDoc.types.${p.docType}`)} ${p.number}`,
          note: t('legalDoc.refs.createdNote'),
        },
      });
      replace(r.number, doc);
      onCreated?.(doc);
      showSuccess(t('legalDoc.refs.created', { number: doc.number }));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const link = async (r: Ref) => {
    if (!current || !r.document) return;
    setBusy(r.number);
    try {
      const detail = await api.post('/api/legal-documents/{id}/relations', {
        params: { id: current.id }, body: { kind: kinds[r.number] ?? 'based_on', targetId: r.document.id },
      });
      setLinked((s) => new Set(s).add(r.number));
      onLinked?.(detail);
      showSuccess(t('legalDoc.refs.linked', { number: r.document.number }));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  /** Documents already related to the current one, either way. */
  const related = useMemo(() => new Set((current?.relations ?? []).map((r) => r.document.id)), [current]);

  const counts = useMemo(() => {
    const items = result?.items ?? [];
    return { found: items.filter((i) => i.document).length, missing: items.filter((i) => !i.document).length };
  }, [result]);

  const columns = [
    {
      title: t('legalDoc.fields.number'), key: 'number',
      render: (_: unknown, r: Ref) => (
        <div>
          {r.document ? <Link to={`/legal-documents/${r.document.id}`} onClick={onClose}>{r.number}</Link> : <Typography.Text strong>{r.number}</Typography.Text>}
          <div><Typography.Text type="secondary">{t(`legalDoc.types.${r.docType}`)}{r.date ? ` · ${formatDate(r.date)}` : ''}</Typography.Text></div>
        </div>
      ),
    },
    {
      title: t('legalDoc.fields.title'), key: 'status',
      render: (_: unknown, r: Ref) => (r.document ? (
        <div><Tag color="green">{t('legalDoc.refs.found')}</Tag> {r.document.title}</div>
      ) : (
        <div>
          <Tag color="orange">{t('legalDoc.refs.missing')}</Tag>
          {r.proposal.issuer && <Typography.Text type="secondary">{r.proposal.issuer}</Typography.Text>}
          {r.proposal.national && !mayNational && <div><Typography.Text type="secondary">{t('legalDoc.refs.nationalByAdmin')}</Typography.Text></div>}
        </div>
      )),
    },
    {
      title: t('common.actions'), key: 'actions', width: 340,
      render: (_: unknown, r: Ref) => {
        if (!r.document) {
          return adder ? (
            <Button size="small" icon={<PlusOutlined />} loading={busy === r.number} onClick={() => void create(r)}
              aria-label={`${t('legalDoc.refs.create')} ${r.number}`}>
              {t('legalDoc.refs.create')}
            </Button>
          ) : null;
        }
        if (!current) return null;
        if (r.document.id === current.id) return <Typography.Text type="secondary">{t('legalDoc.refs.isSelf')}</Typography.Text>;
        if (linked.has(r.number) || related.has(r.document.id)) return <Tag>{t('legalDoc.refs.related')}</Tag>;
        if (!canRelateDocuments(user.role, current, r.document)) return null;
        return (
          <Space.Compact>
            <Select
              size="small" style={{ width: 200 }} aria-label={t('legalDoc.refs.linkAs')} value={kinds[r.number] ?? 'based_on'}
              onChange={(k) => setKinds((m) => ({ ...m, [r.number]: k }))}
              options={LEGAL_RELATION_KINDS.map((k) => ({ value: k, label: t(`legalDoc.relationKinds.${k}`) }))}
            />
            <Button size="small" icon={<LinkOutlined />} loading={busy === r.number} onClick={() => void link(r)}
              aria-label={`${t('legalDoc.refs.link')} ${r.number}`}>
              {t('legalDoc.refs.link')}
            </Button>
          </Space.Compact>
        );
      },
    },
  ];

  return (
    <Modal open={open} onCancel={onClose} title={t('legalDoc.refs.title')} width={980} footer={<Button onClick={onClose}>{t('common.close')}</Button>} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('legalDoc.refs.textHint')}</Typography.Paragraph>
      <Input.TextArea aria-label={t('legalDoc.refs.text')} rows={6} value={text} onChange={(e) => setText(e.target.value)} maxLength={100_000} />
      <Flex justify="end" style={{ margin: '8px 0 16px' }}>
        <Button type="primary" icon={<SearchOutlined />} disabled={!text.trim()} loading={busy === 'find'} onClick={() => void find()}>
          {t('legalDoc.refs.find')}
        </Button>
      </Flex>
      {result && (result.items.length === 0 ? <Alert type="info" showIcon message={t('legalDoc.refs.none')} /> : (
        <>
          <Typography.Text strong>{t('legalDoc.refs.highlighted')}</Typography.Text>
          <Highlighted text={result.text} items={result.items} />
          <Typography.Paragraph>{t('legalDoc.refs.count', counts)}</Typography.Paragraph>
          <Table<Ref> rowKey="number" size="small" pagination={false} columns={columns} dataSource={result.items} data-testid="legal-refs" />
        </>
      ))}
    </Modal>
  );
}
