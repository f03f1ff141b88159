/**
 * Saving a registry record from a form: validate with the shared input (or update) schema, POST or PUT with the
 * record's `version`, put the server's field problems on the fields and its message in a notification, and offer
 * a reload when someone else saved first (409).
 */
import { useEffect, useState } from 'react';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api, isApiError } from './api.ts';
import { useFeedback } from './feedback.tsx';
import { applyServerErrors, validateWith } from './form-validation.ts';

export interface Versioned { id: string; version: number }

interface Options<R extends Versioned> {
  form: FormInstance;
  inputSchema: z.ZodObject;
  updateSchema: z.ZodObject;
  /** Collection path, e.g. /api/organizations */
  basePath: string;
  /** The record being edited (null when creating). */
  record: R | null;
  onSaved(record: R, created: boolean): void;
  /** Loads the current record into the form again (after a 409). */
  onReload(): void;
  /** Form values → API fields (e.g. nothing to rename for most forms). */
  toInput?(values: Record<string, unknown>): Record<string, unknown>;
}

export function useRecordSave<R extends Versioned>(o: Options<R>) {
  const { t } = useTranslation();
  const { showError, showSuccess } = useFeedback();
  const [saving, setSaving] = useState(false);
  const fieldNames = Object.keys(o.inputSchema.shape);

  const submit = async (values: Record<string, unknown>) => {
    const input = o.toInput ? o.toInput(values) : values;
    const checked = o.record
      ? validateWith(o.updateSchema, { ...input, version: o.record.version })
      : validateWith(o.inputSchema, input);
    if (!checked.ok) {
      o.form.setFields(checked.fields);
      showError(new Error(t('form.checkFields')));
      return;
    }
    setSaving(true);
    try {
      const saved = o.record
        ? await api.put<R>(`${o.basePath}/${o.record.id}`, checked.data)
        : await api.post<R>(o.basePath, checked.data);
      showSuccess(o.record ? t('common.saved') : t('common.created'));
      o.onSaved(saved, !o.record);
    } catch (e) {
      if (isApiError(e)) applyServerErrors(o.form, e, fieldNames);
      showError(e, { onReload: o.onReload });
    } finally {
      setSaving(false);
    }
  };

  return { saving, submit };
}

/**
 * The record a create/edit drawer shows: filled into the form when the drawer opens (the empty values when
 * creating), and reloaded from the server on demand (after a 409, someone else saved first).
 */
export function useDrawerRecord<R extends Versioned>(o: {
  form: FormInstance; open: boolean; initial: R | null; empty: Record<string, unknown>; basePath: string;
}) {
  const { showError } = useFeedback();
  const [record, setRecord] = useState<R | null>(o.initial);
  const fill = (r: R | null) => {
    setRecord(r);
    o.form.resetFields();
    o.form.setFieldsValue(r ?? o.empty);
  };
  useEffect(() => { if (o.open) fill(o.initial); }, [o.open, o.initial]);
  const reload = async () => {
    if (!record) return;
    try {
      fill(await api.get<R>(`${o.basePath}/${record.id}`));
    } catch (e) {
      showError(e);
    }
  };
  return { record, reload };
}
