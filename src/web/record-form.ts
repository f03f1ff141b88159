/**
 * Saving a registry record from a form: validate with the shared input (or update) schema, POST or PUT with the
 * record's `version`, put the server's field problems on the fields and its message in a notification, and offer
 * a reload when someone else saved first (409).
 */
import { useEffect, useState } from 'react';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api, isApiError, type BodyOf, type PathsWith, type ResponseOf } from './api.ts';
import { useFeedback } from './feedback.tsx';
import { applyServerErrors, validateWith } from './form-validation.ts';

export interface Versioned { id: string; version: number }

type ItemPath<B extends string> = `${B}/{id}`;
/** Collections with `POST <base>` and `GET`/`PUT <base>/{id}` answering a versioned record (`/api/organizations`…). */
export type RecordBase = {
  [P in PathsWith<'post'>]: ItemPath<P> extends PathsWith<'get'> & PathsWith<'put'>
    ? ResponseOf<'put', ItemPath<P>> extends Versioned ? P : never : never;
}[PathsWith<'post'>];
type ItemOf<B extends RecordBase> = Extract<ItemPath<B>, PathsWith<'get'> & PathsWith<'put'>>;
/** The record of a collection, as `PUT <base>/{id}` answers it. */
export type RecordOf<B extends RecordBase> = ResponseOf<'put', ItemOf<B>> extends infer R extends Versioned ? R : never;

/** The calls below are generic over the collection, so the per-path checks of `api` cannot apply; `Options` carries them. */
const send = {
  get: api.get as unknown as <R>(path: string, init: { params: { id: string } }) => Promise<R>,
  put: api.put as unknown as <R>(path: string, init: { params: { id: string }; body: unknown }) => Promise<R>,
  post: api.post as unknown as <R>(path: string, init: { body: unknown }) => Promise<R>,
};

/** The shared schemas of a collection's create and update bodies. */
export interface SaveSchemas<B extends RecordBase> {
  /** Validates a new record; its output must be what `POST <base>` takes. */
  inputSchema: z.ZodObject & z.ZodType<BodyOf<'post', B>>;
  /** Validates an edited record (with `version`); its output must be what `PUT <base>/{id}` takes. */
  updateSchema: z.ZodObject & z.ZodType<BodyOf<'put', ItemOf<B>>>;
}

interface Options<B extends RecordBase> extends SaveSchemas<B> {
  form: FormInstance;
  /** Collection path, e.g. /api/organizations */
  basePath: B;
  /** The record being edited (null when creating). */
  record: RecordOf<B> | null;
  onSaved(record: RecordOf<B>, created: boolean): void;
  /** Loads the current record into the form again (after a 409). */
  onReload(): void;
  /** Form values → API fields (e.g. nothing to rename for most forms). */
  toInput?(values: Record<string, unknown>): Record<string, unknown>;
}

export function useRecordSave<B extends RecordBase>(o: Options<B>) {
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
        ? await send.put<RecordOf<B>>(`${o.basePath}/{id}`, { params: { id: o.record.id }, body: checked.data })
        : await send.post<RecordOf<B>>(o.basePath, { body: checked.data });
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
export function useDrawerRecord<B extends RecordBase>(o: {
  form: FormInstance; open: boolean; initial: RecordOf<B> | null; empty: Record<string, unknown>; basePath: B;
  /** Record → form values, when the form has fields of its own (e.g. a choice that shows one of two selects). */
  toForm?(record: RecordOf<B>): Record<string, unknown>;
}) {
  type R = RecordOf<B>;
  const { showError } = useFeedback();
  const [record, setRecord] = useState<R | null>(o.initial);
  const fill = (r: R | null) => {
    setRecord(r);
    o.form.resetFields();
    o.form.setFieldsValue(r ? (o.toForm ? o.toForm(r) : r) : o.empty);
  };
  useEffect(() => { if (o.open) fill(o.initial); }, [o.open, o.initial]);
  const reload = async () => {
    if (!record) return;
    try {
      fill(await send.get<R>(`${o.basePath}/{id}`, { params: { id: record.id } }));
    } catch (e) {
      showError(e);
    }
  };
  return { record, reload };
}
