import { ApiError, NetworkError } from '../api/client';
import type { Translate } from '../i18n/i18n';

/** What the person reads when a request fails: plain words, the API's reason where it helps. */
export function errorText(t: Translate, error: unknown): string {
  if (error instanceof NetworkError) return t('error.network');
  if (!(error instanceof ApiError)) return t('error.server');
  switch (error.status) {
    case 400: {
      const fields = error.body.errors?.map((e) => `${e.field} ${e.message}`).join('；');
      return t('error.invalid', { message: fields || error.message });
    }
    case 401:
      return t('error.unauthorized');
    case 403:
    case 404:
      return t('error.notFound');
    case 409:
      return t('error.conflict');
    case 422:
      // The client sends the console's language as Accept-Language, so the API words the
      // refusal (from its code) in Chinese or English already: the console carries no copy of
      // the catalogue, which keeps the first page under its weight budget.
      return error.body.reason ?? error.message;
    case 429:
      return t('error.tooMany');
    default:
      return error.status >= 500 ? t('error.server') : error.message;
  }
}
