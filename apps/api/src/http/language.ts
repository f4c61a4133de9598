import { isRefusalCode, refusalText } from '@tricolor/workflow';
import type { ErrorBody, FieldError } from './error-body';
import { FIELD_CODES, type FieldCode } from './field-codes';

/**
 * The language of the answer (issue 18). English stays the default, so that clients written
 * against the English sentences keep working; a caller that prefers Chinese
 * (`Accept-Language: zh-CN`, `zh`, `zh-Hans`…) gets refusals and field problems in Chinese.
 * Codes, parameters and every other field are the same in both.
 */
export type ApiLanguage = 'en' | 'zh';

/** The caller's language from `Accept-Language`: the first tag of the highest q that we speak. */
export function languageOf(header: string | readonly string[] | undefined): ApiLanguage {
  const value = Array.isArray(header) ? header.join(',') : ((header as string | undefined) ?? '');
  let best: { lang: ApiLanguage; q: number } | null = null;
  for (const part of value.split(',').slice(0, 20)) {
    const [tag = '', ...rest] = part.trim().toLowerCase().split(';');
    const qParam = rest.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const lang: ApiLanguage | null = tag.startsWith('zh')
      ? 'zh'
      : tag.startsWith('en')
        ? 'en'
        : null;
    if (lang && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'en';
}

/** The error body in the caller's language: the same fields, Chinese sentences where we have them. */
export function localizeErrorBody(body: ErrorBody, lang: ApiLanguage): ErrorBody {
  if (lang === 'en') return body;
  if (body.code !== undefined && isRefusalCode(body.code)) {
    const reason = refusalText(body.code, body.params ?? {}, 'zh');
    return { ...body, reason, message: `${body.event ?? ''} 未获准：${reason}` };
  }
  if (body.errors && body.errors.length > 0) {
    const errors = body.errors.map((e) => localizeFieldError(e));
    const omitted = body.message.match(/; \.\.\. and (\d+) more$/);
    return {
      ...body,
      errors,
      message: errors.map((e) => e.message).join('；') + (omitted ? `；另有 ${omitted[1]} 项` : ''),
    };
  }
  return body;
}

function localizeFieldError(error: FieldError): FieldError {
  const zh = error.code ? (FIELD_CODES[error.code as FieldCode]?.zh ?? null) : null;
  if (zh === null) return error;
  return { ...error, message: zh.replace('{field}', error.field) };
}
