// Types of server/client-address.mjs (plain JavaScript, so the standalone server runs it unbuilt).
import type { IncomingHttpHeaders } from 'node:http';
import type { BlockList } from 'node:net';

export declare const CLIENT_ADDRESS_HEADER: 'x-pulse-client-ip';
export declare function parseTrustedProxies(list?: string): BlockList;
export declare function clientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trusted: BlockList): string | null;
export declare function setClientAddress(headers: IncomingHttpHeaders, socketAddress: string | undefined, trusted: BlockList): void;
