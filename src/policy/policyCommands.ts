import type { PolicyVersion } from './policyTypes';

/** Publishes the next version; its number is the decider's to assign, so the caller omits it. */
export interface PublishPolicyVersion {
  readonly type: 'PublishPolicyVersion';
  readonly data: Omit<PolicyVersion, 'version'>;
}

export type PolicyCommand = PublishPolicyVersion;
export type PolicyCommandType = PolicyCommand['type'];
