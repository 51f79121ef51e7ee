import type { RegistryContext } from '../context';

/** Close code for "too slow": in the private range, next to graphql-ws' own 44xx codes. */
export const TOO_SLOW_CLOSE_CODE = 4429;

/**
 * graphql-ws waits for each message to be handed to the network before asking for the next one,
 * so a client that stops reading holds the server to one message in flight plus one page read from
 * the store: memory stays bounded. What remains is to let go of such a client: when a delivery is
 * not taken within the stall limit, the connection is closed with a reason, and the client
 * reconnects and resumes from the last cursor it received.
 */
export const stallWatchdog = (context: RegistryContext) => {
  let timer: NodeJS.Timeout | undefined;
  return {
    /** Call before handing an event over. */
    arm: () => {
      const socket = context.socket;
      if (!socket) return;
      timer = setTimeout(
        () => socket.close(TOO_SLOW_CLOSE_CODE, 'Too slow to keep up: reconnect and resume from the last cursor received.'),
        context.services.subscriberStallLimitMs,
      );
      timer.unref();
    },
    /** Call once the event was taken (or the subscription ends). */
    disarm: () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
};
