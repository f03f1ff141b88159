/**
 * Văn bản: the register of national documents (shared by every province) and the province's own, searched by
 * number, title or issuer without diacritics, filtered by type, issuer, year and scope; in Vietnamese title order.
 * "Dán văn bản, liên kết" finds the documents a pasted text cites and creates the missing ones.
 */
import { useEffect, useState } from 'react';
import { Button, InputNumber, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileSearchOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LEGAL_DOC_TYPES, LEGAL_SCOPES, type LegalDocType, type LegalScope } from '../../../shared/schemas/legal-documents.ts';
import { api, type Schemas } from '../../api.ts';
import { ListPage } from '../../components/list-page.tsx';
import { RowActions } from '../../components/row-actions.tsx';
import { formatDate } from '../../format.ts';
import { useUser } from '../../session.tsx';
import { useDebounced } from '../../use-paged-list.ts';
import { useRecordList } from '../../use-record-list.ts';
import { LegalDocumentDrawer } from './legal-document-drawer.tsx';
import { canAddLegalDocuments, canWriteLegalDocument } from './legal-document-permissions.ts';
import { LegalRefsModal } from './legal-refs-modal.tsx';

type Doc = Schemas['LegalDocument'];

export function LegalDocumentsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const adder = canAddLegalDocuments(user.role);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const [docType, setDocType] = useState<LegalDocType | undefined>();
  const [issuer, setIssuer] = useState<string | undefined>();
  const [year, setYear] = useState<number | null>(null);
  const yearQ = useDebounced(year);
  const [scope, setScope] = useState<LegalScope | undefined>();
  const [issuers, setIssuers] = useState<string[]>([]);
  const [pasting, setPasting] = useState(false);
  const page = useRecordList('/api/legal-documents', { q: q || undefined, docType, issuer, year: yearQ ?? undefined, scope });

  useEffect(() => {
    let live = true;
    api.get('/api/legal-documents/issuers').then((r) => { if (live) setIssuers(r.items); }).catch(() => { /* the filter stays empty */ });
    return () => { live = false; };
  }, []);

  const columns: ColumnsType<Doc> = [
    {
      title: t('legalDoc.fields.number'), key: 'number', width: 200,
      render: (_, d) => <Link to={`/legal-documents/${d.id}`}><strong>{d.number}</strong></Link>,
    },
    { title: t('legalDoc.fields.docType'), dataIndex: 'docType', width: 140, render: (k: string) => t(`legalDoc.types.${k}`) },
    {
      title: t('legalDoc.fields.title'), key: 'title',
      render: (_, d) => (
        <div>
          {d.title}
          {d.national && <> <Tag color="geekblue">{t('legalDoc.scopes.national')}</Tag></>}
        </div>
      ),
    },
    { title: t('legalDoc.fields.issuer'), dataIndex: 'issuer', width: 220, render: (v: string | null) => v ?? t('common.none') },
    { title: t('legalDoc.fields.issuedOn'), dataIndex: 'issuedOn', width: 130, render: (v: string | null) => (v ? formatDate(v) : t('common.none')) },
    ...(adder ? [{
      title: t('common.actions'), key: 'actions', width: 170,
      render: (_: unknown, d: Doc) => (canWriteLegalDocument(user.role, d)
        ? <RowActions name={d.number} onEdit={() => page.edit(d)} onDelete={() => page.remove(d)} />
        : null),
    }] : []),
  ];

  return (
    <ListPage
      title={t('legalDoc.title')}
      actions={(
        <>
          <Button icon={<FileSearchOutlined />} onClick={() => setPasting(true)}>{t('legalDoc.refs.open')}</Button>
          {adder && <Button type="primary" icon={<PlusOutlined />} onClick={page.create}>{t('legalDoc.new')}</Button>}
        </>
      )}
      search={{ value: search, onChange: setSearch, placeholder: t('legalDoc.searchPlaceholder') }}
      filters={(
        <>
          <Select
            aria-label={t('legalDoc.fields.docType')} placeholder={t('legalDoc.fields.docType')} allowClear value={docType} onChange={setDocType}
            style={{ width: 200 }} options={LEGAL_DOC_TYPES.map((k) => ({ value: k, label: t(`legalDoc.types.${k}`) }))}
          />
          <Select
            aria-label={t('legalDoc.fields.issuer')} placeholder={t('legalDoc.fields.issuer')} allowClear showSearch value={issuer}
            onChange={setIssuer} style={{ width: 260 }} options={issuers.map((i) => ({ value: i, label: i }))}
          />
          <InputNumber<number>
            aria-label={t('legalDoc.year')} placeholder={t('legalDoc.year')} min={1945} max={2100} value={year}
            onChange={(v) => setYear(v ?? null)} style={{ width: 140 }}
          />
          <Select
            aria-label={t('legalDoc.fields.scope')} placeholder={t('legalDoc.fields.scope')} allowClear value={scope} onChange={setScope}
            style={{ width: 180 }} options={LEGAL_SCOPES.map((s) => ({ value: s, label: t(`legalDoc.scopes.${s}`) }))}
          />
        </>
      )}
      list={page.list}
      columns={columns}
      emptyText={q || docType || issuer || year || scope ? t('common.noMatch') : t('legalDoc.empty')}
      scrollX={900}
    >
      {page.editing && <LegalDocumentDrawer open record={page.editing.record} onClose={page.closeEditor} onSaved={page.saved} />}
      {pasting && <LegalRefsModal open onClose={() => setPasting(false)} onCreated={(d) => page.list.upsert(d)} />}
    </ListPage>
  );
}
