/** An error the API answered with (or the network failed with), in words for the reader. */
export class ApiError extends Error {
  constructor(
    message: string,
    /** `extensions.code` of the first error, e.g. UNAUTHENTICATED, NOT_FOUND. */
    readonly code: string | undefined,
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLResponseBody<Data> {
  readonly data?: Data | null;
  readonly errors?: readonly { readonly message: string; readonly extensions?: { readonly code?: string } }[];
}

export type Variables = Readonly<Record<string, unknown>>;

/** Tags a GraphQL document (for readability and editor support; returns it unchanged). */
export const gql = (strings: TemplateStringsArray, ...values: readonly string[]): string =>
  strings.reduce((document, part, index) => document + part + (values[index] ?? ''), '');

/**
 * POST /graphql on the same origin. `apollo-require-preflight` satisfies the server's CSRF
 * prevention; the token, when there is one, goes as a bearer Authorization.
 */
export const postGraphQL = async <Data>(query: string, variables: Variables | undefined, token: string | undefined): Promise<Data> => {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'apollo-require-preflight': 'true',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
    });
  } catch {
    throw new ApiError('No se pudo contactar al servidor del Registro. Revise su conexión.', undefined, 0);
  }
  let body: GraphQLResponseBody<Data>;
  try {
    body = (await response.json()) as GraphQLResponseBody<Data>;
  } catch {
    throw new ApiError(`El servidor respondió ${response.status} sin datos legibles.`, undefined, response.status);
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code, response.status);
  if (body.data === undefined || body.data === null) throw new ApiError('El servidor no devolvió datos.', undefined, response.status);
  return body.data;
};
