/**
 * The field builder of a call's application form: an officer lists the fields (short or long text, number, date,
 * yes/no, choice list; required or not; labels in Vietnamese and English) and the builder writes the JSON Schema
 * stored on the call (`fieldsToFormSchema`). "Nâng cao: sửa JSON" shows the schema itself for what the builder does
 * not cover; a schema the builder cannot read back is edited there only. The server compiles it with ajv on save.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Collapse, Flex, Input, InputNumber, Select, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { FIELD_KINDS, fieldsToFormSchema, formSchemaToFields, type FormField } from '../../../shared/schemas/programmes.ts';

interface Props {
  value: Record<string, unknown>;
  onChange(schema: Record<string, unknown>): void;
  disabled?: boolean;
}

const blank = (n: number): FormField => ({ key: `field${n}`, kind: 'text', title: { vi: '', en: '' }, required: false });

export function FormBuilder({ value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const fields = useMemo(() => formSchemaToFields(value), [value]);
  const [json, setJson] = useState<string | null>(null);
  const [jsonError, setJsonError] = useState<string | null>(null);
  const kinds = FIELD_KINDS.map((k) => ({ value: k, label: t(`programmes.builder.kinds.${k}`) }));

  const write = (next: FormField[]) => onChange(fieldsToFormSchema(next));
  const patch = (i: number, p: Partial<FormField>) => fields && write(fields.map((f, j) => (j === i ? { ...f, ...p } : f)));
  const move = (i: number, d: number) => {
    if (!fields) return;
    const next = [...fields];
    const [f] = next.splice(i, 1);
    next.splice(i + d, 0, f);
    write(next);
  };

  const applyJson = () => {
    try {
      const parsed = JSON.parse(json ?? '') as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('{ … }');
      setJsonError(null);
      onChange(parsed as Record<string, unknown>);
    } catch (e) {
      setJsonError(t('programmes.builder.jsonInvalid', { error: (e as Error).message }));
    }
  };

  return (
    <div data-testid="form-builder">
      <Typography.Paragraph type="secondary">{t('programmes.builder.intro')}</Typography.Paragraph>
      {fields === null && <Alert type="info" showIcon message={t('programmes.builder.notBuilder')} style={{ marginBottom: 12 }} />}
      {fields?.map((f, i) => (
        <Card key={i} size="small" style={{ marginBottom: 8 }} data-testid={`builder-field-${i}`}>
          <Flex wrap gap={8} align="end">
            <label style={{ minWidth: 150 }}>{t('programmes.builder.key')}
              <Input value={f.key} disabled={disabled} onChange={(e) => patch(i, { key: e.target.value })} aria-label={t('programmes.builder.key')} />
            </label>
            <label style={{ minWidth: 160 }}>{t('programmes.builder.kind')}
              <Select value={f.kind} disabled={disabled} options={kinds} style={{ width: '100%' }} aria-label={t('programmes.builder.kind')}
                onChange={(kind) => patch(i, { kind, ...(kind === 'choice' && !f.options ? { options: [] } : {}) })} />
            </label>
            <label style={{ flex: 1, minWidth: 200 }}>{t('programmes.builder.titleVi')}
              <Input value={f.title.vi} disabled={disabled} aria-label={t('programmes.builder.titleVi')}
                onChange={(e) => patch(i, { title: { ...f.title, vi: e.target.value } })} />
            </label>
            <label style={{ flex: 1, minWidth: 200 }}>{t('programmes.builder.titleEn')}
              <Input value={f.title.en} disabled={disabled} aria-label={t('programmes.builder.titleEn')}
                onChange={(e) => patch(i, { title: { ...f.title, en: e.target.value } })} />
            </label>
            <Checkbox checked={f.required} disabled={disabled} onChange={(e) => patch(i, { required: e.target.checked })}>{t('programmes.builder.required')}</Checkbox>
            <Space>
              <Button size="small" icon={<ArrowUpOutlined />} disabled={disabled || i === 0} onClick={() => move(i, -1)} aria-label={t('programmes.builder.up')} />
              <Button size="small" icon={<ArrowDownOutlined />} disabled={disabled || i === fields.length - 1} onClick={() => move(i, 1)} aria-label={t('programmes.builder.down')} />
              <Button size="small" danger icon={<DeleteOutlined />} disabled={disabled} onClick={() => write(fields.filter((_, j) => j !== i))} aria-label={t('programmes.builder.remove')} />
            </Space>
          </Flex>
          {f.kind === 'number' && (
            <Flex gap={8} style={{ marginTop: 8 }}>
              <InputNumber placeholder={t('programmes.builder.min')} aria-label={t('programmes.builder.min')} value={f.min} disabled={disabled} onChange={(v) => patch(i, { min: v ?? undefined })} />
              <InputNumber placeholder={t('programmes.builder.max')} aria-label={t('programmes.builder.max')} value={f.max} disabled={disabled} onChange={(v) => patch(i, { max: v ?? undefined })} />
            </Flex>
          )}
          {f.kind === 'choice' && (
            <div style={{ marginTop: 8 }}>
              <Typography.Text strong>{t('programmes.builder.options')}</Typography.Text>
              {(f.options ?? []).map((o, k) => (
                <Flex key={k} gap={8} style={{ marginTop: 4 }}>
                  <Input placeholder={t('programmes.builder.optionValue')} aria-label={t('programmes.builder.optionValue')} value={o.value} disabled={disabled}
                    onChange={(e) => patch(i, { options: f.options!.map((x, m) => (m === k ? { ...x, value: e.target.value } : x)) })} />
                  <Input placeholder={t('programmes.builder.titleVi')} aria-label={t('programmes.builder.titleVi')} value={o.label.vi} disabled={disabled}
                    onChange={(e) => patch(i, { options: f.options!.map((x, m) => (m === k ? { ...x, label: { ...x.label, vi: e.target.value } } : x)) })} />
                  <Input placeholder={t('programmes.builder.titleEn')} aria-label={t('programmes.builder.titleEn')} value={o.label.en} disabled={disabled}
                    onChange={(e) => patch(i, { options: f.options!.map((x, m) => (m === k ? { ...x, label: { ...x.label, en: e.target.value } } : x)) })} />
                  <Button danger icon={<DeleteOutlined />} disabled={disabled} aria-label={t('programmes.builder.remove')}
                    onClick={() => patch(i, { options: f.options!.filter((_, m) => m !== k) })} />
                </Flex>
              ))}
              <Button size="small" icon={<PlusOutlined />} style={{ marginTop: 4 }} disabled={disabled}
                onClick={() => patch(i, { options: [...(f.options ?? []), { value: `option${(f.options ?? []).length + 1}`, label: { vi: '', en: '' } }] })}>
                {t('programmes.builder.addOption')}
              </Button>
            </div>
          )}
        </Card>
      ))}
      {fields && (
        <Button icon={<PlusOutlined />} disabled={disabled} onClick={() => write([...fields, blank(fields.length + 1)])}>{t('programmes.builder.add')}</Button>
      )}
      <Collapse style={{ marginTop: 12 }} onChange={() => setJson(JSON.stringify(value, null, 2))} items={[{
        key: 'json', label: t('programmes.builder.advanced'), children: (
          <>
            <Input.TextArea value={json ?? JSON.stringify(value, null, 2)} rows={12} disabled={disabled} aria-label={t('programmes.builder.advanced')}
              onChange={(e) => setJson(e.target.value)} style={{ fontFamily: 'monospace' }} />
            {jsonError && <Alert type="error" message={jsonError} style={{ marginTop: 8 }} />}
            <Button style={{ marginTop: 8 }} disabled={disabled} onClick={applyJson}>{t('programmes.builder.applyJson')}</Button>
          </>
        ),
      }]} />
    </div>
  );
}
