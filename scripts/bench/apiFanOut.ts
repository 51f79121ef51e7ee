/**
 * Subscription fan-out: N graphql-ws clients (one WebSocket each) subscribe, mutations are issued
 * one at a time over HTTP, and for each the time from the mutation's HTTP response to every
 * client's delivery is recorded. A delivery may beat the response (the server publishes before it
 * answers): such latencies count as 0.
 */
import { randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws/client';
import WebSocket from 'ws';
import { graphql } from './apiServers';

export interface FanOutResult {
  readonly subscribers: number;
  readonly mutations: number;
  /** One entry per delivery that arrived, in ms after the mutation's acknowledgement (0 if before it). */
  readonly latencies: readonly number[];
  /** The same deliveries, in ms after the mutation was sent: what a dashboard user sees of a colleague's write. */
  readonly sinceSent: readonly number[];
  /** Deliveries expected but not received within the wait. */
  readonly missing: number;
}

/** What identifies the update a mutation caused, in what a subscriber receives. */
export interface FanOutFeed {
  readonly name: string;
  readonly subscription: string;
  /** The key of a received payload, compared with the key of a mutation's outcome. */
  readonly keyOf: (payload: Record<string, unknown>) => string | undefined;
}

export interface Mutation {
  /** The key its update will carry. */
  readonly key: string;
}

const WAIT_FOR_DELIVERY_MS = 15_000;

/** Opens `count` clients in batches, so the server is not handed 1,000 handshakes at once. */
const openClients = async (wsUrl: string, token: string, count: number): Promise<Client[]> => {
  const clients: Client[] = [];
  for (let opened = 0; opened < count; opened += 100) {
    const batch = Array.from({ length: Math.min(100, count - opened) }, () =>
      createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, lazy: false, retryAttempts: 0 }),
    );
    await Promise.all(batch.map((client) => new Promise<void>((resolve, reject) => {
      const offConnected = client.on('connected', () => { offConnected(); resolve(); });
      client.on('error', reject);
    })));
    clients.push(...batch);
  }
  return clients;
};

export const measureFanOut = async (
  endpoint: string,
  token: string,
  feed: FanOutFeed,
  subscribers: number,
  mutations: number,
  mutate: () => Promise<Mutation>,
): Promise<FanOutResult> => {
  const wsUrl = endpoint.replace(/^http/, 'ws');
  const clients = await openClients(wsUrl, token, subscribers);
  // Receipt times per update key, whoever comes first (delivery or acknowledgement).
  const received = new Map<string, number[]>();
  const disposers = clients.map((client) =>
    client.subscribe<Record<string, unknown>>(
      { query: feed.subscription },
      {
        next: (message) => {
          const at = performance.now();
          const key = message.data ? feed.keyOf(message.data) : undefined;
          if (key === undefined) return;
          let times = received.get(key);
          if (times === undefined) received.set(key, (times = []));
          times.push(at);
        },
        error: () => undefined,
        complete: () => undefined,
      },
    ),
  );
  const waitForAll = async (key: string): Promise<readonly number[]> => {
    const deadline = performance.now() + WAIT_FOR_DELIVERY_MS;
    while ((received.get(key)?.length ?? 0) < subscribers && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    return received.get(key) ?? [];
  };

  try {
    // A first mutation not measured: once every client has its update, every subscription is live.
    await waitForAll((await mutate()).key);
    const latencies: number[] = [];
    const sinceSent: number[] = [];
    let missing = 0;
    for (let index = 0; index < mutations; index += 1) {
      await new Promise((resolve) => setTimeout(resolve, 600));
      const sent = performance.now();
      const mutation = await mutate();
      const acknowledged = performance.now();
      const times = await waitForAll(mutation.key);
      for (const at of times) {
        latencies.push(Math.max(0, at - acknowledged));
        sinceSent.push(at - sent);
      }
      missing += Math.max(0, subscribers - times.length);
    }
    return { subscribers, mutations, latencies, sinceSent, missing };
  } finally {
    for (const dispose of disposers) dispose();
    await Promise.all(clients.map((client) => client.dispose()));
  }
};

/** Records a cooperation milestone on `agreementId` (a subnational token of one of its parties). */
export const milestoneMutation = (endpoint: string, token: string, agreementId: string, today: string) => async () => {
  const data = await graphql<{ recordCooperationMilestone: { position: string; agreement: { milestoneCount: number } | null } }>(
    endpoint,
    `mutation Bench($commandId: ID!, $agreementId: ID!, $input: RecordCooperationMilestoneInput!) {
      recordCooperationMilestone(commandId: $commandId, agreementId: $agreementId, input: $input) { position agreement { milestoneCount } }
    }`,
    { commandId: randomUUID(), agreementId, input: { milestoneId: `bench-${randomUUID()}`, kind: 'VISIT', occurredOn: today, description: 'Visita de seguimiento (benchmark)' } },
    token,
  );
  return data.recordCooperationMilestone;
};
