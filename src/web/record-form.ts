/**
 * Saving a registry record from a form: validate with the shared input (or update) schema, POST or PUT with the
 * record's `version`, put the server's field problems on the fields and its message in a notification, and offer
 * a reload when someone else saved first (409).
 */
import { useState } from 'react';
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
