// What each API operation takes and answers, read from the generated
// `paths` (schema.ts, made by openapi-typescript): the client's methods are
// typed by these, so a path that does not exist, a missing parameter, a
// wrong body or a wrong answer type fails `tsc`. Nothing here names a
// schema type (those names follow the server's and may change): the names
// the screens use are derived from operations in types.ts.
import type { paths } from './schema';

export type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** The paths that have an operation for `method`. */
export type PathOf<M extends Method> = { [P in keyof paths]: paths[P] extends { [K in M]: unknown } ? P : never }[keyof paths];

/** The operation at `method` `path`. */
export type Op<M extends Method, P extends PathOf<M>> = NonNullable<paths[P][M]>;

type Parameters<O> = O extends { parameters: infer X } ? X : never;
type PathParams<O> = Parameters<O> extends { path: infer X } ? X : never;
type QueryParams<O> = Parameters<O> extends { query?: infer X } ? NonNullable<X> : never;
type Headers<O> = Parameters<O> extends { header?: infer X } ? NonNullable<X> : never;
type RequestBody<O> = O extends { requestBody?: infer X } ? NonNullable<X> : never;
type Json<X> = X extends { content: { 'application/json': infer B } } ? B : never;
type BodyRequired<O> = O extends { requestBody: object } ? true : false;

/** What a call passes besides the path: its parameters, its body, and how it is sent. */
export type Init<O> = ([PathParams<O>] extends [never] ? { path?: never } : { path: PathParams<O> }) &
  ([QueryParams<O>] extends [never] ? { query?: never } : { query?: QueryParams<O> }) &
  ([Json<RequestBody<O>>] extends [never] ? { body?: never } : BodyRequired<O> extends true ? { body: Json<RequestBody<O>> } : { body?: Json<RequestBody<O>> }) &
  ([Headers<O>] extends [never] ? { header?: never } : { header?: Headers<O> }) & {
    /** Send no token even when signed in (signing in, signing up). */
    anonymous?: boolean;
    signal?: AbortSignal;
  };

/** The init argument: optional when the operation needs neither path parameters nor a body. */
export type InitArgs<O> = {} extends Init<O> ? [init?: Init<O>] : [init: Init<O>];

type Responses<O> = O extends { responses: infer R } ? R : never;
type Success = 200 | 201 | 202 | 204;

/** The body of a successful answer (null for one without a body, such as 204). */
export type DataOf<O> = {
  [S in keyof Responses<O> & Success]: Responses<O>[S] extends { content: { 'application/json': infer T } } ? T : null;
}[keyof Responses<O> & Success];

/** The problem document of a failed answer. */
export type ProblemOf<O> = {
  [S in Exclude<keyof Responses<O>, Success>]: Responses<O>[S] extends { content: { 'application/problem+json': infer T } } ? T : never;
}[Exclude<keyof Responses<O>, Success>];

/** Shorthands by method and path, for the names in types.ts. */
export type Data<M extends Method, P extends PathOf<M>> = DataOf<Op<M, P>>;
export type Body<M extends Method, P extends PathOf<M>> = NonNullable<Init<Op<M, P>>['body']>;
export type Query<M extends Method, P extends PathOf<M>> = NonNullable<Init<Op<M, P>>['query']>;
export type Problem<M extends Method, P extends PathOf<M>> = ProblemOf<Op<M, P>>;

/** The path with its `{name}` parameters filled in (each encoded). */
export function fillPath(path: string, params?: Record<string, string | number>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}
