/**
 * The shell of a create/edit drawer for a versioned record: the form validated with the shared zod schema (the same
 * one the server applies), POST or PUT with the record's version, the server's field problems put on the fields, a
 * reload offered on 409, a "discard changes?" question before closing over unsaved input, and the focus given back
 * to whatever opened the drawer.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { App, Button, Drawer, Flex, Form, Row, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { isRequired, zodRules } from '../form-validation.ts';
import { useDrawerRecord, useRecordSave, type RecordBase, type RecordOf, type SaveSchemas } from '../record-form.ts';

/** Props of one field: its name, label, the schema's rules and whether it is required. */
export type FieldProps = (name: string, label?: string) => { name: string; label: string; rules: ReturnType<typeof zodRules>; required: boolean };

export interface RecordDrawerProps<B extends RecordBase> extends SaveSchemas<B> {
  open: boolean;
  /** Collection path, e.g. /api/organizations. */
  basePath: B;
  /** The record to edit; null to create one. */
  record: RecordOf<B> | null;
  /** Values of a new record. */
  empty: Record<string, unknown>;
  title: { create: string; edit: string };
  /** The form's name (ids of its fields: `organization_name`). */
  name: string;
  /** i18n prefix of the field labels: `org.fields` → t('org.fields.name'). */
  labels: string;
  onClose(): void;
  onSaved(record: RecordOf<B>, created: boolean): void;
  /** Form values → API fields. */
  toInput?(values: Record<string, unknown>): Record<string, unknown>;
  /** Record → form values (the inverse of `toInput`). */
  toForm?(record: RecordOf<B>): Record<string, unknown>;
  size?: number;
  /** The fields, laid out in `<Col>`s of one `<Row>`. */
  children(ctx: { field: FieldProps; form: FormInstance; record: RecordOf<B> | null }): ReactNode;
}

export function RecordDrawer<B extends RecordBase>(p: RecordDrawerProps<B>) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm();
  const opener = useRef<HTMLElement | null>(null);
  const { record, reload } = useDrawerRecord({
    form, open: p.open, initial: p.record, empty: p.empty, basePath: p.basePath, toForm: p.toForm,
  });
  const { saving, submit } = useRecordSave({
    form, inputSchema: p.inputSchema, updateSchema: p.updateSchema, basePath: p.basePath, record, toInput: p.toInput,
    onSaved: p.onSaved, onReload: () => void reload(), // reload shows its own errors
  });

  useEffect(() => {
    if (p.open) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, [p.open]);

  const schema = record ? p.updateSchema : p.inputSchema;
  const field: FieldProps = (name, label) => ({
    name, label: label ?? t(`${p.labels}.${name}`),
    rules: zodRules(schema, name), required: isRequired(schema, name),
  });

  const close = () => {
    if (!form.isFieldsTouched()) return p.onClose();
    modal.confirm({
      title: t('common.discardTitle'),
      content: t('common.discardHint'),
      okText: t('common.discard'),
      okButtonProps: { danger: true },
      cancelText: t('common.keepEditing'),
      onOk: p.onClose,
    });
  };

  return (
    <Drawer
      open={p.open}
      onClose={close}
      title={record ? p.title.edit : p.title.create}
      size={p.size ?? 760}
      destroyOnHidden
      afterOpenChange={(visible) => { if (!visible) opener.current?.focus(); }}
      footer={(
        <Flex justify="end" gap={8}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>{t('common.save')}</Button>
        </Flex>
      )}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={p.empty} name={p.name} scrollToFirstError>
        <Row gutter={16}>{p.children({ field, form, record })}</Row>
      </Form>
    </Drawer>
  );
}
