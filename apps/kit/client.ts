/** The apps' HTTP client: the one typed client of protocol/ (its endpoint map, its ApiError). */
export { ApiError, createClient, type Client, type ClientOptions } from '../../protocol/client.js';
export type { BodyOf, EndpointKey, ResponseOf } from '../../protocol/api.js';
export type * from '../../protocol/responses.js';
