import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, operations, paths } from './schema';

export type { components, operations, paths } from './schema';

/** Every named schema of the document: `Schemas['Dispute']`, `Schemas['ErrorBody']`, … */
export type Schemas = components['schemas'];
export type Dispute = Schemas['Dispute'];
export type DisputeList = Schemas['DisputeList'];
export type AuditRecord = Schemas['AuditRecord'];
export type AuditVerification = Schemas['AuditVerification'];
export type Timer = Schemas['Timer'];
export type AllowedEvents = Schemas['AllowedEvents'];
export type Unit = Schemas['Unit'];
export type User = Schemas['User'];
export type Login = Schemas['Login'];
export type Notification = Schemas['Notification'];
export type NotificationList = Schemas['NotificationList'];
export type Stats = Schemas['Stats'];
export type Workflow = Schemas['Workflow'];
export type Health = Schemas['Health'];
export type ErrorBody = Schemas['ErrorBody'];
export type Refusal = Schemas['Refusal'];
/** The body of POST /disputes/{id}/events: one member per event type, told apart by `type`. */
export type DisputeEvent = NonNullable<
  operations['sendDisputeEvent']['requestBody']
>['content']['application/json'];
export type EventType = DisputeEvent['type'];
export type Agenda = operations['getAgenda']['responses'][200]['content']['application/json'];

/** A media type, as openapi-fetch matches a response's content against it. */
type MediaType = `${string}/${string}`;

/**
 * `Media` is what the caller reads: a client that parses JSON only (openapi-fetch's default) says
 * `application/json`, so that an operation that also answers a file (GET /reports/monthly: XLSX,
 * CSV or JSON) is typed by its JSON answer alone.
 */
export type TricolorClient<Media extends MediaType = MediaType> = Client<paths, Media>;

export interface TricolorClientOptions extends ClientOptions {
  /** The API's address, e.g. `https://tricolor.example.gov.cn` (no trailing slash). */
  baseUrl: string;
  /** The bearer token, or a function read before each request (after a login, a refresh…). */
  token?: string | (() => string | undefined);
}

/**
 * A typed client of the Tricolor API (openapi-fetch over the generated types): paths,
 * parameters, bodies and answers are checked by the compiler, with no casts.
 *
 *     const api = createTricolorClient({ baseUrl, token });
 *     const { data, error } = await api.GET('/disputes/{id}', { params: { path: { id } } });
 */
export function createTricolorClient<Media extends MediaType = MediaType>(
  options: TricolorClientOptions,
): TricolorClient<Media> {
  const { token, ...rest } = options;
  const client = createClient<paths, Media>(rest);
  if (token !== undefined) {
    client.use({
      onRequest({ request }) {
        const value = typeof token === 'function' ? token() : token;
        if (value !== undefined) request.headers.set('Authorization', `Bearer ${value}`);
        return request;
      },
    });
  }
  return client;
}
