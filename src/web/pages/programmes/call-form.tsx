/**
 * A call's application form rendered from its JSON Schema by react-jsonschema-form (Ant Design theme), titles in the
 * UI language (`localizeFormSchema`). Validation in the browser is ajv's, by the same schema: the app's CSP allows
 * no eval, so the server compiles the form (GET /api/programme-calls/:id/form-validator.js) and the page imports
 * that module with the two ajv runtime helpers it needs; the server validates again on submission.
 */
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { Alert, Spin } from 'antd';
import Form from '@rjsf/antd';
import type { RJSFSchema, UiSchema, ValidatorType } from '@rjsf/utils';
import { createPrecompiledValidator } from '@rjsf/validator-ajv8';
import * as ucs2length from 'ajv/dist/runtime/ucs2length';
import * as formats from 'ajv-formats/dist/formats';
import { useTranslation } from 'react-i18next';
import { ANSWER_PROBLEM_TEXT, fieldOrder, localizeFormSchema } from '../../../shared/schemas/programmes.ts';
import { useLang } from '../tasks/task-ui.tsx';

/** A CommonJS module's function as the bundler hands it over (the function, or an object whose default is it). */
const fnOf = (m: unknown): unknown => (typeof m === 'function' || m === null || typeof m !== 'object' ? m : fnOf((m as { default?: unknown }).default));
/** `formats.fullFormats` likewise may sit under `default`. */
const fullFormatsOf = (m: unknown): unknown => ((m as { fullFormats?: unknown }).fullFormats ? m : fullFormatsOf((m as { default?: unknown }).default));
const RUNTIME: Record<string, unknown> = { 'ajv/dist/runtime/ucs2length': { default: fnOf(ucs2length) }, 'ajv-formats/dist/formats': fullFormatsOf(formats) };

/** The uiSchema the builder's conventions imply: long texts as text areas; no submit button of the form's own. */
export function uiSchemaOf(schema: Record<string, unknown>): UiSchema {
  const ui: UiSchema = { 'ui:submitButtonOptions': { norender: true }, 'ui:order': [...fieldOrder(schema), '*'] };
  for (const [key, p] of Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)) {
    if (p['x-widget'] === 'textarea') ui[key] = { 'ui:widget': 'textarea', 'ui:options': { rows: 4 } };
  }
  return ui;
}

export interface CallFormHandle {
  /** Validates in the browser; the answers when valid, else null (the errors are shown on the fields). */
  validate(): Record<string, unknown> | null;
  values(): Record<string, unknown>;
}

interface Props {
  callId: string;
  schema: Record<string, unknown>;
  value: Record<string, unknown>;
  disabled?: boolean;
  onChange?(v: Record<string, unknown>): void;
}

async function loadValidator(callId: string, lang: 'vi' | 'en', schema: RJSFSchema): Promise<ValidatorType> {
  const url = `/api/programme-calls/${encodeURIComponent(callId)}/form-validator.js?lang=${lang}`;
  const mod = (await import(/* @vite-ignore */ url)) as { default: (req: (m: string) => unknown) => Record<string, unknown> };
  // ajv's messages are English: each problem is worded by its keyword in the UI language, as the server does.
  const localizer = (errors?: null | { keyword: string; message?: string }[]) => {
    for (const e of errors ?? []) e.message = ANSWER_PROBLEM_TEXT[e.keyword]?.[lang] ?? e.message;
  };
  return createPrecompiledValidator(mod.default((m) => RUNTIME[m]) as never, schema, localizer as never);
}

export const CallForm = forwardRef<CallFormHandle, Props>(function CallForm({ callId, schema, value, disabled, onChange }, ref) {
  const lang = useLang();
  const { t } = useTranslation();
  const localized = useMemo(() => localizeFormSchema(schema, lang) as RJSFSchema, [schema, lang]);
  const [validator, setValidator] = useState<ValidatorType | null>(null);
  const [failed, setFailed] = useState(false);
  const [data, setData] = useState<Record<string, unknown>>(value);
  const formRef = useRef<{ validateForm(): boolean } | null>(null);
  useEffect(() => setData(value), [value]);
  useEffect(() => {
    let live = true;
    setValidator(null);
    loadValidator(callId, lang, localized).then((v) => { if (live) setValidator(v); }).catch(() => { if (live) setFailed(true); });
    return () => { live = false; };
  }, [callId, lang, localized]);
  useImperativeHandle(ref, () => ({
    validate: () => (formRef.current?.validateForm() ? data : null),
    values: () => data,
  }), [data]);
  if (failed) return <Alert type="error" showIcon message={t('programmes.application.validatorError')} />;
  if (!validator) return <Spin />;
  return (
    <Form
      ref={formRef as never}
      schema={localized}
      uiSchema={uiSchemaOf(schema)}
      formData={data}
      validator={validator}
      disabled={disabled}
      showErrorList={false}
      noHtml5Validate
      onChange={(e) => { const v = (e.formData ?? {}) as Record<string, unknown>; setData(v); onChange?.(v); }}
    />
  );
});
