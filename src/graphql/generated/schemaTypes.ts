/*
 * GENERATED from schema/*.graphql by scripts/generateSchemaTypes.ts: do not edit.
 * Regenerate after changing the SDL with `npm run codegen`; a unit test fails while this file is stale.
 */

import type { AgreementKind } from '../../agreements/agreementTypes';
import type { AgreementStatus } from '../../../projections/agreements';
import type { CounterpartKind } from '../../agreements/agreementTypes';
import type { PrivateSector } from '../../agreements/agreementTypes';
import type { OpinionOutcome } from '../../agreements/agreementTypes';
import type { ApprovalBody } from '../../agreements/agreementTypes';
import type { ForceMode } from '../../agreements/agreementTypes';
import type { MilestoneKind } from '../../agreements/agreementTypes';
import type { TerminationCause } from '../../agreements/agreementTypes';
import type { RenewalMode } from '../../agreements/agreementTypes';
import type { Severity } from '../../audit/types';
import type { AuditRuleCode as AuditRule } from '../../audit/types';
import type { ProgressLevel } from '../../entities/entityProfileTypes';
import type { StrategyObjectiveId as StrategyObjective } from '../../policy/policyTypes';
import type { PartyLevel } from '../resolvers/enums';
import type { SignatorySide } from '../resolvers/enums';
import type { AgreementSortField } from '../../queries/agreementQueries';
import type { AgreementEventType } from '../../agreements/agreementEvents';
import type { EndDateSource } from '../../../projections/agreements';
import type { VisibilityScope } from '../resolvers/readEnums';
import type { ChainBreakReason } from '../../eventSourcing/hashChain';
import type { LegalDate } from '../../shared/time';
import type { Instant } from '../../shared/time';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { AgreementView, PartyView, CounterpartView, SignatureView } from '../../../projections/agreements';
import type { VisibleHistoryEntry } from '../visibility';
import type { FindingParent } from '../resolvers/audit';
import type { CounterpartEntry } from '../../../projections/counterparts';
import type { CountryParent } from '../resolvers/counterparts';
import type { EntityParent } from '../parents';
import type { MembershipView } from '../../../projections/entities';
import type { PolicyVersionRecord } from '../../../projections/policy';
import type { PolicyRegion as PolicyRegionRecord } from '../../policy/policyTypes';
import type { PastRegistry } from '../readModels';
import type { InForceParent } from '../resolvers/statistics';
import type { DeliveredEvent } from '../live/registryEventStream';
import type { TimelineEntry as TimelineEntryRecord } from '../../../projections/timeline';
import type { AgreementPayload } from '../resolvers/mutationsAgreements';
import type { EntityProfilePayload } from '../resolvers/mutationsEntities';
import type { PolicyPayload } from '../resolvers/mutationsPolicy';
import type { ChainScan, ChainBreak as ChainBreakRecord } from '../../eventSourcing/hashChain';
import type { RegistryContext } from '../context';
export type Maybe<T> = T | null | undefined;
export type InputMaybe<T> = T | null;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
export type EnumResolverSignature<T, AllowedValues = any> = { [key in keyof T]?: AllowedValues };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * A calendar date, written YYYY-MM-DD, in Mexico City (America/Mexico_City): when a fact happened
   * (valid time), e.g. the date an agreement was signed.
   */
  Date: { input: LegalDate; output: LegalDate; }
  /**
   * An instant in UTC, ISO 8601 (e.g. 2025-06-15T18:00:00.000Z): when the registry recorded a fact
   * (recorded time).
   */
  DateTime: { input: Instant; output: Instant; }
  /** Any JSON value: the data of a recorded event, exactly as it was recorded. */
  JSON: { input: never; output: unknown; }
  /**
   * A position in the registry's event log, as a decimal string. Mutations return the position of what
   * they wrote: pass it as `consistentWith` to a query to read your own writes, or as a subscription
   * cursor to resume after it.
   */
  Position: { input: bigint; output: bigint; }
};

/** A work plan (WorkPlanAdopted, Programa Operativo Anual). */
export type AdoptWorkPlanInput = {
  /** When it was adopted. */
  readonly adoptedOn: Scalars['Date']['input'];
  /** Period it covers, e.g. 2025 or 2025-2026. */
  readonly period: Scalars['String']['input'];
  /** What it plans. */
  readonly summary: Scalars['String']['input'];
};

/**
 * An international agreement of a Mexican state or municipality, as its recorded facts make it: an
 * acuerdo interinstitucional (LCT art. 2 fr. II), a hermanamiento (twinning), a memorándum de
 * entendimiento or a carta de intención. Every field is derived from immutable events; corrections
 * are applied.
 *
 * Visibility: without a token only published agreements (inscribed in the SRE's Registro) are found,
 * and fields marked "restricted" show their public form. A subnational user sees everything about
 * agreements where one of its entities is a party, and the public form of the others. Parliament,
 * SRE legal staff and administrators see everything.
 */
export type Agreement = Node & {
  readonly __typename?: 'Agreement';
  /** The agreement's own id (a UUID), as commands and events name it. */
  readonly agreementId: Scalars['ID']['output'];
  /** Number of amendments (modificaciones). */
  readonly amendmentCount: Scalars['Int']['output'];
  /** Approvals before signature by a cabildo (municipal council) or a congreso local (state congress). */
  readonly approvals: ReadonlyArray<Approval>;
  /** The agreement as the registry knew it at an instant (recorded time); null if it did not know it yet. */
  readonly asOf?: Maybe<Agreement>;
  /** Number of corrections of earlier facts (each a new event with a reason, never an edit). */
  readonly correctionCount: Scalars['Int']['output'];
  /** The foreign counterparts (contrapartes), in the order they were named. */
  readonly counterparts: ReadonlyArray<AgreementCounterpart>;
  /** When the registry recorded the agreement's first event (recorded time). */
  readonly createdRecordedAt: Scalars['DateTime']['output'];
  /** What changed in the agreement between what the registry knew at two instants, field by field. */
  readonly diff: ReadonlyArray<FieldChange>;
  /** Where `endsOn` comes from: the stated term, a duration, or a renewal. */
  readonly endDateSource?: Maybe<EndDateSource>;
  /** Last day of the term (fecha de término), if it has one; see `endDateSource`. */
  readonly endsOn?: Maybe<Scalars['Date']['output']>;
  /** Day it entered into force. */
  readonly enteredIntoForceOn?: Maybe<Scalars['Date']['output']>;
  /** Restricted: the agreement's audit findings on the day judged (in a past view, as the audit stood at its instant); null without full access to the agreement. */
  readonly findings?: Maybe<ReadonlyArray<AuditFinding>>;
  /** Restricted: how many findings (same rules as `findings`). */
  readonly findingsCount?: Maybe<Scalars['Int']['output']>;
  /** First submission to the SRE. */
  readonly firstSubmittedOn?: Maybe<Scalars['Date']['output']>;
  /** The latest entry into force (entrada en vigor) or provisional application (aplicación provisional) fact. */
  readonly force?: Maybe<Force>;
  /** First day it applied, provisionally or in force. */
  readonly forceStartedOn?: Maybe<Scalars['Date']['output']>;
  /**
   * Every recorded event of the agreement, oldest first (for a past view, those recorded up to its
   * instant). Restricted: without full access the actor is shown by role only, and SRE observations
   * are removed from the data.
   */
  readonly history: ReadonlyArray<HistoryEvent>;
  /** Global id (opaque): pass it to `node(id:)`. */
  readonly id: Scalars['ID']['output'];
  /** Whether it applied (in force or provisionally) on the given day. */
  readonly inForceOn: Scalars['Boolean']['output'];
  /** Checks the hash chain of this agreement's stream (every event recorded so far). */
  readonly integrity: IntegrityReport;
  /** Kind of agreement (hermanamiento, acuerdo interinstitucional, memorándum, carta de intención...). */
  readonly kind: AgreementKind;
  /**
   * The instant this view stands at when it is a past view (from `asOf` or `registryAsOf`); null
   * for the current view.
   */
  readonly knownAt?: Maybe<Scalars['DateTime']['output']>;
  /** Languages of the text. */
  readonly languages: ReadonlyArray<Language>;
  /** Position in the log of the agreement's last event. */
  readonly lastEventPosition: Scalars['Position']['output'];
  /** The milestone with the latest date. */
  readonly lastMilestone?: Maybe<MilestoneRef>;
  /** When the registry recorded the agreement's last event (recorded time). */
  readonly lastRecordedAt: Scalars['DateTime']['output'];
  /** The latest renewal or extension. */
  readonly lastRenewal?: Maybe<Renewal>;
  /** Latest submission to the SRE. */
  readonly lastSubmittedOn?: Maybe<Scalars['Date']['output']>;
  /** Number of cooperation milestones (hitos de cooperación) recorded. */
  readonly milestoneCount: Scalars['Int']['output'];
  /**
   * Cooperation milestones (hitos de cooperación: visits, exchanges, projects, training, technical
   * assistance, reports), by date, as corrected.
   */
  readonly milestones: ReadonlyArray<Milestone>;
  /** Objectives stated when the file was opened. */
  readonly objectives: ReadonlyArray<Scalars['String']['output']>;
  /** Day the file was opened (apertura del expediente). */
  readonly openedOn: Scalars['Date']['output'];
  /** Opinions of the SRE (dictámenes de procedencia, LCT art. 7), in the order recorded. */
  readonly opinions: ReadonlyArray<Opinion>;
  /** The Mexican parties: states (entidades federativas) and municipalities (municipios, alcaldías) that sign, with the signing agency (dependencia). */
  readonly parties: ReadonlyArray<Party>;
  /** Day provisional application began. */
  readonly provisionalApplicationOn?: Maybe<Scalars['Date']['output']>;
  /** Whether it is published: inscribed in the SRE's Registro. Only published agreements are visible without a token. */
  readonly published: Scalars['Boolean']['output'];
  /** Inscription in the SRE's Registro (registry number and date); null while not registered. */
  readonly registration?: Maybe<Registration>;
  /** Number of renewals and extensions (renovaciones y prórrogas). */
  readonly renewalCount: Scalars['Int']['output'];
  /** Number of revisions of the text after SRE observations. */
  readonly revisionCount: Scalars['Int']['output'];
  /** Sustainable Development Goals (Objetivos de Desarrollo Sostenible) the agreement contributes to. */
  readonly sdgs: ReadonlyArray<Sdg>;
  /** The signature (firma): date, place, signatories, languages; null while unsigned. */
  readonly signature?: Maybe<Signature>;
  /** Day the signed copy (ejemplar firmado) was filed with the registry. */
  readonly signedCopyFiledOn?: Maybe<Scalars['Date']['output']>;
  /**
   * Status derived from the facts on a day: by default today in Mexico City (or, for a past view
   * from `asOf` or `registryAsOf`, the day of that instant).
   */
  readonly status: AgreementStatus;
  /** Every submission of the text to the SRE for its opinion (envío a la SRE), in the order recorded. */
  readonly submissions: ReadonlyArray<Scalars['Date']['output']>;
  /** Every suspension (suspensión), in the order recorded; one without `resumedOn` is current. */
  readonly suspensions: ReadonlyArray<Suspension>;
  /** Termination (terminación: denuncia, mutuo consentimiento...); null unless terminated. */
  readonly termination?: Maybe<Termination>;
  /** Cooperation themes (controlled vocabulary). */
  readonly themes: ReadonlyArray<Theme>;
  /** Title as recorded (usually in Spanish). */
  readonly title: Scalars['String']['output'];
  /** Term as stated in the text (vigencia). */
  readonly validity: Validity;
  /** Number of annual work plans (Programas Operativos Anuales) adopted. */
  readonly workPlanCount: Scalars['Int']['output'];
};


/**
 * An international agreement of a Mexican state or municipality, as its recorded facts make it: an
 * acuerdo interinstitucional (LCT art. 2 fr. II), a hermanamiento (twinning), a memorándum de
 * entendimiento or a carta de intención. Every field is derived from immutable events; corrections
 * are applied.
 *
 * Visibility: without a token only published agreements (inscribed in the SRE's Registro) are found,
 * and fields marked "restricted" show their public form. A subnational user sees everything about
 * agreements where one of its entities is a party, and the public form of the others. Parliament,
 * SRE legal staff and administrators see everything.
 */
export type AgreementAsOfArgs = {
  instant: Scalars['DateTime']['input'];
};


/**
 * An international agreement of a Mexican state or municipality, as its recorded facts make it: an
 * acuerdo interinstitucional (LCT art. 2 fr. II), a hermanamiento (twinning), a memorándum de
 * entendimiento or a carta de intención. Every field is derived from immutable events; corrections
 * are applied.
 *
 * Visibility: without a token only published agreements (inscribed in the SRE's Registro) are found,
 * and fields marked "restricted" show their public form. A subnational user sees everything about
 * agreements where one of its entities is a party, and the public form of the others. Parliament,
 * SRE legal staff and administrators see everything.
 */
export type AgreementDiffArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


/**
 * An international agreement of a Mexican state or municipality, as its recorded facts make it: an
 * acuerdo interinstitucional (LCT art. 2 fr. II), a hermanamiento (twinning), a memorándum de
 * entendimiento or a carta de intención. Every field is derived from immutable events; corrections
 * are applied.
 *
 * Visibility: without a token only published agreements (inscribed in the SRE's Registro) are found,
 * and fields marked "restricted" show their public form. A subnational user sees everything about
 * agreements where one of its entities is a party, and the public form of the others. Parliament,
 * SRE legal staff and administrators see everything.
 */
export type AgreementFindingsArgs = {
  open?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * An international agreement of a Mexican state or municipality, as its recorded facts make it: an
 * acuerdo interinstitucional (LCT art. 2 fr. II), a hermanamiento (twinning), a memorándum de
 * entendimiento or a carta de intención. Every field is derived from immutable events; corrections
 * are applied.
 *
 * Visibility: without a token only published agreements (inscribed in the SRE's Registro) are found,
 * and fields marked "restricted" show their public form. A subnational user sees everything about
 * agreements where one of its entities is a party, and the public form of the others. Parliament,
 * SRE legal staff and administrators see everything.
 */
export type AgreementFindingsCountArgs = {
  open?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * An international agreement of a Mexican state or municipality, as its recorded facts make it: an
 * acuerdo interinstitucional (LCT art. 2 fr. II), a hermanamiento (twinning), a memorándum de
 * entendimiento or a carta de intención. Every field is derived from immutable events; corrections
 * are applied.
 *
 * Visibility: without a token only published agreements (inscribed in the SRE's Registro) are found,
 * and fields marked "restricted" show their public form. A subnational user sees everything about
 * agreements where one of its entities is a party, and the public form of the others. Parliament,
 * SRE legal staff and administrators see everything.
 */
export type AgreementInForceOnArgs = {
  date: Scalars['Date']['input'];
};


/**
 * An international agreement of a Mexican state or municipality, as its recorded facts make it: an
 * acuerdo interinstitucional (LCT art. 2 fr. II), a hermanamiento (twinning), a memorándum de
 * entendimiento or a carta de intención. Every field is derived from immutable events; corrections
 * are applied.
 *
 * Visibility: without a token only published agreements (inscribed in the SRE's Registro) are found,
 * and fields marked "restricted" show their public form. A subnational user sees everything about
 * agreements where one of its entities is a party, and the public form of the others. Parliament,
 * SRE legal staff and administrators see everything.
 */
export type AgreementStatusArgs = {
  on?: InputMaybe<Scalars['Date']['input']>;
};

/** What an agreement command did. */
export type AgreementCommandPayload = {
  readonly __typename?: 'AgreementCommandPayload';
  /**
   * The agreement as the read model shows it once it has applied this command (read-your-writes).
   * Null when the read model did not catch up in time, or when the caller may not see it.
   */
  readonly agreement?: Maybe<Agreement>;
  /** UUID of the agreement the command was for. */
  readonly agreementId: Scalars['ID']['output'];
  /** The events the command wrote (for a retry, the ones it originally wrote). */
  readonly events: ReadonlyArray<WrittenEvent>;
  /** Position of the last event written (or, for a retry, originally written): pass it as `consistentWith` to queries or as a subscription cursor. */
  readonly position?: Maybe<Scalars['Position']['output']>;
  /** True when this `commandId` had been handled before: nothing was written this time and the original outcome is answered. */
  readonly replayed: Scalars['Boolean']['output'];
  /** The agreement stream's revision after the command (for a retry, its current revision), as a decimal: pass it as the next `expectedRevision`. */
  readonly revision: Scalars['String']['output'];
};

/** A page of agreements (Relay cursor connection). */
export type AgreementConnection = {
  readonly __typename?: 'AgreementConnection';
  /** The agreements of this page, each with its cursor. */
  readonly edges: ReadonlyArray<AgreementEdge>;
  /** Where this page sits in the whole list. */
  readonly pageInfo: PageInfo;
  /** How many agreements match in all (every page). */
  readonly totalCount: Scalars['Int']['output'];
};

/** A foreign counterpart (contraparte) as named in one agreement. */
export type AgreementCounterpart = {
  readonly __typename?: 'AgreementCounterpart';
  /** The body across every agreement naming it; in a past view (registryAsOf, asOf), as the registry stood at that instant. */
  readonly counterpart?: Maybe<Counterpart>;
  /** Its country (ISO 3166-1), with the Spanish name; null for international organisations. */
  readonly country?: Maybe<Country>;
  /** For an international organisation: its IATI organisation id, when recorded. */
  readonly iatiId?: Maybe<Scalars['String']['output']>;
  /** The registry-wide key of the body (kind, place and case-folded name). */
  readonly key: Scalars['String']['output'];
  /** Kind of body: foreign national, subnational or local government, international organisation, or private. */
  readonly kind: CounterpartKind;
  /** Name as recorded. */
  readonly name: Scalars['String']['output'];
  /** For an international organisation in the shipped catalogue: the organisation. */
  readonly organisation?: Maybe<Organisation>;
  /** For an international organisation: its id in the shipped catalogue, when it has one. */
  readonly organisationId?: Maybe<Scalars['String']['output']>;
  /** For a foreign city or local government: the ISO 3166-2 subdivision it lies in, when recorded. */
  readonly parentSubdivision?: Maybe<Subdivision>;
  /** For a private counterpart (which makes the document a private contract, not an acuerdo interinstitucional): its sector. */
  readonly sector?: Maybe<PrivateSector>;
  /** For a foreign region, province or state: its ISO 3166-2 subdivision. */
  readonly subdivision?: Maybe<Subdivision>;
  /** For an international organisation: its Wikidata QID, when recorded. */
  readonly wikidataId?: Maybe<Scalars['String']['output']>;
};

/** One agreement in a page, with its cursor. */
export type AgreementEdge = {
  readonly __typename?: 'AgreementEdge';
  /** Opaque cursor: pass it as `after` or `before`. */
  readonly cursor: Scalars['String']['output'];
  /** The agreement. */
  readonly node: Agreement;
};

export { AgreementEventType };

/**
 * Criteria for agreements. Every given criterion must hold (AND); inside one list any value may
 * match (OR); an absent or empty list does not constrain.
 */
export type AgreementFilter = {
  /** ISO 3166-1 codes of counterpart countries. */
  readonly countries?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** In force or provisionally applied on at least one day of this range. */
  readonly inForceBetween?: InputMaybe<DateRange>;
  /** Kinds of agreement. */
  readonly kinds?: InputMaybe<ReadonlyArray<AgreementKind>>;
  /** INEGI municipality codes (CVEGEO). */
  readonly municipalities?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** Priority region ids of the federal policy in force on the day judged (e.g. alianza-del-pacifico, eu, celac, north-america): agreements with a counterpart in a member country. */
  readonly regions?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** SDG numbers (1–17). */
  readonly sdgs?: InputMaybe<ReadonlyArray<Scalars['Int']['input']>>;
  /** Signed within this range (both ends inclusive). */
  readonly signedBetween?: InputMaybe<DateRange>;
  /** INEGI state codes (CVE_ENT); a state matches its own agreements and its municipalities'. */
  readonly states?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** Status on the day judged (today, or a past view's day). */
  readonly statuses?: InputMaybe<ReadonlyArray<AgreementStatus>>;
  /** Words of the title, any case, with or without accents; each must start a word of the title. */
  readonly text?: InputMaybe<Scalars['String']['input']>;
  /** Theme codes. */
  readonly themes?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
};

export { AgreementKind };

/** Order of agreements. */
export type AgreementSort = {
  /** Direction; agreements without the value (unsigned, unregistered) come last either way. Ties go by id. */
  readonly direction?: InputMaybe<SortDirection>;
  /** Field to sort by. */
  readonly field: AgreementSortField;
};

export { AgreementSortField };

export { AgreementStatus };

/** An amendment (AgreementAmended). */
export type AmendAgreementInput = {
  /** When it was amended. */
  readonly amendedOn: Scalars['Date']['input'];
  /** What changed. */
  readonly summary: Scalars['String']['input'];
};

/** Approval before signature by a cabildo (municipal council) or a congreso local (state congress). */
export type Approval = {
  readonly __typename?: 'Approval';
  /** Day of the approval. */
  readonly approvedOn: Scalars['Date']['output'];
  /** Which body approved. */
  readonly body: ApprovalBody;
  /** INEGI code of the entity whose body approved. */
  readonly entityCode: Scalars['String']['output'];
  /** Reference of the act (acta de cabildo, decreto...). */
  readonly reference: Scalars['String']['output'];
};

export { ApprovalBody };

/**
 * An audit finding (hallazgo): an agreement's recorded facts contradict the law (LCT, Constitution
 * art. 117), the federal policy in force when it was signed, or look wrong. Computed from the facts
 * on a day, never stored: deadlines pass without any event.
 */
export type AuditFinding = Node & {
  readonly __typename?: 'AuditFinding';
  /** The agreement it is about (null if the caller may not see it). */
  readonly agreement?: Maybe<Agreement>;
  /** Id of the agreement it is about. */
  readonly agreementId: Scalars['ID']['output'];
  /** Ids of the events it rests on, corrections included. */
  readonly evidence: ReadonlyArray<Scalars['String']['output']>;
  /** Explanation in Spanish and English. */
  readonly explanation: LocalisedText;
  /** Stable id: agreementId:RULE_CODE[:occurrence]. */
  readonly findingId: Scalars['String']['output'];
  /** True when the rule infers the problem from signals (a lawyer should review), rather than reading it off the facts. */
  readonly heuristic: Scalars['Boolean']['output'];
  /** Global id (opaque). */
  readonly id: Scalars['ID']['output'];
  /** Whether it still holds on the day judged. */
  readonly open: Scalars['Boolean']['output'];
  /** The policy version judged against (in force on the signature date, or the opening date while unsigned). */
  readonly policyVersion?: Maybe<Scalars['Int']['output']>;
  /** When the registry could first have raised it (recorded time of the latest evidence); null when the calendar raised it. */
  readonly raisedAt?: Maybe<Scalars['DateTime']['output']>;
  /** First day the condition held. */
  readonly raisedOn: Scalars['Date']['output'];
  /** Other agreements involved (earlier twinnings a duplicate repeats), those the caller may see. */
  readonly relatedAgreements: ReadonlyArray<Agreement>;
  /** When the resolving event was recorded; null when open or resolved by time passing. */
  readonly resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Ids of the events that resolved it. */
  readonly resolvedBy: ReadonlyArray<Scalars['String']['output']>;
  /** First day the condition no longer held; null while open. */
  readonly resolvedOn?: Maybe<Scalars['Date']['output']>;
  /** The rule that raised it. */
  readonly rule: AuditRule;
  /** The rule, described. */
  readonly ruleDescription: AuditRuleDescription;
  /** Legal breach, policy misalignment or data quality. */
  readonly severity: Severity;
};

/** A page of audit findings (Relay cursor connection), most recently raised first. */
export type AuditFindingConnection = {
  readonly __typename?: 'AuditFindingConnection';
  /** The findings of this page. */
  readonly edges: ReadonlyArray<AuditFindingEdge>;
  /** Where this page sits in the whole list. */
  readonly pageInfo: PageInfo;
  /** How many findings match in all. */
  readonly totalCount: Scalars['Int']['output'];
};

/** One finding in a page, with its cursor. */
export type AuditFindingEdge = {
  readonly __typename?: 'AuditFindingEdge';
  /** Opaque cursor. */
  readonly cursor: Scalars['String']['output'];
  /** The finding. */
  readonly node: AuditFinding;
};

/** Criteria for audit findings (AND across criteria, OR inside a list). */
export type AuditFindingFilter = {
  /** Agreement ids (UUIDs or global ids). */
  readonly agreements?: InputMaybe<ReadonlyArray<Scalars['ID']['input']>>;
  /** True: only open findings; false: only resolved ones; absent: both. */
  readonly open?: InputMaybe<Scalars['Boolean']['input']>;
  /** Rules. */
  readonly rules?: InputMaybe<ReadonlyArray<AuditRule>>;
  /** Severities. */
  readonly severities?: InputMaybe<ReadonlyArray<Severity>>;
  /** INEGI state codes: findings on agreements of the state or its municipalities. */
  readonly states?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
};

export { AuditRule };

/** An audit rule, independently of any agreement. */
export type AuditRuleDescription = {
  readonly __typename?: 'AuditRuleDescription';
  /** Legal or policy basis (LCT art. 7, Constitution art. 117...). */
  readonly basis: Scalars['String']['output'];
  /** Whether it infers from signals rather than reading facts. */
  readonly heuristic: Scalars['Boolean']['output'];
  /** Stable code. */
  readonly rule: AuditRule;
  /** Severity of its findings. */
  readonly severity: Severity;
  /** Whether the passage of time alone can raise or resolve it. */
  readonly timeDependent: Scalars['Boolean']['output'];
  /** Title in Spanish and English. */
  readonly title: LocalisedText;
};

/** Findings counted by rule and by severity. */
export type AuditSummary = {
  readonly __typename?: 'AuditSummary';
  /** The day findings are judged on. */
  readonly asOf: Scalars['Date']['output'];
  /** By rule, every rule listed. */
  readonly byRule: ReadonlyArray<RuleCount>;
  /** By severity, every severity listed. */
  readonly bySeverity: ReadonlyArray<SeverityCount>;
  /** Of which open. */
  readonly open: Scalars['Int']['output'];
  /** Of which resolved. */
  readonly resolved: Scalars['Int']['output'];
  /** Findings counted. */
  readonly total: Scalars['Int']['output'];
};

/** An event whose hash chain does not hold: altered, inserted or re-hashed after it was recorded, or a predecessor removed. */
export type ChainBreak = {
  readonly __typename?: 'ChainBreak';
  /** The event's id. */
  readonly eventId: Scalars['ID']['output'];
  /** Position of the event in the registry's log. */
  readonly position: Scalars['Position']['output'];
  /** What does not hold. */
  readonly reason: ChainBreakReason;
  /** Revision of the event in its stream (0, 1, 2...). */
  readonly revision: Scalars['String']['output'];
  /** The stream of the event, e.g. agreement-<uuid>. */
  readonly stream: Scalars['String']['output'];
};

export { ChainBreakReason };

/** An international network of cities and local governments (red de ciudades). */
export type CityNetwork = {
  readonly __typename?: 'CityNetwork';
  /** English acronym. */
  readonly acronymEn?: Maybe<Scalars['String']['output']>;
  /** Spanish acronym. */
  readonly acronymEs?: Maybe<Scalars['String']['output']>;
  /** Id of the organisation that runs it, when it is a programme of one. */
  readonly convenedBy?: Maybe<Scalars['String']['output']>;
  /** The registry's stable id. */
  readonly id: Scalars['String']['output'];
  /** English name. */
  readonly nameEn: Scalars['String']['output'];
  /** Spanish name. */
  readonly nameEs: Scalars['String']['output'];
};

/** A correction of an earlier fact (FactCorrected). */
export type CorrectFactInput = {
  /** The corrected data, given in full under the field of the corrected event's type. */
  readonly correctedData: CorrectedFactInput;
  /** Id of the event being corrected, from the agreement's history (or `eventId` of the payload that wrote it). */
  readonly correctedEventId: Scalars['ID']['input'];
  /** Why the fact is corrected (motivo de la corrección). */
  readonly reason: Scalars['String']['input'];
};

/**
 * The corrected data of a fact: exactly one field, named after the corrected event's type, holding
 * that fact's data in full, checked by the same rules as the original.
 */
export type CorrectedFactInput =
  /** Corrects an amendment (AgreementAmended). */
  { readonly agreementAmended: AmendAgreementInput; readonly agreementEnteredIntoForce?: never; readonly agreementOpened?: never; readonly agreementRegistered?: never; readonly agreementRenewed?: never; readonly agreementResumed?: never; readonly agreementSigned?: never; readonly agreementSuspended?: never; readonly agreementTerminated?: never; readonly approvalGranted?: never; readonly cooperationMilestoneRecorded?: never; readonly counterpartIdentified?: never; readonly signedCopyFiled?: never; readonly sreOpinionIssued?: never; readonly textRevised?: never; readonly textSubmittedToSre?: never; readonly workPlanAdopted?: never; }
  |  /** Corrects the entry into force (AgreementEnteredIntoForce). */
  { readonly agreementAmended?: never; readonly agreementEnteredIntoForce: EnterIntoForceInput; readonly agreementOpened?: never; readonly agreementRegistered?: never; readonly agreementRenewed?: never; readonly agreementResumed?: never; readonly agreementSigned?: never; readonly agreementSuspended?: never; readonly agreementTerminated?: never; readonly approvalGranted?: never; readonly cooperationMilestoneRecorded?: never; readonly counterpartIdentified?: never; readonly signedCopyFiled?: never; readonly sreOpinionIssued?: never; readonly textRevised?: never; readonly textSubmittedToSre?: never; readonly workPlanAdopted?: never; }
  |  /** Corrects the opening (AgreementOpened); the agreement id cannot change. */
  { readonly agreementAmended?: never; readonly agreementEnteredIntoForce?: never; readonly agreementOpened: OpenAgreementInput; readonly agreementRegistered?: never; readonly agreementRenewed?: never; readonly agreementResumed?: never; readonly agreementSigned?: never; readonly agreementSuspended?: never; readonly agreementTerminated?: never; readonly approvalGranted?: never; readonly cooperationMilestoneRecorded?: never; readonly counterpartIdentified?: never; readonly signedCopyFiled?: never; readonly sreOpinionIssued?: never; readonly textRevised?: never; readonly textSubmittedToSre?: never; readonly workPlanAdopted?: never; }
  |  /** Corrects the registration (AgreementRegistered). */
  { readonly agreementAmended?: never; readonly agreementEnteredIntoForce?: never; readonly agreementOpened?: never; readonly agreementRegistered: RegisterAgreementInput; readonly agreementRenewed?: never; readonly agreementResumed?: never; readonly agreementSigned?: never; readonly agreementSuspended?: never; readonly agreementTerminated?: never; readonly approvalGranted?: never; readonly cooperationMilestoneRecorded?: never; readonly counterpartIdentified?: never; readonly signedCopyFiled?: never; readonly sreOpinionIssued?: never; readonly textRevised?: never; readonly textSubmittedToSre?: never; readonly workPlanAdopted?: never; }
  |  /** Corrects a renewal or extension (AgreementRenewed). */
  { readonly agreementAmended?: never; readonly agreementEnteredIntoForce?: never; readonly agreementOpened?: never; readonly agreementRegistered?: never; readonly agreementRenewed: RenewAgreementInput; readonly agreementResumed?: never; readonly agreementSigned?: never; readonly agreementSuspended?: never; readonly agreementTerminated?: never; readonly approvalGranted?: never; readonly cooperationMilestoneRecorded?: never; readonly counterpartIdentified?: never; readonly signedCopyFiled?: never; readonly sreOpinionIssued?: never; readonly textRevised?: never; readonly textSubmittedToSre?: never; readonly workPlanAdopted?: never; }
  |  /** Corrects a resumption (AgreementResumed). */
  { readonly agreementAmended?: never; readonly agreementEnteredIntoForce?: never; readonly agreementOpened?: never; readonly agreementRegistered?: never; readonly agreementRenewed?: never; readonly agreementResumed: ResumeAgreementInput; readonly agreementSigned?: never; readonly agreementSuspended?: never; readonly agreementTerminated?: never; readonly approvalGranted?: never; readonly cooperationMilestoneRecorded?: never; readonly counterpartIdentified?: never; readonly signedCopyFiled?: never; readonly sreOpinionIssued?: never; readonly textRevised?: never; readonly textSubmittedToSre?: never; readonly workPlanAdopted?: never; }
  |  /** Corrects the signature (AgreementSigned). */
  { readonly agreementAmended?: never; readonly agreementEnteredIntoForce?: never; readonly agreementOpened?: never; readonly agreementRegistered?: never; readonly agreementRenewed?: never; readonly agreementResumed?: never; readonly agreementSigned: SignAgreementInput; readonly agreementSuspended?: never; readonly agreementTerminated?: never; readonly approvalGranted?: never; readonly cooperationMilestoneRecorded?: never; readonly counterpartIdentified?: never; readonly signedCopyFiled?: never; readonly sreOpinionIssued?: never; readonly textRevised?: never; readonly textSubmittedToSre?: never; readonly workPlanAdopted?: never; }
  |  /** Corrects a suspension (AgreementSuspended). */
  { readonly agreementAmended?: never; readonly agreementEnteredIntoForce?: never; readonly agreementOpened?: never; readonly agreementRegistered?: never; readonly agreementRenewed?: never; readonly agreementResumed?: never; readonly agreementSigned?: never; readonly agreementSuspended: SuspendAgreementInput; readonly agreementTerminated?: never; readonly approvalGranted?: never; readonly cooperationMilestoneRecorded?: never; readonly counterpartIdentified?: never; readonly signedCopyFiled?: never; readonly sreOpinionIssued?: never; readonly textRevised?: never; readonly textSubmittedToSre?: never; readonly workPlanAdopted?: never; }
  |  /** Corrects the termination (AgreementTerminated). */
  { readonly agreementAmended?: never; readonly agreementEnteredIntoForce?: never; readonly agreementOpened?: never; readonly agreementRegistered?: never; readonly agreementRenewed?: never; readonly agreementResumed?: never; readonly agreementSigned?: never; readonly agreementSuspended?: never; readonly agreementTerminated: TerminateAgreementInput; readonly approvalGranted?: never; readonly cooperationMilestoneRecorded?: never; readonly counterpartIdentified?: never; readonly signedCopyFiled?: never; readonly sreOpinionIssued?: never; readonly textRevised?: never; readonly textSubmittedToSre?: never; readonly workPlanAdopted?: never; }
  |  /** Corrects an approval (ApprovalGranted). */
  { readonly agreementAmended?: never; readonly agreementEnteredIntoForce?: never; readonly agreementOpened?: never; readonly agreementRegistered?: never; readonly agreementRenewed?: never; readonly agreementResumed?: never; readonly agreementSigned?: never; readonly agreementSuspended?: never; readonly agreementTerminated?: never; readonly approvalGranted: GrantApprovalInput; readonly cooperationMilestoneRecorded?: never; readonly counterpartIdentified?: never; readonly signedCopyFiled?: never; readonly sreOpinionIssued?: never; readonly textRevised?: never; readonly textSubmittedToSre?: never; readonly workPlanAdopted?: never; }
  |  /** Corrects a cooperation milestone (CooperationMilestoneRecorded). */
  { readonly agreementAmended?: never; readonly agreementEnteredIntoForce?: never; readonly agreementOpened?: never; readonly agreementRegistered?: never; readonly agreementRenewed?: never; readonly agreementResumed?: never; readonly agreementSigned?: never; readonly agreementSuspended?: never; readonly agreementTerminated?: never; readonly approvalGranted?: never; readonly cooperationMilestoneRecorded: RecordCooperationMilestoneInput; readonly counterpartIdentified?: never; readonly signedCopyFiled?: never; readonly sreOpinionIssued?: never; readonly textRevised?: never; readonly textSubmittedToSre?: never; readonly workPlanAdopted?: never; }
  |  /** Corrects an identified counterpart (CounterpartIdentified). */
  { readonly agreementAmended?: never; readonly agreementEnteredIntoForce?: never; readonly agreementOpened?: never; readonly agreementRegistered?: never; readonly agreementRenewed?: never; readonly agreementResumed?: never; readonly agreementSigned?: never; readonly agreementSuspended?: never; readonly agreementTerminated?: never; readonly approvalGranted?: never; readonly cooperationMilestoneRecorded?: never; readonly counterpartIdentified: IdentifyCounterpartInput; readonly signedCopyFiled?: never; readonly sreOpinionIssued?: never; readonly textRevised?: never; readonly textSubmittedToSre?: never; readonly workPlanAdopted?: never; }
  |  /** Corrects a filed copy (SignedCopyFiled). */
  { readonly agreementAmended?: never; readonly agreementEnteredIntoForce?: never; readonly agreementOpened?: never; readonly agreementRegistered?: never; readonly agreementRenewed?: never; readonly agreementResumed?: never; readonly agreementSigned?: never; readonly agreementSuspended?: never; readonly agreementTerminated?: never; readonly approvalGranted?: never; readonly cooperationMilestoneRecorded?: never; readonly counterpartIdentified?: never; readonly signedCopyFiled: FileSignedCopyInput; readonly sreOpinionIssued?: never; readonly textRevised?: never; readonly textSubmittedToSre?: never; readonly workPlanAdopted?: never; }
  |  /** Corrects an SRE opinion (SreOpinionIssued). */
  { readonly agreementAmended?: never; readonly agreementEnteredIntoForce?: never; readonly agreementOpened?: never; readonly agreementRegistered?: never; readonly agreementRenewed?: never; readonly agreementResumed?: never; readonly agreementSigned?: never; readonly agreementSuspended?: never; readonly agreementTerminated?: never; readonly approvalGranted?: never; readonly cooperationMilestoneRecorded?: never; readonly counterpartIdentified?: never; readonly signedCopyFiled?: never; readonly sreOpinionIssued: IssueSreOpinionInput; readonly textRevised?: never; readonly textSubmittedToSre?: never; readonly workPlanAdopted?: never; }
  |  /** Corrects a revision of the text (TextRevised). */
  { readonly agreementAmended?: never; readonly agreementEnteredIntoForce?: never; readonly agreementOpened?: never; readonly agreementRegistered?: never; readonly agreementRenewed?: never; readonly agreementResumed?: never; readonly agreementSigned?: never; readonly agreementSuspended?: never; readonly agreementTerminated?: never; readonly approvalGranted?: never; readonly cooperationMilestoneRecorded?: never; readonly counterpartIdentified?: never; readonly signedCopyFiled?: never; readonly sreOpinionIssued?: never; readonly textRevised: ReviseTextInput; readonly textSubmittedToSre?: never; readonly workPlanAdopted?: never; }
  |  /** Corrects a submission to the SRE (TextSubmittedToSre). */
  { readonly agreementAmended?: never; readonly agreementEnteredIntoForce?: never; readonly agreementOpened?: never; readonly agreementRegistered?: never; readonly agreementRenewed?: never; readonly agreementResumed?: never; readonly agreementSigned?: never; readonly agreementSuspended?: never; readonly agreementTerminated?: never; readonly approvalGranted?: never; readonly cooperationMilestoneRecorded?: never; readonly counterpartIdentified?: never; readonly signedCopyFiled?: never; readonly sreOpinionIssued?: never; readonly textRevised?: never; readonly textSubmittedToSre: SubmitTextToSreInput; readonly workPlanAdopted?: never; }
  |  /** Corrects a work plan (WorkPlanAdopted). */
  { readonly agreementAmended?: never; readonly agreementEnteredIntoForce?: never; readonly agreementOpened?: never; readonly agreementRegistered?: never; readonly agreementRenewed?: never; readonly agreementResumed?: never; readonly agreementSigned?: never; readonly agreementSuspended?: never; readonly agreementTerminated?: never; readonly approvalGranted?: never; readonly cooperationMilestoneRecorded?: never; readonly counterpartIdentified?: never; readonly signedCopyFiled?: never; readonly sreOpinionIssued?: never; readonly textRevised?: never; readonly textSubmittedToSre?: never; readonly workPlanAdopted: AdoptWorkPlanInput; };

/** A count under one key of a breakdown. */
export type Count = {
  readonly __typename?: 'Count';
  /** How many agreements fall under the key. */
  readonly count: Scalars['Int']['output'];
  /** The key: an INEGI state code, a region id, a country code, a theme code or a year, as the breakdown says. */
  readonly key: Scalars['String']['output'];
  /** Spanish label of the key (state, region or country name, theme label), when one is known. */
  readonly label?: Maybe<Scalars['String']['output']>;
};

/**
 * A foreign body (contraparte) across every agreement naming it: a government, an international
 * organisation, or a private body. Counts cover the agreements the caller may see.
 */
export type Counterpart = Node & {
  readonly __typename?: 'Counterpart';
  /** Agreements naming it. */
  readonly agreementCount: Scalars['Int']['output'];
  /** The agreements naming it, by id (at most 100 a page). */
  readonly agreements: AgreementConnection;
  /** Its country, when it has one. */
  readonly country?: Maybe<Country>;
  /** Global id (opaque). */
  readonly id: Scalars['ID']['output'];
  /** Registry-wide key: kind, place and case-folded name. */
  readonly key: Scalars['String']['output'];
  /** Kind of body. */
  readonly kind: CounterpartKind;
  /** Name as first recorded. */
  readonly name: Scalars['String']['output'];
  /** For an international organisation in the shipped catalogue: the organisation. */
  readonly organisation?: Maybe<Organisation>;
  /** ISO 3166-2 subdivision: the body itself (a foreign region or state), or a local government's parent subdivision. */
  readonly subdivision?: Maybe<Subdivision>;
};


/**
 * A foreign body (contraparte) across every agreement naming it: a government, an international
 * organisation, or a private body. Counts cover the agreements the caller may see.
 */
export type CounterpartAgreementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of counterparts (Relay cursor connection), by name. */
export type CounterpartConnection = {
  readonly __typename?: 'CounterpartConnection';
  /** The counterparts of this page. */
  readonly edges: ReadonlyArray<CounterpartEdge>;
  /** Where this page sits in the whole list. */
  readonly pageInfo: PageInfo;
  /** How many counterparts match in all. */
  readonly totalCount: Scalars['Int']['output'];
};

/** A foreign country as a destination of subnational cooperation: its counterparts and agreements. */
export type CounterpartCountry = Node & {
  readonly __typename?: 'CounterpartCountry';
  /** Agreements with a counterpart in the country. */
  readonly agreementCount: Scalars['Int']['output'];
  /** The agreements, by id (at most 100 a page). */
  readonly agreements: AgreementConnection;
  /** Mexican parties (states and municipalities) with agreements with the country, labelled with their catalogue names. */
  readonly byParty: ReadonlyArray<Count>;
  /** Mexican states with agreements with the country (a municipality counts for its state). */
  readonly byState: ReadonlyArray<Count>;
  /** Counterparts in the country. */
  readonly counterpartCount: Scalars['Int']['output'];
  /** The counterparts, by key. */
  readonly counterparts: ReadonlyArray<Counterpart>;
  /** The country. */
  readonly country: Country;
  /** Global id (opaque). */
  readonly id: Scalars['ID']['output'];
};


/** A foreign country as a destination of subnational cooperation: its counterparts and agreements. */
export type CounterpartCountryAgreementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** One counterpart in a page, with its cursor. */
export type CounterpartEdge = {
  readonly __typename?: 'CounterpartEdge';
  /** Opaque cursor. */
  readonly cursor: Scalars['String']['output'];
  /** The counterpart. */
  readonly node: Counterpart;
};

/** Criteria for counterparts (AND across criteria, OR inside a list). */
export type CounterpartFilter = {
  /** ISO 3166-1 codes. */
  readonly countries?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** Kinds of body. */
  readonly kinds?: InputMaybe<ReadonlyArray<CounterpartKind>>;
  /** INEGI code of a Mexican party: counterparts of its agreements (a state matches its municipalities). */
  readonly partyCode?: InputMaybe<Scalars['String']['input']>;
  /** Words of the name, case and accents ignored; each must start a word of the name. */
  readonly text?: InputMaybe<Scalars['String']['input']>;
};

/**
 * A foreign counterpart. GraphQL has no union inputs: give `kind` and the fields of that kind only,
 * and the registry refuses any other field. National government: name, country. Subnational
 * government: name, country, subdivision. Local government: name, country, optional
 * parentSubdivision. International organisation: name, optional organisationId, wikidataId, iatiId.
 * Private body: name, sector, optional country (a private counterpart makes the document a private
 * contract, not an acuerdo interinstitucional, and is refused for those kinds).
 */
export type CounterpartInput = {
  /** ISO 3166-1 alpha-2 country (not MX): governments and, optionally, private bodies. */
  readonly country?: InputMaybe<Scalars['String']['input']>;
  /** IATI organisation identifier of an international organisation. */
  readonly iatiId?: InputMaybe<Scalars['String']['input']>;
  /** Kind of counterpart: decides which other fields apply. */
  readonly kind: CounterpartKind;
  /** Name of the body, government or organisation. */
  readonly name: Scalars['String']['input'];
  /** Id in the registry's catalogue of international organisations, e.g. un-habitat. */
  readonly organisationId?: InputMaybe<Scalars['String']['input']>;
  /** ISO 3166-2 code of the region a foreign city belongs to: foreign local governments, optional. */
  readonly parentSubdivision?: InputMaybe<Scalars['String']['input']>;
  /** Sector of a private counterpart. */
  readonly sector?: InputMaybe<PrivateSector>;
  /** ISO 3166-2 code of the region, province or state: foreign subnational governments. */
  readonly subdivision?: InputMaybe<Scalars['String']['input']>;
  /** Wikidata item id of an international organisation, e.g. Q1065. */
  readonly wikidataId?: InputMaybe<Scalars['String']['input']>;
};

export { CounterpartKind };

/** A country (ISO 3166-1). */
export type Country = {
  readonly __typename?: 'Country';
  /** Alpha-3 code, e.g. USA. */
  readonly alpha3: Scalars['String']['output'];
  /** Alpha-2 code, e.g. US. */
  readonly code: Scalars['String']['output'];
  /** ISO's own English name: the name to cite. */
  readonly isoName: Scalars['String']['output'];
  /** English short name. */
  readonly nameEn: Scalars['String']['output'];
  /** Spanish short name, as the registry shows it (e.g. Estados Unidos). */
  readonly nameEs: Scalars['String']['output'];
  /** Numeric code, e.g. 840. */
  readonly numeric: Scalars['String']['output'];
};

/** A currency (ISO 4217). */
export type Currency = {
  readonly __typename?: 'Currency';
  /** Alphabetic code, e.g. MXN. */
  readonly code: Scalars['String']['output'];
  /** Decimal places of the minor unit. */
  readonly minorUnits: Scalars['Int']['output'];
  /** ISO's English name. */
  readonly nameEn: Scalars['String']['output'];
  /** Spanish name from Unicode CLDR, when known. */
  readonly nameEs?: Maybe<Scalars['String']['output']>;
  /** Numeric code. */
  readonly numeric: Scalars['String']['output'];
};

/** A range of days, both ends inclusive; either end may be left open. */
export type DateRange = {
  /** First day of the range. */
  readonly from?: InputMaybe<Scalars['Date']['input']>;
  /** Last day of the range. */
  readonly to?: InputMaybe<Scalars['Date']['input']>;
};

export { EndDateSource };

/** Entry into force or provisional application (AgreementEnteredIntoForce). */
export type EnterIntoForceInput = {
  /** From when. */
  readonly effectiveOn: Scalars['Date']['input'];
  /** In force (en vigor) or applied provisionally (aplicación provisional). */
  readonly mode: ForceMode;
};

/**
 * A Mexican state (entidad federativa) or municipality (municipio, alcaldía) as an international
 * actor. Portfolio counts cover the agreements the caller may see. Restricted: the strategy
 * objectives and network memberships (the entity's profile) are shown to Parliament, SRE legal staff,
 * administrators and the entity's own users; null for everyone else.
 */
export type Entity = Node & {
  readonly __typename?: 'Entity';
  /** Agreements counted (for a state, its municipalities' too). */
  readonly agreementCount: Scalars['Int']['output'];
  /** Its agreements (for a state, its municipalities' too), with the same filters, sort and pagination as `Query.agreements`. */
  readonly agreements: AgreementConnection;
  /** By kind, every kind listed. */
  readonly byKind: ReadonlyArray<KindCount>;
  /** By priority region of the policy in force today. */
  readonly byRegion: ReadonlyArray<Count>;
  /** By status today, every status listed. */
  readonly byStatus: ReadonlyArray<StatusCount>;
  /** By theme. */
  readonly byTheme: ReadonlyArray<Count>;
  /** INEGI code: CVE_ENT for a state, CVEGEO for a municipality. */
  readonly code: Scalars['String']['output'];
  /** Whether any profile event (objective progress, network membership) was recorded for it. */
  readonly hasProfile: Scalars['Boolean']['output'];
  /** Global id (opaque). */
  readonly id: Scalars['ID']['output'];
  /** Whether the code is in the shipped catalogue. */
  readonly inCatalogue: Scalars['Boolean']['output'];
  /** True for a state: its counts include its municipalities' agreements. */
  readonly includesMunicipalities: Scalars['Boolean']['output'];
  /** State or municipality. */
  readonly level: PartyLevel;
  /** For a state, agreements of its municipalities. */
  readonly municipalAgreementCount: Scalars['Int']['output'];
  /** Official name from the shipped catalogue; null when the code is not in it. */
  readonly name?: Maybe<Scalars['String']['output']>;
  /** Restricted: membership of international city networks (redes de ciudades). */
  readonly networks?: Maybe<EntityNetworks>;
  /** Restricted: progress on each of the six objectives of the national strategy, in order. */
  readonly objectives?: Maybe<ReadonlyArray<ObjectiveProgress>>;
  /** Agreements where the entity itself is a party. */
  readonly ownAgreementCount: Scalars['Int']['output'];
  /** Its state. */
  readonly state?: Maybe<State>;
  /** INEGI code of its state (itself for a state). */
  readonly stateCode: Scalars['String']['output'];
  /** Agreements with no counterpart in a priority region. */
  readonly withoutPriorityRegion: Scalars['Int']['output'];
};


/**
 * A Mexican state (entidad federativa) or municipality (municipio, alcaldía) as an international
 * actor. Portfolio counts cover the agreements the caller may see. Restricted: the strategy
 * objectives and network memberships (the entity's profile) are shown to Parliament, SRE legal staff,
 * administrators and the entity's own users; null for everyone else.
 */
export type EntityAgreementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AgreementFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<AgreementSort>;
};

/** A page of entities (Relay cursor connection), by code. */
export type EntityConnection = {
  readonly __typename?: 'EntityConnection';
  /** The entities of this page. */
  readonly edges: ReadonlyArray<EntityEdge>;
  /** Where this page sits in the whole list. */
  readonly pageInfo: PageInfo;
  /** How many entities match in all. */
  readonly totalCount: Scalars['Int']['output'];
};

/** One entity in a page, with its cursor. */
export type EntityEdge = {
  readonly __typename?: 'EntityEdge';
  /** Opaque cursor. */
  readonly cursor: Scalars['String']['output'];
  /** The entity. */
  readonly node: Entity;
};

/** Criteria for entities. */
export type EntityFilter = {
  /** True: only entities with a recorded profile; false: only without. */
  readonly hasProfile?: InputMaybe<Scalars['Boolean']['input']>;
  /** State or municipality. */
  readonly level?: InputMaybe<PartyLevel>;
  /** INEGI state codes: the states themselves and their municipalities. */
  readonly states?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
};

/** An entity's city-network memberships. */
export type EntityNetworks = {
  readonly __typename?: 'EntityNetworks';
  /** Current memberships. */
  readonly current: ReadonlyArray<NetworkMembership>;
  /** Ended memberships, in the order they ended. */
  readonly past: ReadonlyArray<PastNetworkMembership>;
};

/** What an entity profile command did. */
export type EntityProfileCommandPayload = {
  readonly __typename?: 'EntityProfileCommandPayload';
  /** The entity, with its profile, as the read models show it once they have applied this command (read-your-writes); null if they did not catch up in time. */
  readonly entity?: Maybe<Entity>;
  /** INEGI code of the entity the command was for. */
  readonly entityCode: Scalars['String']['output'];
  /** The events the command wrote (for a retry, the ones it originally wrote). */
  readonly events: ReadonlyArray<WrittenEvent>;
  /** Position of the event written (or, for a retry, originally written): a read-your-writes token for queries and a subscription cursor. */
  readonly position?: Maybe<Scalars['Position']['output']>;
  /** True when this `commandId` had been handled before: nothing was written this time. */
  readonly replayed: Scalars['Boolean']['output'];
  /** The profile stream's revision after the command (for a retry, its current revision), as a decimal: pass it as the next `expectedRevision`. */
  readonly revision: Scalars['String']['output'];
};

/** Who recorded an event. */
export type EventActor = {
  readonly __typename?: 'EventActor';
  /** The actor's id; null when the caller may not see identities (the role is still shown). */
  readonly id?: Maybe<Scalars['String']['output']>;
  /** Role: subnational, sre-legal, parliament, admin or system. */
  readonly role: Scalars['String']['output'];
};

/** One field that changed between two views of an agreement. */
export type FieldChange = {
  readonly __typename?: 'FieldChange';
  /** Value after (null when absent). */
  readonly after?: Maybe<Scalars['JSON']['output']>;
  /** Value before (null when absent). */
  readonly before?: Maybe<Scalars['JSON']['output']>;
  /** Name of the field (as in the read model, e.g. signature, registration, opinions). */
  readonly field: Scalars['String']['output'];
};

/** A filed copy of the signed text (SignedCopyFiled). */
export type FileSignedCopyInput = {
  /** Reference of the filed document. */
  readonly documentReference: Scalars['String']['input'];
  /** When it was filed. */
  readonly filedOn: Scalars['Date']['input'];
};

/** Which findings a `findingsChanged` subscription follows (AND across criteria, OR inside a list); open and resolved alike. */
export type FindingsChangedFilter = {
  /** Agreement ids (UUIDs or global ids). */
  readonly agreements?: InputMaybe<ReadonlyArray<Scalars['ID']['input']>>;
  /** Rules. */
  readonly rules?: InputMaybe<ReadonlyArray<AuditRule>>;
  /** Severities. */
  readonly severities?: InputMaybe<ReadonlyArray<Severity>>;
  /** INEGI state codes: findings on agreements of the state or its municipalities. */
  readonly states?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
};

/** What changed in the audit findings a `findingsChanged` subscription follows, since its previous update. */
export type FindingsUpdate = {
  readonly __typename?: 'FindingsUpdate';
  /** The day findings are judged on (today in Mexico City). */
  readonly asOf: Scalars['Date']['output'];
  /** How many findings under the filter are open now. */
  readonly open: Scalars['Int']['output'];
  /** Position of the last event the update includes: pass it as `consistentWith` to `auditFindings` when re-reading the list. */
  readonly position?: Maybe<Scalars['Position']['output']>;
  /** Findings open now that were not open at the previous update: raised by an event or by a deadline passing, or reopened by a correction. Most recently raised first. */
  readonly raised: ReadonlyArray<AuditFinding>;
  /** Findings resolved since the previous update, including ones raised and resolved in between. */
  readonly resolved: ReadonlyArray<AuditFinding>;
  /**
   * True when the update does not list what changed (`raised`, `resolved` and `withdrawn` are
   * empty): the first update of a subscription, or more findings changed at once than one update
   * carries. Re-read the list with `auditFindings`; later updates are deltas from this one.
   */
  readonly resync: Scalars['Boolean']['output'];
  /** Ids (`findingId`) of findings reported before and no longer reported at all: a correction removed their grounds, or their agreement is no longer the caller's to see. */
  readonly withdrawn: ReadonlyArray<Scalars['String']['output']>;
};

/** Entry into force (entrada en vigor) or provisional application (aplicación provisional). */
export type Force = {
  readonly __typename?: 'Force';
  /** First day it applies. */
  readonly effectiveOn: Scalars['Date']['output'];
  /** Which of the two. */
  readonly mode: ForceMode;
};

export { ForceMode };

/** A count of agreements applying in one mode. */
export type ForceModeCount = {
  readonly __typename?: 'ForceModeCount';
  /** How many. */
  readonly count: Scalars['Int']['output'];
  /** In force, or provisionally applied. */
  readonly mode: ForceMode;
};

/** An approval before signature (ApprovalGranted). */
export type GrantApprovalInput = {
  /** When it was approved. */
  readonly approvedOn: Scalars['Date']['input'];
  /** Municipal council (cabildo) or state congress (congreso local). */
  readonly body: ApprovalBody;
  /** INEGI code of the approving entity: a municipality (CVEGEO) for a council, a state (CVE_ENT) for a congress. */
  readonly entityCode: Scalars['String']['input'];
  /** Reference of the approval, e.g. the minutes (acta de cabildo) or the decree. */
  readonly reference: Scalars['String']['input'];
};

/** One immutable event of an agreement's history: what happened, when, and when and by whom it was recorded. */
export type HistoryEvent = {
  readonly __typename?: 'HistoryEvent';
  /** Who recorded it (restricted: role only without full access). */
  readonly actor: EventActor;
  /** Causation id: the command that caused the event. */
  readonly causationId: Scalars['String']['output'];
  /** Correlation id: the flow of commands the event belongs to. */
  readonly correlationId: Scalars['String']['output'];
  /** The event's data, exactly as recorded (restricted: SRE observations removed without full access). */
  readonly data: Scalars['JSON']['output'];
  /** The event's id. */
  readonly eventId: Scalars['ID']['output'];
  /** Hash of the event, chained to the previous one of the stream (tamper evidence). */
  readonly hash: Scalars['String']['output'];
  /** Position of the event in the registry's log. */
  readonly position: Scalars['Position']['output'];
  /** Hash of the previous event of the stream; null for the first. */
  readonly previousHash?: Maybe<Scalars['String']['output']>;
  /** Recorded time: when the registry learned it. */
  readonly recordedAt: Scalars['DateTime']['output'];
  /** Revision of the event in the agreement's stream (0, 1, 2...). */
  readonly revision: Scalars['String']['output'];
  /** Event type, e.g. AGREEMENT_SIGNED. */
  readonly type: AgreementEventType;
  /** Valid time: the legal day the fact refers to (null for a correction). */
  readonly validAt?: Maybe<Scalars['Date']['output']>;
};

/** A counterpart identified after opening (CounterpartIdentified). */
export type IdentifyCounterpartInput = {
  /** The counterpart. */
  readonly counterpart: CounterpartInput;
  /** When it was identified. */
  readonly identifiedOn: Scalars['Date']['input'];
};

/**
 * What was in force (or provisionally applied) on a day: force began on or before it and on that
 * day the agreement was not terminated, past its term (unless renewed automatically) nor suspended.
 * Judged on the facts the registry holds (valid time); for what the registry said then, use
 * `registryAsOf`.
 */
export type InForceReport = {
  readonly __typename?: 'InForceReport';
  /** The agreements in force, by id (at most 100 a page). */
  readonly agreements: AgreementConnection;
  /** By counterpart country. */
  readonly byCountry: ReadonlyArray<Count>;
  /** In force, or only provisionally applied. */
  readonly byMode: ReadonlyArray<ForceModeCount>;
  /** By priority region. */
  readonly byRegion: ReadonlyArray<Count>;
  /** By state (a municipality's agreements count for its state). */
  readonly byState: ReadonlyArray<Count>;
  /** By theme. */
  readonly byTheme: ReadonlyArray<Count>;
  /** The day asked about. */
  readonly date: Scalars['Date']['output'];
  /** The policy version whose priority regions `byRegion` uses: the one in force on `date`. */
  readonly policyVersion?: Maybe<Scalars['Int']['output']>;
  /** Which agreements are counted, given who asks. */
  readonly scope: VisibilityScope;
  /** How many were in force. */
  readonly total: Scalars['Int']['output'];
  /** Agreements with no counterpart in any priority region. */
  readonly withoutPriorityRegion: Scalars['Int']['output'];
};


/**
 * What was in force (or provisionally applied) on a day: force began on or before it and on that
 * day the agreement was not terminated, past its term (unless renewed automatically) nor suspended.
 * Judged on the facts the registry holds (valid time); for what the registry said then, use
 * `registryAsOf`.
 */
export type InForceReportAgreementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** The outcome of recomputing hash chains (verificación de integridad). */
export type IntegrityReport = {
  readonly __typename?: 'IntegrityReport';
  /** Every break found, in log order (at most 1,000). */
  readonly breaks: ReadonlyArray<ChainBreak>;
  /** Events checked. */
  readonly eventsChecked: Scalars['Int']['output'];
  /** True when every event checked matches its own hash and carries its predecessor's. */
  readonly intact: Scalars['Boolean']['output'];
  /** Streams checked. */
  readonly streamsChecked: Scalars['Int']['output'];
};

/** The SRE's opinion (SreOpinionIssued, dictamen). */
export type IssueSreOpinionInput = {
  /** When it was issued. */
  readonly issuedOn: Scalars['Date']['input'];
  /** Observations of the Consultoría Jurídica: internal, shown only to SRE legal staff. */
  readonly observations?: InputMaybe<Scalars['String']['input']>;
  /** Number of the opinion, e.g. DGCP-2024-001: letters, digits, -, . and / only. */
  readonly opinionNumber: Scalars['String']['input'];
  /** Favourable, unfavourable or favourable with observations (procedente, improcedente, procedente con observaciones). */
  readonly outcome: OpinionOutcome;
};

/** Joining a city network (CityNetworkJoined). */
export type JoinCityNetworkInput = {
  /** When the entity joined. */
  readonly joinedOn: Scalars['Date']['input'];
  /** Id of the network in the registry's catalogue, e.g. uclg, c40, mercociudades. */
  readonly networkId: Scalars['String']['input'];
  /** A note, e.g. the kind of membership. */
  readonly note?: InputMaybe<Scalars['String']['input']>;
};

/** A count of agreements of one kind. */
export type KindCount = {
  readonly __typename?: 'KindCount';
  /** How many. */
  readonly count: Scalars['Int']['output'];
  /** The kind. */
  readonly kind: AgreementKind;
};

/** A language (ISO 639-1). */
export type Language = {
  readonly __typename?: 'Language';
  /** Two-letter code, e.g. es. */
  readonly code: Scalars['String']['output'];
  /** English name. */
  readonly nameEn: Scalars['String']['output'];
  /** Spanish name from Unicode CLDR, when known. */
  readonly nameEs?: Maybe<Scalars['String']['output']>;
  /** Name in the language itself. */
  readonly nativeName: Scalars['String']['output'];
};

/** Leaving a city network (CityNetworkLeft). */
export type LeaveCityNetworkInput = {
  /** When the entity left. */
  readonly leftOn: Scalars['Date']['input'];
  /** Id of the network in the registry's catalogue. */
  readonly networkId: Scalars['String']['input'];
  /** Why, if stated. */
  readonly reason?: InputMaybe<Scalars['String']['input']>;
};

/** A text in Spanish and English. */
export type LocalisedText = {
  readonly __typename?: 'LocalisedText';
  /** English. */
  readonly en: Scalars['String']['output'];
  /** Spanish. */
  readonly es: Scalars['String']['output'];
};

/** A cooperation milestone (hito de cooperación). */
export type Milestone = {
  readonly __typename?: 'Milestone';
  /** Amount involved, when recorded. */
  readonly amount?: Maybe<Money>;
  /** Whether a later correction changed it. */
  readonly corrected: Scalars['Boolean']['output'];
  /** What happened. */
  readonly description: Scalars['String']['output'];
  /** Reference of the evidence (report, photos, minutes), when recorded. */
  readonly evidenceReference?: Maybe<Scalars['String']['output']>;
  /** Kind: visita, intercambio, proyecto, capacitación, asistencia técnica, informe, evento, otro. */
  readonly kind: MilestoneKind;
  /** The milestone's id within the agreement. */
  readonly milestoneId: Scalars['String']['output'];
  /** Day it happened. */
  readonly occurredOn: Scalars['Date']['output'];
  /** When the registry recorded it. */
  readonly recordedAt: Scalars['DateTime']['output'];
  /** SDG numbers it contributes to. */
  readonly sdgs: ReadonlyArray<Scalars['Int']['output']>;
  /** Theme codes it relates to. */
  readonly themes: ReadonlyArray<Scalars['String']['output']>;
};

export { MilestoneKind };

/** A cooperation milestone (hito de cooperación) in short: which, what kind, when. */
export type MilestoneRef = {
  readonly __typename?: 'MilestoneRef';
  /** Kind of milestone (visita, intercambio, proyecto...). */
  readonly kind: MilestoneKind;
  /** The milestone's id within the agreement. */
  readonly milestoneId: Scalars['String']['output'];
  /** Day it happened. */
  readonly occurredOn: Scalars['Date']['output'];
};

/** An amount of money: a decimal written as text (never binary floating point) and its currency. */
export type Money = {
  readonly __typename?: 'Money';
  /** ISO 4217 currency code, e.g. MXN. */
  readonly currency: Scalars['String']['output'];
  /** The amount, as a decimal string, e.g. "125000.00". */
  readonly value: Scalars['String']['output'];
};

/** An amount of money. */
export type MoneyInput = {
  /** ISO 4217 currency code, e.g. MXN. */
  readonly currency: Scalars['String']['input'];
  /** Decimal amount as text, with a dot and no thousands separators, e.g. "1500.50". */
  readonly value: Scalars['String']['input'];
};

/** A multilateral agenda of a policy version. */
export type MultilateralAgendaInput = {
  /** Stable id: lower-case letters and digits separated by -, e.g. new-urban-agenda. */
  readonly id: Scalars['String']['input'];
  /** Name, e.g. Nueva Agenda Urbana. */
  readonly name: Scalars['String']['input'];
};

/** A Mexican municipality (municipio) or, in Mexico City, an alcaldía, from INEGI's catalogue. */
export type Municipality = {
  readonly __typename?: 'Municipality';
  /** INEGI CVEGEO, five digits (state code + CVE_MUN), e.g. 14039 Guadalajara. */
  readonly code: Scalars['String']['output'];
  /** municipio, or alcaldia (Mexico City). */
  readonly kind: Scalars['String']['output'];
  /** Official name (NOM_MUN). */
  readonly name: Scalars['String']['output'];
  /** Seat of the municipal government (cabecera), when recorded. */
  readonly seat?: Maybe<Scalars['String']['output']>;
  /** INEGI code of its state. */
  readonly stateCode: Scalars['String']['output'];
};

/** Commands: each records facts as immutable events. Every one takes a `commandId` for safe retries. */
export type Mutation = {
  readonly __typename?: 'Mutation';
  /** Records the adoption of a work plan (Programa Operativo Anual). */
  readonly adoptWorkPlan: AgreementCommandPayload;
  /** Records an amendment of the agreement (modificación). */
  readonly amendAgreement: AgreementCommandPayload;
  /**
   * Corrects an earlier fact of the agreement (corrección). The original event stays in the history;
   * the correction, with its reason, replaces its data from now on. SRE legal staff only.
   */
  readonly correctFact: AgreementCommandPayload;
  /** Records the entry into force (entrada en vigor) or the start of provisional application (aplicación provisional). */
  readonly enterIntoForce: AgreementCommandPayload;
  /** Records that a copy of the signed text was filed with the registry (ejemplar firmado). Subnational users or SRE legal staff. */
  readonly fileSignedCopy: AgreementCommandPayload;
  /** Records the approval of a municipal council (aprobación del cabildo) or a state congress (congreso local). */
  readonly grantApproval: AgreementCommandPayload;
  /** Records a foreign counterpart identified after the draft was opened (contraparte extranjera). */
  readonly identifyCounterpart: AgreementCommandPayload;
  /** Records the SRE's opinion on the submitted text (dictamen de procedencia, LCT art. 7). SRE legal staff only. */
  readonly issueSreOpinion: AgreementCommandPayload;
  /** Records that a state or municipality joined an international city network (red internacional de ciudades). */
  readonly joinCityNetwork: EntityProfileCommandPayload;
  /** Records that a state or municipality left an international city network. */
  readonly leaveCityNetwork: EntityProfileCommandPayload;
  /**
   * Opens the draft of a new agreement (apertura del expediente). `agreementId` is the new
   * agreement's id, chosen by the client. Subnational users may open agreements only for their own
   * entities: at least one party must be one of them.
   */
  readonly openAgreement: AgreementCommandPayload;
  /**
   * Publishes the next version of the federal policy the audit judges agreements against (política
   * federal: regiones y temas prioritarios, agendas multilaterales, objetivos de la estrategia
   * nacional, plazos). The version number is assigned by the registry. SRE legal staff and
   * administrators only.
   */
  readonly publishPolicyVersion: PolicyCommandPayload;
  /** Records a cooperation milestone (visit, exchange, project, training…): what shows an agreement is alive. */
  readonly recordCooperationMilestone: AgreementCommandPayload;
  /** Records progress of a state or municipality on one objective of the national strategy (avance en la estrategia nacional). */
  readonly recordObjectiveProgress: EntityProfileCommandPayload;
  /** Inscribes the agreement in the SRE's registry with its registry number (inscripción en el Registro, LCT art. 7). SRE legal staff only. */
  readonly registerAgreement: AgreementCommandPayload;
  /** Records a renewal (renovación) or an extension (prórroga) of the agreement's term. */
  readonly renewAgreement: AgreementCommandPayload;
  /** Records that a suspended agreement applies again (reanudación). */
  readonly resumeAgreement: AgreementCommandPayload;
  /** Records a revision of the text, e.g. after the SRE's observations; it may then be submitted again. */
  readonly reviseText: AgreementCommandPayload;
  /** Records the signature (firma): date, place, signatories and languages of the authentic texts. */
  readonly signAgreement: AgreementCommandPayload;
  /** Records that the text was submitted to the SRE for its opinion (LCT art. 7: informar a la SRE). */
  readonly submitTextToSre: AgreementCommandPayload;
  /** Records the suspension of the agreement (suspensión). */
  readonly suspendAgreement: AgreementCommandPayload;
  /** Records the termination of the agreement (terminación: denuncia, mutuo consentimiento u otra causa). No lifecycle fact can follow it. */
  readonly terminateAgreement: AgreementCommandPayload;
  /** Returns the caller as the registry sees them (role and entities), or null without a token. */
  readonly whoAmI?: Maybe<Viewer>;
};


/** Commands: each records facts as immutable events. Every one takes a `commandId` for safe retries. */
export type MutationAdoptWorkPlanArgs = {
  agreementId: Scalars['ID']['input'];
  commandId: Scalars['ID']['input'];
  expectedRevision?: InputMaybe<Scalars['String']['input']>;
  input: AdoptWorkPlanInput;
};


/** Commands: each records facts as immutable events. Every one takes a `commandId` for safe retries. */
export type MutationAmendAgreementArgs = {
  agreementId: Scalars['ID']['input'];
  commandId: Scalars['ID']['input'];
  expectedRevision?: InputMaybe<Scalars['String']['input']>;
  input: AmendAgreementInput;
};


/** Commands: each records facts as immutable events. Every one takes a `commandId` for safe retries. */
export type MutationCorrectFactArgs = {
  agreementId: Scalars['ID']['input'];
  commandId: Scalars['ID']['input'];
  expectedRevision?: InputMaybe<Scalars['String']['input']>;
  input: CorrectFactInput;
};


/** Commands: each records facts as immutable events. Every one takes a `commandId` for safe retries. */
export type MutationEnterIntoForceArgs = {
  agreementId: Scalars['ID']['input'];
  commandId: Scalars['ID']['input'];
  expectedRevision?: InputMaybe<Scalars['String']['input']>;
  input: EnterIntoForceInput;
};


/** Commands: each records facts as immutable events. Every one takes a `commandId` for safe retries. */
export type MutationFileSignedCopyArgs = {
  agreementId: Scalars['ID']['input'];
  commandId: Scalars['ID']['input'];
  expectedRevision?: InputMaybe<Scalars['String']['input']>;
  input: FileSignedCopyInput;
};


/** Commands: each records facts as immutable events. Every one takes a `commandId` for safe retries. */
export type MutationGrantApprovalArgs = {
  agreementId: Scalars['ID']['input'];
  commandId: Scalars['ID']['input'];
  expectedRevision?: InputMaybe<Scalars['String']['input']>;
  input: GrantApprovalInput;
};


/** Commands: each records facts as immutable events. Every one takes a `commandId` for safe retries. */
export type MutationIdentifyCounterpartArgs = {
  agreementId: Scalars['ID']['input'];
  commandId: Scalars['ID']['input'];
  expectedRevision?: InputMaybe<Scalars['String']['input']>;
  input: IdentifyCounterpartInput;
};


/** Commands: each records facts as immutable events. Every one takes a `commandId` for safe retries. */
export type MutationIssueSreOpinionArgs = {
  agreementId: Scalars['ID']['input'];
  commandId: Scalars['ID']['input'];
  expectedRevision?: InputMaybe<Scalars['String']['input']>;
  input: IssueSreOpinionInput;
};


/** Commands: each records facts as immutable events. Every one takes a `commandId` for safe retries. */
export type MutationJoinCityNetworkArgs = {
  commandId: Scalars['ID']['input'];
  entityCode: Scalars['String']['input'];
  expectedRevision?: InputMaybe<Scalars['String']['input']>;
  input: JoinCityNetworkInput;
};


/** Commands: each records facts as immutable events. Every one takes a `commandId` for safe retries. */
export type MutationLeaveCityNetworkArgs = {
  commandId: Scalars['ID']['input'];
  entityCode: Scalars['String']['input'];
  expectedRevision?: InputMaybe<Scalars['String']['input']>;
  input: LeaveCityNetworkInput;
};


/** Commands: each records facts as immutable events. Every one takes a `commandId` for safe retries. */
export type MutationOpenAgreementArgs = {
  agreementId: Scalars['ID']['input'];
  commandId: Scalars['ID']['input'];
  expectedRevision?: InputMaybe<Scalars['String']['input']>;
  input: OpenAgreementInput;
};


/** Commands: each records facts as immutable events. Every one takes a `commandId` for safe retries. */
export type MutationPublishPolicyVersionArgs = {
  commandId: Scalars['ID']['input'];
  expectedRevision?: InputMaybe<Scalars['String']['input']>;
  input: PublishPolicyVersionInput;
};


/** Commands: each records facts as immutable events. Every one takes a `commandId` for safe retries. */
export type MutationRecordCooperationMilestoneArgs = {
  agreementId: Scalars['ID']['input'];
  commandId: Scalars['ID']['input'];
  expectedRevision?: InputMaybe<Scalars['String']['input']>;
  input: RecordCooperationMilestoneInput;
};


/** Commands: each records facts as immutable events. Every one takes a `commandId` for safe retries. */
export type MutationRecordObjectiveProgressArgs = {
  commandId: Scalars['ID']['input'];
  entityCode: Scalars['String']['input'];
  expectedRevision?: InputMaybe<Scalars['String']['input']>;
  input: RecordObjectiveProgressInput;
};


/** Commands: each records facts as immutable events. Every one takes a `commandId` for safe retries. */
export type MutationRegisterAgreementArgs = {
  agreementId: Scalars['ID']['input'];
  commandId: Scalars['ID']['input'];
  expectedRevision?: InputMaybe<Scalars['String']['input']>;
  input: RegisterAgreementInput;
};


/** Commands: each records facts as immutable events. Every one takes a `commandId` for safe retries. */
export type MutationRenewAgreementArgs = {
  agreementId: Scalars['ID']['input'];
  commandId: Scalars['ID']['input'];
  expectedRevision?: InputMaybe<Scalars['String']['input']>;
  input: RenewAgreementInput;
};


/** Commands: each records facts as immutable events. Every one takes a `commandId` for safe retries. */
export type MutationResumeAgreementArgs = {
  agreementId: Scalars['ID']['input'];
  commandId: Scalars['ID']['input'];
  expectedRevision?: InputMaybe<Scalars['String']['input']>;
  input: ResumeAgreementInput;
};


/** Commands: each records facts as immutable events. Every one takes a `commandId` for safe retries. */
export type MutationReviseTextArgs = {
  agreementId: Scalars['ID']['input'];
  commandId: Scalars['ID']['input'];
  expectedRevision?: InputMaybe<Scalars['String']['input']>;
  input: ReviseTextInput;
};


/** Commands: each records facts as immutable events. Every one takes a `commandId` for safe retries. */
export type MutationSignAgreementArgs = {
  agreementId: Scalars['ID']['input'];
  commandId: Scalars['ID']['input'];
  expectedRevision?: InputMaybe<Scalars['String']['input']>;
  input: SignAgreementInput;
};


/** Commands: each records facts as immutable events. Every one takes a `commandId` for safe retries. */
export type MutationSubmitTextToSreArgs = {
  agreementId: Scalars['ID']['input'];
  commandId: Scalars['ID']['input'];
  expectedRevision?: InputMaybe<Scalars['String']['input']>;
  input: SubmitTextToSreInput;
};


/** Commands: each records facts as immutable events. Every one takes a `commandId` for safe retries. */
export type MutationSuspendAgreementArgs = {
  agreementId: Scalars['ID']['input'];
  commandId: Scalars['ID']['input'];
  expectedRevision?: InputMaybe<Scalars['String']['input']>;
  input: SuspendAgreementInput;
};


/** Commands: each records facts as immutable events. Every one takes a `commandId` for safe retries. */
export type MutationTerminateAgreementArgs = {
  agreementId: Scalars['ID']['input'];
  commandId: Scalars['ID']['input'];
  expectedRevision?: InputMaybe<Scalars['String']['input']>;
  input: TerminateAgreementInput;
};

/** Membership of an international city network. */
export type NetworkMembership = {
  readonly __typename?: 'NetworkMembership';
  /** Day it joined. */
  readonly joinedOn: Scalars['Date']['output'];
  /** The network, from the shipped catalogue. */
  readonly network?: Maybe<CityNetwork>;
  /** The network's id. */
  readonly networkId: Scalars['String']['output'];
  /** Note. */
  readonly note?: Maybe<Scalars['String']['output']>;
};

/** An object with a global id, fetchable with `node(id:)`. */
export type Node = {
  /** Global id: opaque, stable, unique across types. */
  readonly id: Scalars['ID']['output'];
};

/** Progress on one objective of the national strategy for the internationalisation of states and municipalities. */
export type ObjectiveProgress = {
  readonly __typename?: 'ObjectiveProgress';
  /** Its name in the policy version in force today. */
  readonly name?: Maybe<Scalars['String']['output']>;
  /** The objective. */
  readonly objective: StrategyObjective;
  /** The latest recorded progress; null if never recorded. */
  readonly progress?: Maybe<ProgressRecord>;
};

/** An agreement as first recorded (AgreementOpened). */
export type OpenAgreementInput = {
  /** The foreign counterparts known so far (contrapartes); more may be identified later. */
  readonly counterparts?: InputMaybe<ReadonlyArray<CounterpartInput>>;
  /** Kind of agreement. */
  readonly kind: AgreementKind;
  /** Languages of the text, as ISO 639-1 codes, e.g. es, ja. */
  readonly languages?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** Objectives of the agreement (objetivos), each as a short text. */
  readonly objectives?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** When the draft was opened. */
  readonly openedOn: Scalars['Date']['input'];
  /** The Mexican parties (partes): states or municipalities, with the signing agency (dependencia). */
  readonly parties: ReadonlyArray<PartyInput>;
  /** Sustainable Development Goals it contributes to (Objetivos de Desarrollo Sostenible), numbered 1 to 17. */
  readonly sdgs?: InputMaybe<ReadonlyArray<Scalars['Int']['input']>>;
  /** Themes of the controlled vocabulary, e.g. culture, tourism, climate. */
  readonly themes?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** Title as it appears in the text (título). */
  readonly title: Scalars['String']['input'];
  /** The agreement's term (vigencia), as far as it is known. */
  readonly validity?: InputMaybe<ValidityInput>;
};

/** An opinion of the SRE (dictamen de procedencia, LCT art. 7) on whether it is appropriate to sign. */
export type Opinion = {
  readonly __typename?: 'Opinion';
  /** Day the opinion was issued. */
  readonly issuedOn: Scalars['Date']['output'];
  /**
   * Restricted: the Consultoría Jurídica's internal observations. Shown to SRE legal staff,
   * Parliament, administrators and the parties' own users; null for everyone else.
   */
  readonly observations?: Maybe<Scalars['String']['output']>;
  /** The opinion's number (número de dictamen). */
  readonly opinionNumber: Scalars['String']['output'];
  /** Favourable, unfavourable, or favourable with observations. */
  readonly outcome: OpinionOutcome;
};

export { OpinionOutcome };

/** An intergovernmental organisation that can be the foreign party of an acuerdo interinstitucional. */
export type Organisation = {
  readonly __typename?: 'Organisation';
  /** English acronym. */
  readonly acronymEn?: Maybe<Scalars['String']['output']>;
  /** Spanish acronym. */
  readonly acronymEs?: Maybe<Scalars['String']['output']>;
  /** The registry's stable id (there is no ISO standard). */
  readonly id: Scalars['String']['output'];
  /** English name. */
  readonly nameEn: Scalars['String']['output'];
  /** Spanish name. */
  readonly nameEs: Scalars['String']['output'];
  /** Id of the organisation it belongs to (a UN programme within the UN). */
  readonly partOf?: Maybe<Scalars['String']['output']>;
  /** Wikidata QID, only when verified. */
  readonly wikidata?: Maybe<Scalars['String']['output']>;
};

/** Where a page of a connection sits in the whole list (Relay cursor connections). */
export type PageInfo = {
  readonly __typename?: 'PageInfo';
  /** Cursor of the last item of the page. */
  readonly endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether items follow this page. */
  readonly hasNextPage: Scalars['Boolean']['output'];
  /** Whether items precede this page. */
  readonly hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first item of the page. */
  readonly startCursor?: Maybe<Scalars['String']['output']>;
};

/** A Mexican party to an agreement: a state (entidad federativa) or a municipality (municipio or alcaldía). */
export type Party = {
  readonly __typename?: 'Party';
  /** The signing agency (dependencia or organismo descentralizado). */
  readonly agency: Scalars['String']['output'];
  /** INEGI code: CVE_ENT (two digits) for a state, CVEGEO (five digits) for a municipality. */
  readonly code: Scalars['String']['output'];
  /** The party as an international actor: portfolio, objectives, networks; in a past view (registryAsOf, asOf), as the registry stood at that instant. */
  readonly entity: Entity;
  /** Whether the code is in the shipped catalogue (it keeps growing: new municipalities are created). */
  readonly inCatalogue: Scalars['Boolean']['output'];
  /** State or municipality. */
  readonly level: PartyLevel;
  /** Official name from the shipped INEGI catalogue; null when the code is well-formed but not in the catalogue. */
  readonly name?: Maybe<Scalars['String']['output']>;
  /** The party's state, from the catalogue. */
  readonly state?: Maybe<State>;
  /** INEGI code of the party's state (the state itself, or the first two digits of a municipality). */
  readonly stateCode: Scalars['String']['output'];
};

/** A Mexican party: a state (CVE_ENT) or a municipality (CVEGEO), with the agency that signs. */
export type PartyInput = {
  /** The signing agency or body (dependencia u organismo), e.g. Ayuntamiento de Guadalajara. */
  readonly agency: Scalars['String']['input'];
  /** INEGI code: two digits for a state (e.g. "14"), five for a municipality (e.g. "14039"). */
  readonly code: Scalars['String']['input'];
  /** Whether the party is a state or a municipality; `code` must be a code of that level. */
  readonly level: PartyLevel;
};

export { PartyLevel };

/** An ended membership of an international city network. */
export type PastNetworkMembership = {
  readonly __typename?: 'PastNetworkMembership';
  /** Day it joined. */
  readonly joinedOn: Scalars['Date']['output'];
  /** Day it left. */
  readonly leftOn: Scalars['Date']['output'];
  /** The network, from the shipped catalogue. */
  readonly network?: Maybe<CityNetwork>;
  /** The network's id. */
  readonly networkId: Scalars['String']['output'];
  /** Note on joining. */
  readonly note?: Maybe<Scalars['String']['output']>;
  /** Why it left. */
  readonly reason?: Maybe<Scalars['String']['output']>;
};

/** A multilateral agenda of a policy version. */
export type PolicyAgenda = {
  readonly __typename?: 'PolicyAgenda';
  /** Stable id. */
  readonly id: Scalars['String']['output'];
  /** Name. */
  readonly name: Scalars['String']['output'];
};

/** What a policy command did. */
export type PolicyCommandPayload = {
  readonly __typename?: 'PolicyCommandPayload';
  /** The events the command wrote (for a retry, the ones it originally wrote). */
  readonly events: ReadonlyArray<WrittenEvent>;
  /** The version as the read model shows it once it has applied this command (read-your-writes); null if it did not catch up in time. */
  readonly policyVersion?: Maybe<PolicyVersion>;
  /** Position of the event written (or, for a retry, originally written): a read-your-writes token for queries and a subscription cursor. */
  readonly position?: Maybe<Scalars['Position']['output']>;
  /** True when this `commandId` had been handled before: nothing was written this time. */
  readonly replayed: Scalars['Boolean']['output'];
  /** The policy stream's revision after the command (for a retry, its current revision), as a decimal: pass it as the next `expectedRevision`. */
  readonly revision: Scalars['String']['output'];
  /** Number of the version published (1, 2, …), assigned by the registry. */
  readonly version: Scalars['Int']['output'];
};

/** The registry's deadlines (the LCT sets none in days: they are policy settings). */
export type PolicyDeadlines = {
  readonly __typename?: 'PolicyDeadlines';
  /** Months without a cooperation milestone after which an agreement counts as dormant. */
  readonly dormancyMonths: Scalars['Int']['output'];
  /** Whether the SRE's dictamen must precede the signature. */
  readonly opinionBeforeSignatureRequired: Scalars['Boolean']['output'];
  /** Days after signature within which an agreement should be inscribed in the Registro. */
  readonly registrationAfterSignatureDays: Scalars['Int']['output'];
};

/** Deadlines the audit applies (plazos); the LCT sets none in days. */
export type PolicyDeadlinesInput = {
  /** Months without a cooperation milestone after which an agreement counts as dormant. */
  readonly dormancyMonths: Scalars['Int']['input'];
  /** Whether the SRE opinion (dictamen, LCT art. 7) must precede the signature. */
  readonly opinionBeforeSignatureRequired: Scalars['Boolean']['input'];
  /** Days after signature within which an agreement should be registered. */
  readonly registrationAfterSignatureDays: Scalars['Int']['input'];
};

/** One of the six objectives of the national strategy, as a policy version names it. */
export type PolicyObjective = {
  readonly __typename?: 'PolicyObjective';
  /** Its name in this version. */
  readonly name: Scalars['String']['output'];
  /** Which objective. */
  readonly objective: StrategyObjective;
};

/** A priority region of a policy version. */
export type PolicyRegion = {
  readonly __typename?: 'PolicyRegion';
  /** Member countries (ISO 3166-1), as the version lists them. */
  readonly countries: ReadonlyArray<Country>;
  /** Stable id, e.g. alianza-del-pacifico. */
  readonly id: Scalars['String']['output'];
  /** Name. */
  readonly name: Scalars['String']['output'];
};

/** A priority region of a policy version. */
export type PolicyRegionInput = {
  /** Member countries as ISO 3166-1 alpha-2 codes, at least one; copied into the version so later catalogue edits cannot change past judgements. */
  readonly countries: ReadonlyArray<Scalars['String']['input']>;
  /** Stable id: lower-case letters and digits separated by -, e.g. alianza-del-pacifico. */
  readonly id: Scalars['String']['input'];
  /** Name, e.g. Alianza del Pacífico. */
  readonly name: Scalars['String']['input'];
};

/**
 * A version of the federal policy (política exterior federal para la acción internacional de estados
 * y municipios): priority regions and themes, multilateral agendas, the six objectives of the
 * national strategy, and the registry's deadlines. An agreement is judged against the version in
 * force when it was signed.
 */
export type PolicyVersion = Node & {
  readonly __typename?: 'PolicyVersion';
  /** Deadlines and requirements the audit applies. */
  readonly deadlines: PolicyDeadlines;
  /** First day this version applies (it may be later than its publication). */
  readonly effectiveFrom: Scalars['Date']['output'];
  /** Global id (opaque). */
  readonly id: Scalars['ID']['output'];
  /** Multilateral agendas (SDGs, New Urban Agenda, climate change...). */
  readonly multilateralAgendas: ReadonlyArray<PolicyAgenda>;
  /** Priority regions (regiones prioritarias) with their member countries. */
  readonly priorityRegions: ReadonlyArray<PolicyRegion>;
  /** Priority themes (temas prioritarios). */
  readonly priorityThemes: ReadonlyArray<Theme>;
  /** When the registry recorded the publication. */
  readonly publishedAt: Scalars['DateTime']['output'];
  /** The six objectives of the national strategy, in this version's words. */
  readonly strategyObjectives: ReadonlyArray<PolicyObjective>;
  /** Title. */
  readonly title: Scalars['String']['output'];
  /** Version number: 1, 2... */
  readonly version: Scalars['Int']['output'];
};

export { PrivateSector };

export { ProgressLevel };

/** A progress record on a strategy objective. */
export type ProgressRecord = {
  readonly __typename?: 'ProgressRecord';
  /** Not started, in progress, achieved. */
  readonly level: ProgressLevel;
  /** Note. */
  readonly note?: Maybe<Scalars['String']['output']>;
  /** How many progress records the objective has. */
  readonly recordCount: Scalars['Int']['output'];
  /** Day of the record (the latest by date wins). */
  readonly recordedOn: Scalars['Date']['output'];
};

/** A version of the federal policy (PolicyVersionPublished), without its number. */
export type PublishPolicyVersionInput = {
  /** The registry's deadlines (plazos): settings of the policy, not of the law. */
  readonly deadlines: PolicyDeadlinesInput;
  /** First day the version applies (entrada en vigor); it must be after the previous version's. It may be in the future. */
  readonly effectiveFrom: Scalars['Date']['input'];
  /** Multilateral agendas (agendas multilaterales) local governments are encouraged to join, e.g. the SDGs. */
  readonly multilateralAgendas?: InputMaybe<ReadonlyArray<MultilateralAgendaInput>>;
  /** Priority regions (regiones prioritarias), at least one, each with its member countries. */
  readonly priorityRegions: ReadonlyArray<PolicyRegionInput>;
  /** Priority themes (temas prioritarios), at least one, as codes of the controlled vocabulary, e.g. climate. */
  readonly priorityThemes: ReadonlyArray<Scalars['String']['input']>;
  /** The national strategy's objectives (objetivos de la estrategia nacional), named in this version's words. */
  readonly strategyObjectives?: InputMaybe<ReadonlyArray<StrategyObjectiveNameInput>>;
  /** Title of the version, e.g. Estrategia Nacional para la Internacionalización de los Estados y Municipios. */
  readonly title: Scalars['String']['input'];
};

/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type Query = {
  readonly __typename?: 'Query';
  /** An agreement by its own id (UUID); null when unknown or not visible to the caller. */
  readonly agreement?: Maybe<Agreement>;
  /**
   * Agreements matching a filter, sorted and paginated (Relay: `first`/`after` or `last`/`before`,
   * at most 100 a page; 20 when neither is given). Without a token only published agreements.
   */
  readonly agreements: AgreementConnection;
  /** Audit findings on today, filtered and paginated (needs a token; subnational users see their own agreements' findings). */
  readonly auditFindings: AuditFindingConnection;
  /** Every audit rule, described (public). */
  readonly auditRules: ReadonlyArray<AuditRuleDescription>;
  /** Findings counted by rule and severity (same access and criteria as `auditFindings`). */
  readonly auditSummary: AuditSummary;
  /** A counterpart by its registry-wide key; null if no visible agreement names it. */
  readonly counterpart?: Maybe<Counterpart>;
  /** Countries with at least one counterpart, most agreements first. */
  readonly counterpartCountries: ReadonlyArray<CounterpartCountry>;
  /** Counterparts matching a filter, by name (case and accents ignored). */
  readonly counterparts: CounterpartConnection;
  /** Every assigned country (ISO 3166-1), by Spanish name. */
  readonly countries: ReadonlyArray<Country>;
  /** A country's counterparts and agreements; null if it has none the caller may see. */
  readonly country?: Maybe<CounterpartCountry>;
  /** Currencies (ISO 4217). */
  readonly currencies: ReadonlyArray<Currency>;
  /**
   * Entities known to the registry: the 32 states, and every municipality that is a party to a
   * visible agreement or has a recorded profile; by code.
   */
  readonly entities: EntityConnection;
  /** A state (two digits) or municipality (five digits) by INEGI code; null for a malformed code. */
  readonly entity?: Maybe<Entity>;
  /** What was in force on a day, grouped by state, country, priority region and theme. */
  readonly inForceOn: InForceReport;
  /** Languages (ISO 639-1). */
  readonly languages: ReadonlyArray<Language>;
  /** Municipalities and alcaldías in the shipped catalogue (all of INEGI's AGEEML edition; well-formed codes newer than it are accepted). */
  readonly municipalities: ReadonlyArray<Municipality>;
  /** International city networks in the shipped catalogue. */
  readonly networks: ReadonlyArray<CityNetwork>;
  /** Any object by its global id; null when unknown or not visible to the caller. */
  readonly node?: Maybe<Node>;
  /** International organisations in the shipped catalogue. */
  readonly organisations: ReadonlyArray<Organisation>;
  /** The version in force on a day; null before the first took effect. */
  readonly policyInForceOn?: Maybe<PolicyVersion>;
  /** Every published policy version, by effective date. */
  readonly policyVersions: ReadonlyArray<PolicyVersion>;
  /** Versions of the shipped catalogues. */
  readonly referenceVersions: ReadonlyArray<ReferenceVersion>;
  /**
   * The registry as it stood at an instant (recorded time): built from the nearest history snapshot
   * and the events recorded up to the instant.
   */
  readonly registryAsOf: RegistrySnapshot;
  /**
   * Checks the hash chain of every stream of the registry (agreements, claims, policy, entity
   * profiles), reading the whole log: SRE legal staff, parliament and administrators only. Each
   * event is checked against its predecessor's hash, so one altered event is reported once and the
   * rest of its stream still verifies. Deleting a stream's *last* event leaves no trace in a chain:
   * compare with an earlier export of the head hashes for that.
   */
  readonly registryIntegrity: IntegrityReport;
  /** The registry's state: how far its read models have read the log, and the clock it judges by. */
  readonly registryStatus: RegistryStatus;
  /** The 17 Sustainable Development Goals. */
  readonly sdgs: ReadonlyArray<Sdg>;
  /** The 32 federal entities (entidades federativas). */
  readonly states: ReadonlyArray<State>;
  /** Counts by state, region, theme, kind, status and year, over the agreements the caller may see. */
  readonly statistics: RegistryStatistics;
  /** Subdivisions (ISO 3166-2) of a country. */
  readonly subdivisions: ReadonlyArray<Subdivision>;
  /** Cooperation themes. */
  readonly themes: ReadonlyArray<Theme>;
  /** Agreement events in log order (ASC, the default) or newest first (DESC), over the agreements the caller may see. */
  readonly timeline: TimelineConnection;
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryAgreementArgs = {
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
  id: Scalars['ID']['input'];
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryAgreementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
  filter?: InputMaybe<AgreementFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<AgreementSort>;
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryAuditFindingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
  filter?: InputMaybe<AuditFindingFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryAuditRulesArgs = {
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryAuditSummaryArgs = {
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
  filter?: InputMaybe<AuditFindingFilter>;
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryCounterpartArgs = {
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
  key: Scalars['String']['input'];
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryCounterpartCountriesArgs = {
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryCounterpartsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
  filter?: InputMaybe<CounterpartFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryCountriesArgs = {
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryCountryArgs = {
  code: Scalars['String']['input'];
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryCurrenciesArgs = {
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryEntitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
  filter?: InputMaybe<EntityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryEntityArgs = {
  code: Scalars['String']['input'];
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryInForceOnArgs = {
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
  date: Scalars['Date']['input'];
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryLanguagesArgs = {
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryMunicipalitiesArgs = {
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
  state?: InputMaybe<Scalars['String']['input']>;
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryNetworksArgs = {
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryNodeArgs = {
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
  id: Scalars['ID']['input'];
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryOrganisationsArgs = {
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryPolicyInForceOnArgs = {
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
  date: Scalars['Date']['input'];
  knownAt?: InputMaybe<Scalars['DateTime']['input']>;
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryPolicyVersionsArgs = {
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryReferenceVersionsArgs = {
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryRegistryAsOfArgs = {
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
  instant: Scalars['DateTime']['input'];
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryRegistryStatusArgs = {
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QuerySdgsArgs = {
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryStatesArgs = {
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryStatisticsArgs = {
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QuerySubdivisionsArgs = {
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
  country: Scalars['String']['input'];
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryThemesArgs = {
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
};


/** Read queries over the registry. Public data needs no token; more is visible with one. */
export type QueryTimelineArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
  filter?: InputMaybe<TimelineFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortDirection>;
};

/** A cooperation milestone (CooperationMilestoneRecorded). */
export type RecordCooperationMilestoneInput = {
  /** Amount involved, if any. */
  readonly amount?: InputMaybe<MoneyInput>;
  /** What happened. */
  readonly description: Scalars['String']['input'];
  /** Reference of the evidence, e.g. a report. */
  readonly evidenceReference?: InputMaybe<Scalars['String']['input']>;
  /** Kind of milestone. */
  readonly kind: MilestoneKind;
  /** The client's id of the milestone, unique within the agreement, e.g. visita-2025-03. */
  readonly milestoneId: Scalars['String']['input'];
  /** When it happened. */
  readonly occurredOn: Scalars['Date']['input'];
  /** Sustainable Development Goals it contributes to, 1 to 17. */
  readonly sdgs?: InputMaybe<ReadonlyArray<Scalars['Int']['input']>>;
  /** Themes of the controlled vocabulary it concerns. */
  readonly themes?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
};

/** Progress on one strategy objective (StrategyObjectiveProgressRecorded). */
export type RecordObjectiveProgressInput = {
  /** How far the entity has come. */
  readonly level: ProgressLevel;
  /** A note, e.g. what was done. */
  readonly note?: InputMaybe<Scalars['String']['input']>;
  /** Which objective of the national strategy. */
  readonly objective: StrategyObjective;
  /** The date the progress refers to. */
  readonly recordedOn: Scalars['Date']['input'];
};

/** The version of each shipped catalogue, to cite alongside a code. */
export type ReferenceVersion = {
  readonly __typename?: 'ReferenceVersion';
  /** Catalogue name (states, municipalities, countries...). */
  readonly catalogue: Scalars['String']['output'];
  /** Its version. */
  readonly version: Scalars['String']['output'];
};

/** The inscription in the registry (AgreementRegistered). */
export type RegisterAgreementInput = {
  /** When it was registered. */
  readonly registeredOn: Scalars['Date']['input'];
  /** Registry number (número de registro), e.g. RAI-2024/0001: letters, digits, -, . and / only; unique in the registry. */
  readonly registryNumber: Scalars['String']['input'];
};

/** Inscription in the SRE's Registro (LCT art. 7). */
export type Registration = {
  readonly __typename?: 'Registration';
  /** Day of inscription. */
  readonly registeredOn: Scalars['Date']['output'];
  /** The registry number (número de registro). */
  readonly registryNumber: Scalars['String']['output'];
};

/** Which events a `registryEvents` subscription delivers; all given conditions must hold. */
export type RegistryEventFilter = {
  /** Agreement ids (UUIDs). */
  readonly agreementIds?: InputMaybe<ReadonlyArray<Scalars['ID']['input']>>;
  /** INEGI codes: events of agreements where such an entity is a party, and of those entities' profiles. */
  readonly entityCodes?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** Event types, e.g. AgreementSigned, CooperationMilestoneRecorded. */
  readonly types?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
};

/** One recorded event, as delivered to a live subscriber. */
export type RegistryEventNotice = {
  readonly __typename?: 'RegistryEventNotice';
  /** Who recorded it; null for the public. */
  readonly actorId?: Maybe<Scalars['String']['output']>;
  /** Role of whoever recorded it. */
  readonly actorRole: Scalars['String']['output'];
  /** The agreement the event belongs to, for agreement events. */
  readonly agreementId?: Maybe<Scalars['ID']['output']>;
  /** Id of the command that caused the event. */
  readonly causationId: Scalars['ID']['output'];
  /** Id shared by the events of one flow of work. */
  readonly correlationId: Scalars['ID']['output'];
  /** The event's position in the log: pass it as `after` to resume after this event. */
  readonly cursor: Scalars['Position']['output'];
  /** The event's data as recorded (internal SRE observations withheld from the public). */
  readonly data: Scalars['JSON']['output'];
  /** The state or municipality (INEGI code), for entity profile events. */
  readonly entityCode?: Maybe<Scalars['String']['output']>;
  /** The event's id (UUID). */
  readonly eventId: Scalars['ID']['output'];
  /** Recorded time: when the registry learned the fact. */
  readonly recordedAt: Scalars['DateTime']['output'];
  /** The event type, e.g. AgreementSigned (firma), SreOpinionIssued (dictamen). */
  readonly type: Scalars['String']['output'];
  /** Valid time: the legal date the fact refers to. */
  readonly validAt?: Maybe<Scalars['Date']['output']>;
};

/**
 * The read models rebuilt from the events recorded up to an instant (recorded time), nothing after.
 * Statuses and findings are judged on the day of that instant in Mexico City. The same access rules
 * apply, judged on the agreements as they were then (an agreement not yet registered then was not
 * published then).
 */
export type RegistrySnapshot = {
  readonly __typename?: 'RegistrySnapshot';
  /** One agreement as it stood then; null if unknown then or not visible. */
  readonly agreement?: Maybe<Agreement>;
  /** Agreements as they stood then, with the same filters, sort and pagination as `Query.agreements`. */
  readonly agreements: AgreementConnection;
  /** Audit findings as the registry would have raised them then (needs a token; a subnational user sees its own agreements' only). */
  readonly auditFindings: AuditFindingConnection;
  /** The day of that instant in Mexico City: the day statuses are judged on. */
  readonly day: Scalars['Date']['output'];
  /** What the registry then held to be in force on a day. */
  readonly inForceOn: InForceReport;
  /** The instant asked about. */
  readonly instant: Scalars['DateTime']['output'];
  /** The policy version in force on `day`, among those published by then. */
  readonly policy?: Maybe<PolicyVersion>;
  /** Position of the last event recorded by then; null if nothing had been recorded. */
  readonly position?: Maybe<Scalars['Position']['output']>;
  /** Counts as they stood then. */
  readonly statistics: RegistryStatistics;
};


/**
 * The read models rebuilt from the events recorded up to an instant (recorded time), nothing after.
 * Statuses and findings are judged on the day of that instant in Mexico City. The same access rules
 * apply, judged on the agreements as they were then (an agreement not yet registered then was not
 * published then).
 */
export type RegistrySnapshotAgreementArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The read models rebuilt from the events recorded up to an instant (recorded time), nothing after.
 * Statuses and findings are judged on the day of that instant in Mexico City. The same access rules
 * apply, judged on the agreements as they were then (an agreement not yet registered then was not
 * published then).
 */
export type RegistrySnapshotAgreementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AgreementFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<AgreementSort>;
};


/**
 * The read models rebuilt from the events recorded up to an instant (recorded time), nothing after.
 * Statuses and findings are judged on the day of that instant in Mexico City. The same access rules
 * apply, judged on the agreements as they were then (an agreement not yet registered then was not
 * published then).
 */
export type RegistrySnapshotAuditFindingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditFindingFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The read models rebuilt from the events recorded up to an instant (recorded time), nothing after.
 * Statuses and findings are judged on the day of that instant in Mexico City. The same access rules
 * apply, judged on the agreements as they were then (an agreement not yet registered then was not
 * published then).
 */
export type RegistrySnapshotInForceOnArgs = {
  date: Scalars['Date']['input'];
};

/** Counts over the registry's agreements on a day. */
export type RegistryStatistics = {
  readonly __typename?: 'RegistryStatistics';
  /** The day statuses are judged on. */
  readonly asOf: Scalars['Date']['output'];
  /** By kind, every kind listed. */
  readonly byKind: ReadonlyArray<KindCount>;
  /** By year the file was opened. */
  readonly byOpeningYear: ReadonlyArray<Count>;
  /** By priority region of the policy in force on `asOf` (an agreement counts once in each region it has a counterpart in). */
  readonly byRegion: ReadonlyArray<Count>;
  /** By year of signature (unsigned agreements left out). */
  readonly bySignatureYear: ReadonlyArray<Count>;
  /** By state (a municipality's agreements count for its state; an agreement of two states in each). */
  readonly byState: ReadonlyArray<Count>;
  /** By status on `asOf`, every status listed, in lifecycle order. */
  readonly byStatus: ReadonlyArray<StatusCount>;
  /** By theme. */
  readonly byTheme: ReadonlyArray<Count>;
  /** Position of the last event the figures include. */
  readonly position?: Maybe<Scalars['Position']['output']>;
  /** Which agreements are counted, given who asks. */
  readonly scope: VisibilityScope;
  /** How many are signed. */
  readonly signed: Scalars['Int']['output'];
  /** Number of agreements counted. */
  readonly total: Scalars['Int']['output'];
  /** Agreements with no counterpart in any priority region. */
  readonly withoutPriorityRegion: Scalars['Int']['output'];
};

/** The registry's read side at the moment of the request. */
export type RegistryStatus = {
  readonly __typename?: 'RegistryStatus';
  /** Whether the read models have caught up with the log. */
  readonly caughtUp: Scalars['Boolean']['output'];
  /** Position of the last event folded into the read models. */
  readonly position?: Maybe<Scalars['Position']['output']>;
  /** Today in Mexico City, the date time-dependent findings and statuses are judged against. */
  readonly today: Scalars['Date']['output'];
};

/** A renewal or extension (AgreementRenewed). */
export type RenewAgreementInput = {
  /** Renewed (renovación) or extended (prórroga). */
  readonly mode: RenewalMode;
  /** The new end of the term, if it has one; it must be after the current one. */
  readonly newEndsOn?: InputMaybe<Scalars['Date']['input']>;
  /** When it was decided. */
  readonly renewedOn: Scalars['Date']['input'];
  /** What was agreed. */
  readonly summary?: InputMaybe<Scalars['String']['input']>;
};

/** A renewal (renovación) or extension (prórroga). */
export type Renewal = {
  readonly __typename?: 'Renewal';
  /** Renewed or extended. */
  readonly mode: RenewalMode;
  /** New last day of the term, when one was set. */
  readonly newEndsOn?: Maybe<Scalars['Date']['output']>;
  /** Day of the renewal. */
  readonly renewedOn: Scalars['Date']['output'];
};

export { RenewalMode };

/** A resumption (AgreementResumed). */
export type ResumeAgreementInput = {
  /** Why, if stated. */
  readonly reason?: InputMaybe<Scalars['String']['input']>;
  /** First day the agreement applies again. */
  readonly resumedOn: Scalars['Date']['input'];
};

/** A revision of the text (TextRevised). */
export type ReviseTextInput = {
  /** When the text was revised. */
  readonly revisedOn: Scalars['Date']['input'];
  /** What changed. */
  readonly summary: Scalars['String']['input'];
};

/** Findings of one rule. */
export type RuleCount = {
  readonly __typename?: 'RuleCount';
  /** Findings. */
  readonly count: Scalars['Int']['output'];
  /** Of which open. */
  readonly open: Scalars['Int']['output'];
  /** The rule. */
  readonly rule: AuditRule;
  /** Its severity. */
  readonly severity: Severity;
};

/** A Sustainable Development Goal (Objetivo de Desarrollo Sostenible, A/RES/70/1). */
export type Sdg = {
  readonly __typename?: 'Sdg';
  /** English short name. */
  readonly nameEn: Scalars['String']['output'];
  /** Spanish short name. */
  readonly nameEs: Scalars['String']['output'];
  /** Number, 1 to 17. */
  readonly number: Scalars['Int']['output'];
};

export { Severity };

/** Findings of one severity. */
export type SeverityCount = {
  readonly __typename?: 'SeverityCount';
  /** Findings. */
  readonly count: Scalars['Int']['output'];
  /** Of which open. */
  readonly open: Scalars['Int']['output'];
  /** The severity. */
  readonly severity: Severity;
};

/** The signature (AgreementSigned). */
export type SignAgreementInput = {
  /** Languages of the authentic texts, as ISO 639-1 codes, at least one. */
  readonly languages: ReadonlyArray<Scalars['String']['input']>;
  /** Place of signature (lugar de firma). */
  readonly place: Scalars['String']['input'];
  /** Who signed (firmantes), at least one. */
  readonly signatories: ReadonlyArray<SignatoryInput>;
  /** Date of signature (fecha de firma). */
  readonly signedOn: Scalars['Date']['input'];
};

/** A person who signed an agreement (firmante). */
export type Signatory = {
  readonly __typename?: 'Signatory';
  /** Name. */
  readonly name: Scalars['String']['output'];
  /** Which side the person signed for. */
  readonly side: SignatorySide;
  /** Office held (cargo). */
  readonly title: Scalars['String']['output'];
};

/** One signatory (firmante). */
export type SignatoryInput = {
  /** Name of the person who signed. */
  readonly name: Scalars['String']['input'];
  /** Which side they signed for. */
  readonly side: SignatorySide;
  /** Their office (cargo), e.g. Presidenta municipal. */
  readonly title: Scalars['String']['input'];
};

export { SignatorySide };

/** The signature (firma) of an agreement. */
export type Signature = {
  readonly __typename?: 'Signature';
  /** Languages of the signed text. */
  readonly languages: ReadonlyArray<Language>;
  /** Place of signature. */
  readonly place: Scalars['String']['output'];
  /** Who signed, for which side. */
  readonly signatories: ReadonlyArray<Signatory>;
  /** Day of signature (valid time). */
  readonly signedOn: Scalars['Date']['output'];
};

/** Sort order. */
export type SortDirection =
  /** Ascending. */
  | 'ASC'
  /** Descending. */
  | 'DESC';

/** A Mexican state (entidad federativa), from INEGI's catalogue. */
export type State = {
  readonly __typename?: 'State';
  /** INEGI's abbreviation (NOM_ABR). */
  readonly abbreviation: Scalars['String']['output'];
  /** Capital city. */
  readonly capital: Scalars['String']['output'];
  /** INEGI CVE_ENT, two digits (09 Ciudad de México, 14 Jalisco). */
  readonly code: Scalars['String']['output'];
  /** ISO 3166-2:MX code, e.g. MX-JAL. */
  readonly isoCode: Scalars['String']['output'];
  /** Official name (NOM_ENT). */
  readonly name: Scalars['String']['output'];
  /** Name in everyday use. */
  readonly shortName: Scalars['String']['output'];
};

/** A count of agreements in one status. */
export type StatusCount = {
  readonly __typename?: 'StatusCount';
  /** How many. */
  readonly count: Scalars['Int']['output'];
  /** The status. */
  readonly status: AgreementStatus;
};

export { StrategyObjective };

/** One of the six objectives of the national strategy, named in a version's words. */
export type StrategyObjectiveNameInput = {
  /** Which objective. */
  readonly id: StrategyObjective;
  /** Its name in this version. */
  readonly name: Scalars['String']['input'];
};

/** A subdivision of a country (ISO 3166-2): a region, province or state. */
export type Subdivision = {
  readonly __typename?: 'Subdivision';
  /** ISO 3166-2 code, e.g. US-TX. */
  readonly code: Scalars['String']['output'];
  /** ISO 3166-1 code of its country. */
  readonly countryCode: Scalars['String']['output'];
  /** Whether the code is in the shipped ISO list. */
  readonly inCatalogue: Scalars['Boolean']['output'];
  /** Name as ISO publishes it; null when the code is not in the shipped list (renamed or merged since). */
  readonly name?: Maybe<Scalars['String']['output']>;
  /** Enclosing subdivision when ISO nests them. */
  readonly parentSubdivision?: Maybe<Scalars['String']['output']>;
};

/** The text submitted to the SRE (TextSubmittedToSre). */
export type SubmitTextToSreInput = {
  /** When it was submitted. */
  readonly submittedOn: Scalars['Date']['input'];
  /** Reference of the submission, e.g. the number of the official letter (oficio). */
  readonly textReference?: InputMaybe<Scalars['String']['input']>;
};

/** Live updates for dashboards, over WebSocket (graphql-ws protocol) on the same /graphql path. */
export type Subscription = {
  readonly __typename?: 'Subscription';
  /**
   * Dashboard: one agreement (convenio), at once, then each time events of its own stream are
   * applied (coalesced: its latest state) and at the start of each day in Mexico City (statuses and
   * findings are judged on today). Visibility as the `agreement` query: where that query answers
   * null (no such agreement, or not the caller's to see), this answers NOT_FOUND; should the
   * agreement stop being visible to the caller, a last update carries NOT_FOUND and the
   * subscription ends.
   */
  readonly agreementChanged: Agreement;
  /**
   * Dashboard: audit findings (hallazgos) raised, resolved or withdrawn since the previous update,
   * and how many are open, over the findings the caller may read (as `auditFindings`: a token is
   * needed, UNAUTHENTICATED without one; a subnational user follows its own agreements' findings).
   * The first update is a resync (the open count; read the list with `auditFindings`), later ones
   * are deltas. Findings are judged on today in Mexico City, so updates also come when a deadline
   * passes with no event (e.g. REGISTRATION_OVERDUE the day after the registration deadline).
   * Coalesced as `statisticsChanged`.
   */
  readonly findingsChanged: FindingsUpdate;
  /**
   * Every new event of the registry the caller may see, in log order, each with its `cursor`.
   * Without `after`, starts with the next event recorded. To resume (after a disconnect or a server
   * restart), pass the last cursor received: exactly the events after it are delivered, with no gap
   * and no duplicate; a cursor past the end of the log is refused (BAD_USER_INPUT, rule
   * `cursor-past-end`). A client that does not keep up is disconnected (close code 4429) and resumes
   * from its last cursor; the server never buffers for it without bound.
   */
  readonly registryEvents: RegistryEventNotice;
  /**
   * Dashboard: the registry statistics (estadísticas) the caller may see, as `statistics` answers.
   * The current figures at once, then again whenever events (or a new day in Mexico City, which
   * moves statuses) change a figure; a new `position` alone is not a change. Updates are coalesced:
   * at most one about every 500 ms, always the latest figures, never a backlog for a slow client.
   */
  readonly statisticsChanged: RegistryStatistics;
};


/** Live updates for dashboards, over WebSocket (graphql-ws protocol) on the same /graphql path. */
export type SubscriptionAgreementChangedArgs = {
  id: Scalars['ID']['input'];
};


/** Live updates for dashboards, over WebSocket (graphql-ws protocol) on the same /graphql path. */
export type SubscriptionFindingsChangedArgs = {
  filter?: InputMaybe<FindingsChangedFilter>;
};


/** Live updates for dashboards, over WebSocket (graphql-ws protocol) on the same /graphql path. */
export type SubscriptionRegistryEventsArgs = {
  after?: InputMaybe<Scalars['Position']['input']>;
  filter?: InputMaybe<RegistryEventFilter>;
};

/** A suspension (AgreementSuspended). */
export type SuspendAgreementInput = {
  /** Why. */
  readonly reason: Scalars['String']['input'];
  /** From when the agreement is suspended. */
  readonly suspendedOn: Scalars['Date']['input'];
};

/** A suspension (suspensión) of an agreement. */
export type Suspension = {
  readonly __typename?: 'Suspension';
  /** Why it was suspended. */
  readonly reason: Scalars['String']['output'];
  /** First day it applied again (reanudación); null while suspended. */
  readonly resumedOn?: Maybe<Scalars['Date']['output']>;
  /** First day of the suspension. */
  readonly suspendedOn: Scalars['Date']['output'];
};

/** A termination (AgreementTerminated). */
export type TerminateAgreementInput = {
  /** Denounced (denuncia), by mutual consent (mutuo consentimiento) or another cause. */
  readonly cause: TerminationCause;
  /** Why, in words. */
  readonly reason: Scalars['String']['input'];
  /** When it ended. */
  readonly terminatedOn: Scalars['Date']['input'];
};

/** Termination (terminación) of an agreement. */
export type Termination = {
  readonly __typename?: 'Termination';
  /** Cause: denuncia by a party, mutuo consentimiento, or another stated in the reason. */
  readonly cause: TerminationCause;
  /** Why. */
  readonly reason: Scalars['String']['output'];
  /** Day it ended. */
  readonly terminatedOn: Scalars['Date']['output'];
};

export { TerminationCause };

/** A cooperation theme (controlled vocabulary). */
export type Theme = {
  readonly __typename?: 'Theme';
  /** Stable code stored in events, e.g. urban-development. */
  readonly code: Scalars['String']['output'];
  /** English label. */
  readonly labelEn: Scalars['String']['output'];
  /** Spanish label. */
  readonly labelEs: Scalars['String']['output'];
  /** Whether it is one of the five priority themes of the first federal policy version. */
  readonly priorityInSeed: Scalars['Boolean']['output'];
};

/** A page of timeline entries (Relay cursor connection). */
export type TimelineConnection = {
  readonly __typename?: 'TimelineConnection';
  /** The entries of this page. */
  readonly edges: ReadonlyArray<TimelineEdge>;
  /** Where this page sits in the whole list. */
  readonly pageInfo: PageInfo;
  /** How many entries match in all. */
  readonly totalCount: Scalars['Int']['output'];
};

/** One timeline entry in a page, with its cursor. */
export type TimelineEdge = {
  readonly __typename?: 'TimelineEdge';
  /** Opaque cursor. */
  readonly cursor: Scalars['String']['output'];
  /** The entry. */
  readonly node: TimelineEntry;
};

/** One agreement event on the registry's timeline, rendered. */
export type TimelineEntry = {
  readonly __typename?: 'TimelineEntry';
  /** Role of whoever recorded it (identities are in the agreement's history, for those who may see them). */
  readonly actorRole: Scalars['String']['output'];
  /** The agreement (null if the caller may not see it). */
  readonly agreement?: Maybe<Agreement>;
  /** Id of the agreement. */
  readonly agreementId: Scalars['ID']['output'];
  /** Whether a later correction changed this fact (the summary and date show the corrected data). */
  readonly corrected: Scalars['Boolean']['output'];
  /** The event's id. */
  readonly eventId: Scalars['ID']['output'];
  /** Position in the log. */
  readonly position: Scalars['Position']['output'];
  /** Recorded time. */
  readonly recordedAt: Scalars['DateTime']['output'];
  /** A short reference: opinion or registry number, milestone id, counterpart name, corrected event id... */
  readonly reference?: Maybe<Scalars['String']['output']>;
  /** Short description in Spanish. */
  readonly summary: Scalars['String']['output'];
  /** Event type. */
  readonly type: AgreementEventType;
  /** Valid time: the legal day of the fact, as corrected (null for corrections). */
  readonly validAt?: Maybe<Scalars['Date']['output']>;
};

/** Criteria for timeline entries (AND across criteria, OR inside a list). */
export type TimelineFilter = {
  /** Agreement ids (UUIDs or global ids). */
  readonly agreements?: InputMaybe<ReadonlyArray<Scalars['ID']['input']>>;
  /** Counterpart countries (ISO 3166-1). */
  readonly countries?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** Kinds of agreement. */
  readonly kinds?: InputMaybe<ReadonlyArray<AgreementKind>>;
  /** INEGI municipality codes. */
  readonly municipalities?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** Priority region ids of the policy in force today. */
  readonly regions?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** INEGI state codes (a state matches its municipalities' agreements). */
  readonly states?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** Theme codes. */
  readonly themes?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** Event types. */
  readonly types?: InputMaybe<ReadonlyArray<AgreementEventType>>;
  /** Legal days (valid time), both ends inclusive; corrections (with no legal day) are left out when given. */
  readonly validBetween?: InputMaybe<DateRange>;
};

/** The term of an agreement as stated in its text (vigencia). */
export type Validity = {
  readonly __typename?: 'Validity';
  /** Whether it renews itself automatically (renovación automática). */
  readonly automaticRenewal: Scalars['Boolean']['output'];
  /** Duration in months, counted from entry into force or signature, when no end date is stated. */
  readonly durationMonths?: Maybe<Scalars['Int']['output']>;
  /** Last day of the term, when stated. */
  readonly endsOn?: Maybe<Scalars['Date']['output']>;
  /** First day of the term, when stated. */
  readonly startsOn?: Maybe<Scalars['Date']['output']>;
};

/** The agreement's term (vigencia): an end date or a duration, never both. */
export type ValidityInput = {
  /** Whether the term renews itself (renovación automática). Defaults to false. */
  readonly automaticRenewal?: InputMaybe<Scalars['Boolean']['input']>;
  /** Term in months, when the text states a duration instead of an end date. */
  readonly durationMonths?: InputMaybe<Scalars['Int']['input']>;
  /** Last day of the term, if the text states it. */
  readonly endsOn?: InputMaybe<Scalars['Date']['input']>;
  /** First day the agreement applies, if the text states it. */
  readonly startsOn?: InputMaybe<Scalars['Date']['input']>;
};

/** The caller of a request. */
export type Viewer = {
  readonly __typename?: 'Viewer';
  /** INEGI codes of the states (CVE_ENT) or municipalities (CVEGEO) a subnational user acts for. */
  readonly entities: ReadonlyArray<Scalars['String']['output']>;
  /** Who the token names. */
  readonly id: Scalars['String']['output'];
  /** Their role: sre-legal, subnational, parliament or admin. */
  readonly role: Scalars['String']['output'];
};

export { VisibilityScope };

/** An event a command wrote to the log. */
export type WrittenEvent = {
  readonly __typename?: 'WrittenEvent';
  /** The event's id in the log: the id a correction names as `correctedEventId`. */
  readonly eventId: Scalars['ID']['output'];
  /** The event type, e.g. AgreementSigned. */
  readonly type: Scalars['String']['output'];
  /** The date the fact refers to (valid time), e.g. the signature date; null for a fact without one, such as a correction. */
  readonly validOn?: Maybe<Scalars['Date']['output']>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;




/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Node:
    | ( AgreementView )
    | ( FindingParent )
    | ( CounterpartEntry )
    | ( CountryParent )
    | ( EntityParent )
    | ( PolicyVersionRecord )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AdoptWorkPlanInput: AdoptWorkPlanInput;
  Agreement: ResolverTypeWrapper<AgreementView>;
  AgreementCommandPayload: ResolverTypeWrapper<AgreementPayload>;
  AgreementConnection: ResolverTypeWrapper<Omit<AgreementConnection, 'edges'> & { edges: ReadonlyArray<ResolversTypes['AgreementEdge']> }>;
  AgreementCounterpart: ResolverTypeWrapper<CounterpartView>;
  AgreementEdge: ResolverTypeWrapper<Omit<AgreementEdge, 'node'> & { node: ResolversTypes['Agreement'] }>;
  AgreementEventType: AgreementEventType;
  AgreementFilter: AgreementFilter;
  AgreementKind: AgreementKind;
  AgreementSort: AgreementSort;
  AgreementSortField: AgreementSortField;
  AgreementStatus: AgreementStatus;
  AmendAgreementInput: AmendAgreementInput;
  Approval: ResolverTypeWrapper<Approval>;
  ApprovalBody: ApprovalBody;
  AuditFinding: ResolverTypeWrapper<FindingParent>;
  AuditFindingConnection: ResolverTypeWrapper<Omit<AuditFindingConnection, 'edges'> & { edges: ReadonlyArray<ResolversTypes['AuditFindingEdge']> }>;
  AuditFindingEdge: ResolverTypeWrapper<Omit<AuditFindingEdge, 'node'> & { node: ResolversTypes['AuditFinding'] }>;
  AuditFindingFilter: AuditFindingFilter;
  AuditRule: AuditRule;
  AuditRuleDescription: ResolverTypeWrapper<AuditRuleDescription>;
  AuditSummary: ResolverTypeWrapper<AuditSummary>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ChainBreak: ResolverTypeWrapper<ChainBreakRecord>;
  ChainBreakReason: ChainBreakReason;
  CityNetwork: ResolverTypeWrapper<CityNetwork>;
  CorrectFactInput: CorrectFactInput;
  CorrectedFactInput: CorrectedFactInput;
  Count: ResolverTypeWrapper<Count>;
  Counterpart: ResolverTypeWrapper<CounterpartEntry>;
  CounterpartConnection: ResolverTypeWrapper<Omit<CounterpartConnection, 'edges'> & { edges: ReadonlyArray<ResolversTypes['CounterpartEdge']> }>;
  CounterpartCountry: ResolverTypeWrapper<CountryParent>;
  CounterpartEdge: ResolverTypeWrapper<Omit<CounterpartEdge, 'node'> & { node: ResolversTypes['Counterpart'] }>;
  CounterpartFilter: CounterpartFilter;
  CounterpartInput: CounterpartInput;
  CounterpartKind: CounterpartKind;
  Country: ResolverTypeWrapper<Country>;
  Currency: ResolverTypeWrapper<Currency>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateRange: DateRange;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EndDateSource: EndDateSource;
  EnterIntoForceInput: EnterIntoForceInput;
  Entity: ResolverTypeWrapper<EntityParent>;
  EntityConnection: ResolverTypeWrapper<Omit<EntityConnection, 'edges'> & { edges: ReadonlyArray<ResolversTypes['EntityEdge']> }>;
  EntityEdge: ResolverTypeWrapper<Omit<EntityEdge, 'node'> & { node: ResolversTypes['Entity'] }>;
  EntityFilter: EntityFilter;
  EntityNetworks: ResolverTypeWrapper<Omit<EntityNetworks, 'current' | 'past'> & { current: ReadonlyArray<ResolversTypes['NetworkMembership']>, past: ReadonlyArray<ResolversTypes['PastNetworkMembership']> }>;
  EntityProfileCommandPayload: ResolverTypeWrapper<EntityProfilePayload>;
  EventActor: ResolverTypeWrapper<EventActor>;
  FieldChange: ResolverTypeWrapper<FieldChange>;
  FileSignedCopyInput: FileSignedCopyInput;
  FindingsChangedFilter: FindingsChangedFilter;
  FindingsUpdate: ResolverTypeWrapper<Omit<FindingsUpdate, 'raised' | 'resolved'> & { raised: ReadonlyArray<ResolversTypes['AuditFinding']>, resolved: ReadonlyArray<ResolversTypes['AuditFinding']> }>;
  Force: ResolverTypeWrapper<Force>;
  ForceMode: ForceMode;
  ForceModeCount: ResolverTypeWrapper<ForceModeCount>;
  GrantApprovalInput: GrantApprovalInput;
  HistoryEvent: ResolverTypeWrapper<VisibleHistoryEntry>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  IdentifyCounterpartInput: IdentifyCounterpartInput;
  InForceReport: ResolverTypeWrapper<InForceParent>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  IntegrityReport: ResolverTypeWrapper<ChainScan>;
  IssueSreOpinionInput: IssueSreOpinionInput;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  JoinCityNetworkInput: JoinCityNetworkInput;
  KindCount: ResolverTypeWrapper<KindCount>;
  Language: ResolverTypeWrapper<Language>;
  LeaveCityNetworkInput: LeaveCityNetworkInput;
  LocalisedText: ResolverTypeWrapper<LocalisedText>;
  Milestone: ResolverTypeWrapper<Milestone>;
  MilestoneKind: MilestoneKind;
  MilestoneRef: ResolverTypeWrapper<MilestoneRef>;
  Money: ResolverTypeWrapper<Money>;
  MoneyInput: MoneyInput;
  MultilateralAgendaInput: MultilateralAgendaInput;
  Municipality: ResolverTypeWrapper<Municipality>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NetworkMembership: ResolverTypeWrapper<MembershipView>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  ObjectiveProgress: ResolverTypeWrapper<ObjectiveProgress>;
  OpenAgreementInput: OpenAgreementInput;
  Opinion: ResolverTypeWrapper<Opinion>;
  OpinionOutcome: OpinionOutcome;
  Organisation: ResolverTypeWrapper<Organisation>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Party: ResolverTypeWrapper<PartyView>;
  PartyInput: PartyInput;
  PartyLevel: PartyLevel;
  PastNetworkMembership: ResolverTypeWrapper<MembershipView>;
  PolicyAgenda: ResolverTypeWrapper<PolicyAgenda>;
  PolicyCommandPayload: ResolverTypeWrapper<PolicyPayload>;
  PolicyDeadlines: ResolverTypeWrapper<PolicyDeadlines>;
  PolicyDeadlinesInput: PolicyDeadlinesInput;
  PolicyObjective: ResolverTypeWrapper<PolicyObjective>;
  PolicyRegion: ResolverTypeWrapper<PolicyRegionRecord>;
  PolicyRegionInput: PolicyRegionInput;
  PolicyVersion: ResolverTypeWrapper<PolicyVersionRecord>;
  Position: ResolverTypeWrapper<Scalars['Position']['output']>;
  PrivateSector: PrivateSector;
  ProgressLevel: ProgressLevel;
  ProgressRecord: ResolverTypeWrapper<ProgressRecord>;
  PublishPolicyVersionInput: PublishPolicyVersionInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordCooperationMilestoneInput: RecordCooperationMilestoneInput;
  RecordObjectiveProgressInput: RecordObjectiveProgressInput;
  ReferenceVersion: ResolverTypeWrapper<ReferenceVersion>;
  RegisterAgreementInput: RegisterAgreementInput;
  Registration: ResolverTypeWrapper<Registration>;
  RegistryEventFilter: RegistryEventFilter;
  RegistryEventNotice: ResolverTypeWrapper<DeliveredEvent>;
  RegistrySnapshot: ResolverTypeWrapper<PastRegistry>;
  RegistryStatistics: ResolverTypeWrapper<RegistryStatistics>;
  RegistryStatus: ResolverTypeWrapper<RegistryStatus>;
  RenewAgreementInput: RenewAgreementInput;
  Renewal: ResolverTypeWrapper<Renewal>;
  RenewalMode: RenewalMode;
  ResumeAgreementInput: ResumeAgreementInput;
  ReviseTextInput: ReviseTextInput;
  RuleCount: ResolverTypeWrapper<RuleCount>;
  Sdg: ResolverTypeWrapper<Sdg>;
  Severity: Severity;
  SeverityCount: ResolverTypeWrapper<SeverityCount>;
  SignAgreementInput: SignAgreementInput;
  Signatory: ResolverTypeWrapper<Signatory>;
  SignatoryInput: SignatoryInput;
  SignatorySide: SignatorySide;
  Signature: ResolverTypeWrapper<SignatureView>;
  SortDirection: SortDirection;
  State: ResolverTypeWrapper<State>;
  StatusCount: ResolverTypeWrapper<StatusCount>;
  StrategyObjective: StrategyObjective;
  StrategyObjectiveNameInput: StrategyObjectiveNameInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subdivision: ResolverTypeWrapper<Subdivision>;
  SubmitTextToSreInput: SubmitTextToSreInput;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SuspendAgreementInput: SuspendAgreementInput;
  Suspension: ResolverTypeWrapper<Suspension>;
  TerminateAgreementInput: TerminateAgreementInput;
  Termination: ResolverTypeWrapper<Termination>;
  TerminationCause: TerminationCause;
  Theme: ResolverTypeWrapper<Theme>;
  TimelineConnection: ResolverTypeWrapper<Omit<TimelineConnection, 'edges'> & { edges: ReadonlyArray<ResolversTypes['TimelineEdge']> }>;
  TimelineEdge: ResolverTypeWrapper<Omit<TimelineEdge, 'node'> & { node: ResolversTypes['TimelineEntry'] }>;
  TimelineEntry: ResolverTypeWrapper<TimelineEntryRecord>;
  TimelineFilter: TimelineFilter;
  Validity: ResolverTypeWrapper<Validity>;
  ValidityInput: ValidityInput;
  Viewer: ResolverTypeWrapper<Viewer>;
  VisibilityScope: VisibilityScope;
  WrittenEvent: ResolverTypeWrapper<WrittenEvent>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AdoptWorkPlanInput: AdoptWorkPlanInput;
  Agreement: AgreementView;
  AgreementCommandPayload: AgreementPayload;
  AgreementConnection: Omit<AgreementConnection, 'edges'> & { edges: ReadonlyArray<ResolversParentTypes['AgreementEdge']> };
  AgreementCounterpart: CounterpartView;
  AgreementEdge: Omit<AgreementEdge, 'node'> & { node: ResolversParentTypes['Agreement'] };
  AgreementFilter: AgreementFilter;
  AgreementSort: AgreementSort;
  AmendAgreementInput: AmendAgreementInput;
  Approval: Approval;
  AuditFinding: FindingParent;
  AuditFindingConnection: Omit<AuditFindingConnection, 'edges'> & { edges: ReadonlyArray<ResolversParentTypes['AuditFindingEdge']> };
  AuditFindingEdge: Omit<AuditFindingEdge, 'node'> & { node: ResolversParentTypes['AuditFinding'] };
  AuditFindingFilter: AuditFindingFilter;
  AuditRuleDescription: AuditRuleDescription;
  AuditSummary: AuditSummary;
  Boolean: Scalars['Boolean']['output'];
  ChainBreak: ChainBreakRecord;
  CityNetwork: CityNetwork;
  CorrectFactInput: CorrectFactInput;
  CorrectedFactInput: CorrectedFactInput;
  Count: Count;
  Counterpart: CounterpartEntry;
  CounterpartConnection: Omit<CounterpartConnection, 'edges'> & { edges: ReadonlyArray<ResolversParentTypes['CounterpartEdge']> };
  CounterpartCountry: CountryParent;
  CounterpartEdge: Omit<CounterpartEdge, 'node'> & { node: ResolversParentTypes['Counterpart'] };
  CounterpartFilter: CounterpartFilter;
  CounterpartInput: CounterpartInput;
  Country: Country;
  Currency: Currency;
  Date: Scalars['Date']['output'];
  DateRange: DateRange;
  DateTime: Scalars['DateTime']['output'];
  EnterIntoForceInput: EnterIntoForceInput;
  Entity: EntityParent;
  EntityConnection: Omit<EntityConnection, 'edges'> & { edges: ReadonlyArray<ResolversParentTypes['EntityEdge']> };
  EntityEdge: Omit<EntityEdge, 'node'> & { node: ResolversParentTypes['Entity'] };
  EntityFilter: EntityFilter;
  EntityNetworks: Omit<EntityNetworks, 'current' | 'past'> & { current: ReadonlyArray<ResolversParentTypes['NetworkMembership']>, past: ReadonlyArray<ResolversParentTypes['PastNetworkMembership']> };
  EntityProfileCommandPayload: EntityProfilePayload;
  EventActor: EventActor;
  FieldChange: FieldChange;
  FileSignedCopyInput: FileSignedCopyInput;
  FindingsChangedFilter: FindingsChangedFilter;
  FindingsUpdate: Omit<FindingsUpdate, 'raised' | 'resolved'> & { raised: ReadonlyArray<ResolversParentTypes['AuditFinding']>, resolved: ReadonlyArray<ResolversParentTypes['AuditFinding']> };
  Force: Force;
  ForceModeCount: ForceModeCount;
  GrantApprovalInput: GrantApprovalInput;
  HistoryEvent: VisibleHistoryEntry;
  ID: Scalars['ID']['output'];
  IdentifyCounterpartInput: IdentifyCounterpartInput;
  InForceReport: InForceParent;
  Int: Scalars['Int']['output'];
  IntegrityReport: ChainScan;
  IssueSreOpinionInput: IssueSreOpinionInput;
  JSON: Scalars['JSON']['output'];
  JoinCityNetworkInput: JoinCityNetworkInput;
  KindCount: KindCount;
  Language: Language;
  LeaveCityNetworkInput: LeaveCityNetworkInput;
  LocalisedText: LocalisedText;
  Milestone: Milestone;
  MilestoneRef: MilestoneRef;
  Money: Money;
  MoneyInput: MoneyInput;
  MultilateralAgendaInput: MultilateralAgendaInput;
  Municipality: Municipality;
  Mutation: Record<PropertyKey, never>;
  NetworkMembership: MembershipView;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  ObjectiveProgress: ObjectiveProgress;
  OpenAgreementInput: OpenAgreementInput;
  Opinion: Opinion;
  Organisation: Organisation;
  PageInfo: PageInfo;
  Party: PartyView;
  PartyInput: PartyInput;
  PastNetworkMembership: MembershipView;
  PolicyAgenda: PolicyAgenda;
  PolicyCommandPayload: PolicyPayload;
  PolicyDeadlines: PolicyDeadlines;
  PolicyDeadlinesInput: PolicyDeadlinesInput;
  PolicyObjective: PolicyObjective;
  PolicyRegion: PolicyRegionRecord;
  PolicyRegionInput: PolicyRegionInput;
  PolicyVersion: PolicyVersionRecord;
  Position: Scalars['Position']['output'];
  ProgressRecord: ProgressRecord;
  PublishPolicyVersionInput: PublishPolicyVersionInput;
  Query: Record<PropertyKey, never>;
  RecordCooperationMilestoneInput: RecordCooperationMilestoneInput;
  RecordObjectiveProgressInput: RecordObjectiveProgressInput;
  ReferenceVersion: ReferenceVersion;
  RegisterAgreementInput: RegisterAgreementInput;
  Registration: Registration;
  RegistryEventFilter: RegistryEventFilter;
  RegistryEventNotice: DeliveredEvent;
  RegistrySnapshot: PastRegistry;
  RegistryStatistics: RegistryStatistics;
  RegistryStatus: RegistryStatus;
  RenewAgreementInput: RenewAgreementInput;
  Renewal: Renewal;
  ResumeAgreementInput: ResumeAgreementInput;
  ReviseTextInput: ReviseTextInput;
  RuleCount: RuleCount;
  Sdg: Sdg;
  SeverityCount: SeverityCount;
  SignAgreementInput: SignAgreementInput;
  Signatory: Signatory;
  SignatoryInput: SignatoryInput;
  Signature: SignatureView;
  State: State;
  StatusCount: StatusCount;
  StrategyObjectiveNameInput: StrategyObjectiveNameInput;
  String: Scalars['String']['output'];
  Subdivision: Subdivision;
  SubmitTextToSreInput: SubmitTextToSreInput;
  Subscription: Record<PropertyKey, never>;
  SuspendAgreementInput: SuspendAgreementInput;
  Suspension: Suspension;
  TerminateAgreementInput: TerminateAgreementInput;
  Termination: Termination;
  Theme: Theme;
  TimelineConnection: Omit<TimelineConnection, 'edges'> & { edges: ReadonlyArray<ResolversParentTypes['TimelineEdge']> };
  TimelineEdge: Omit<TimelineEdge, 'node'> & { node: ResolversParentTypes['TimelineEntry'] };
  TimelineEntry: TimelineEntryRecord;
  TimelineFilter: TimelineFilter;
  Validity: Validity;
  ValidityInput: ValidityInput;
  Viewer: Viewer;
  WrittenEvent: WrittenEvent;
};

export type AgreementResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Agreement'] = ResolversParentTypes['Agreement']> = {
  agreementId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  amendmentCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  approvals?: Resolver<ReadonlyArray<ResolversTypes['Approval']>, ParentType, ContextType>;
  asOf?: Resolver<Maybe<ResolversTypes['Agreement']>, ParentType, ContextType, RequireFields<AgreementAsOfArgs, 'instant'>>;
  correctionCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  counterparts?: Resolver<ReadonlyArray<ResolversTypes['AgreementCounterpart']>, ParentType, ContextType>;
  createdRecordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  diff?: Resolver<ReadonlyArray<ResolversTypes['FieldChange']>, ParentType, ContextType, RequireFields<AgreementDiffArgs, 'from' | 'to'>>;
  endDateSource?: Resolver<Maybe<ResolversTypes['EndDateSource']>, ParentType, ContextType>;
  endsOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  enteredIntoForceOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  findings?: Resolver<Maybe<ReadonlyArray<ResolversTypes['AuditFinding']>>, ParentType, ContextType, Partial<AgreementFindingsArgs>>;
  findingsCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType, Partial<AgreementFindingsCountArgs>>;
  firstSubmittedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  force?: Resolver<Maybe<ResolversTypes['Force']>, ParentType, ContextType>;
  forceStartedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  history?: Resolver<ReadonlyArray<ResolversTypes['HistoryEvent']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inForceOn?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<AgreementInForceOnArgs, 'date'>>;
  integrity?: Resolver<ResolversTypes['IntegrityReport'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AgreementKind'], ParentType, ContextType>;
  knownAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  languages?: Resolver<ReadonlyArray<ResolversTypes['Language']>, ParentType, ContextType>;
  lastEventPosition?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  lastMilestone?: Resolver<Maybe<ResolversTypes['MilestoneRef']>, ParentType, ContextType>;
  lastRecordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lastRenewal?: Resolver<Maybe<ResolversTypes['Renewal']>, ParentType, ContextType>;
  lastSubmittedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  milestoneCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  milestones?: Resolver<ReadonlyArray<ResolversTypes['Milestone']>, ParentType, ContextType>;
  objectives?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  openedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  opinions?: Resolver<ReadonlyArray<ResolversTypes['Opinion']>, ParentType, ContextType>;
  parties?: Resolver<ReadonlyArray<ResolversTypes['Party']>, ParentType, ContextType>;
  provisionalApplicationOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  published?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  registration?: Resolver<Maybe<ResolversTypes['Registration']>, ParentType, ContextType>;
  renewalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  revisionCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sdgs?: Resolver<ReadonlyArray<ResolversTypes['Sdg']>, ParentType, ContextType>;
  signature?: Resolver<Maybe<ResolversTypes['Signature']>, ParentType, ContextType>;
  signedCopyFiledOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AgreementStatus'], ParentType, ContextType, Partial<AgreementStatusArgs>>;
  submissions?: Resolver<ReadonlyArray<ResolversTypes['Date']>, ParentType, ContextType>;
  suspensions?: Resolver<ReadonlyArray<ResolversTypes['Suspension']>, ParentType, ContextType>;
  termination?: Resolver<Maybe<ResolversTypes['Termination']>, ParentType, ContextType>;
  themes?: Resolver<ReadonlyArray<ResolversTypes['Theme']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validity?: Resolver<ResolversTypes['Validity'], ParentType, ContextType>;
  workPlanCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AgreementCommandPayloadResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['AgreementCommandPayload'] = ResolversParentTypes['AgreementCommandPayload']> = {
  agreement?: Resolver<Maybe<ResolversTypes['Agreement']>, ParentType, ContextType>;
  agreementId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  events?: Resolver<ReadonlyArray<ResolversTypes['WrittenEvent']>, ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['Position']>, ParentType, ContextType>;
  replayed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AgreementConnectionResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['AgreementConnection'] = ResolversParentTypes['AgreementConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['AgreementEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AgreementCounterpartResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['AgreementCounterpart'] = ResolversParentTypes['AgreementCounterpart']> = {
  counterpart?: Resolver<Maybe<ResolversTypes['Counterpart']>, ParentType, ContextType>;
  country?: Resolver<Maybe<ResolversTypes['Country']>, ParentType, ContextType>;
  iatiId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['CounterpartKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  organisation?: Resolver<Maybe<ResolversTypes['Organisation']>, ParentType, ContextType>;
  organisationId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  parentSubdivision?: Resolver<Maybe<ResolversTypes['Subdivision']>, ParentType, ContextType>;
  sector?: Resolver<Maybe<ResolversTypes['PrivateSector']>, ParentType, ContextType>;
  subdivision?: Resolver<Maybe<ResolversTypes['Subdivision']>, ParentType, ContextType>;
  wikidataId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AgreementEdgeResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['AgreementEdge'] = ResolversParentTypes['AgreementEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Agreement'], ParentType, ContextType>;
};

export type AgreementEventTypeResolvers = EnumResolverSignature<{ AGREEMENT_AMENDED?: any, AGREEMENT_ENTERED_INTO_FORCE?: any, AGREEMENT_OPENED?: any, AGREEMENT_REGISTERED?: any, AGREEMENT_RENEWED?: any, AGREEMENT_RESUMED?: any, AGREEMENT_SIGNED?: any, AGREEMENT_SUSPENDED?: any, AGREEMENT_TERMINATED?: any, APPROVAL_GRANTED?: any, COOPERATION_MILESTONE_RECORDED?: any, COUNTERPART_IDENTIFIED?: any, FACT_CORRECTED?: any, SIGNED_COPY_FILED?: any, SRE_OPINION_ISSUED?: any, TEXT_REVISED?: any, TEXT_SUBMITTED_TO_SRE?: any, WORK_PLAN_ADOPTED?: any }, ResolversTypes['AgreementEventType']>;

export type AgreementKindResolvers = EnumResolverSignature<{ COOPERATION_AGREEMENT?: any, DECLARATORY_TWINNING?: any, LETTER_OF_INTENT?: any, MEMORANDUM_OF_UNDERSTANDING?: any, TWINNING?: any }, ResolversTypes['AgreementKind']>;

export type AgreementSortFieldResolvers = EnumResolverSignature<{ LAST_RECORDED_AT?: any, OPENED_ON?: any, REGISTERED_ON?: any, SIGNED_ON?: any, TITLE?: any }, ResolversTypes['AgreementSortField']>;

export type AgreementStatusResolvers = EnumResolverSignature<{ DECLARATORY?: any, DRAFT?: any, EXPIRED?: any, IN_FORCE?: any, OPINION_ISSUED?: any, REGISTERED?: any, SIGNED?: any, SUSPENDED?: any, TERMINATED?: any, UNDER_SRE_REVIEW?: any }, ResolversTypes['AgreementStatus']>;

export type ApprovalResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Approval'] = ResolversParentTypes['Approval']> = {
  approvedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['ApprovalBody'], ParentType, ContextType>;
  entityCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ApprovalBodyResolvers = EnumResolverSignature<{ MUNICIPAL_COUNCIL?: any, STATE_CONGRESS?: any }, ResolversTypes['ApprovalBody']>;

export type AuditFindingResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['AuditFinding'] = ResolversParentTypes['AuditFinding']> = {
  agreement?: Resolver<Maybe<ResolversTypes['Agreement']>, ParentType, ContextType>;
  agreementId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  evidence?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  explanation?: Resolver<ResolversTypes['LocalisedText'], ParentType, ContextType>;
  findingId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  heuristic?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  policyVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  raisedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  raisedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  relatedAgreements?: Resolver<ReadonlyArray<ResolversTypes['Agreement']>, ParentType, ContextType>;
  resolvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  resolvedBy?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  resolvedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['AuditRule'], ParentType, ContextType>;
  ruleDescription?: Resolver<ResolversTypes['AuditRuleDescription'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['Severity'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AuditFindingConnectionResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['AuditFindingConnection'] = ResolversParentTypes['AuditFindingConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['AuditFindingEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AuditFindingEdgeResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['AuditFindingEdge'] = ResolversParentTypes['AuditFindingEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuditFinding'], ParentType, ContextType>;
};

export type AuditRuleResolvers = EnumResolverSignature<{ DECLARATORY_ONLY?: any, DORMANT?: any, DUPLICATE_TWINNING?: any, EXPIRED_STILL_ACTIVE?: any, FOREIGN_CURRENCY_BORROWING?: any, MILESTONE_AFTER_END?: any, NOT_ALIGNED_WITH_PRIORITIES?: any, OPINION_AFTER_SIGNATURE?: any, OUTSIDE_POWERS?: any, PRIVATE_COUNTERPART?: any, REGISTRATION_OVERDUE?: any, SIGNED_AFTER_UNFAVOURABLE_OPINION?: any, SIGNED_WITHOUT_OPINION?: any, STATE_TREATY_WITH_SOVEREIGN?: any }, ResolversTypes['AuditRule']>;

export type AuditRuleDescriptionResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['AuditRuleDescription'] = ResolversParentTypes['AuditRuleDescription']> = {
  basis?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  heuristic?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['AuditRule'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['Severity'], ParentType, ContextType>;
  timeDependent?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['LocalisedText'], ParentType, ContextType>;
};

export type AuditSummaryResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['AuditSummary'] = ResolversParentTypes['AuditSummary']> = {
  asOf?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  byRule?: Resolver<ReadonlyArray<ResolversTypes['RuleCount']>, ParentType, ContextType>;
  bySeverity?: Resolver<ReadonlyArray<ResolversTypes['SeverityCount']>, ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resolved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ChainBreakResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['ChainBreak'] = ResolversParentTypes['ChainBreak']> = {
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['ChainBreakReason'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stream?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ChainBreakReasonResolvers = EnumResolverSignature<{ HASH_MISMATCH?: any, HASH_MISSING?: any, PREVIOUS_HASH_MISMATCH?: any }, ResolversTypes['ChainBreakReason']>;

export type CityNetworkResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['CityNetwork'] = ResolversParentTypes['CityNetwork']> = {
  acronymEn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  acronymEs?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  convenedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameEn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameEs?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CountResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Count'] = ResolversParentTypes['Count']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CounterpartResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Counterpart'] = ResolversParentTypes['Counterpart']> = {
  agreementCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  agreements?: Resolver<ResolversTypes['AgreementConnection'], ParentType, ContextType, Partial<CounterpartAgreementsArgs>>;
  country?: Resolver<Maybe<ResolversTypes['Country']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['CounterpartKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  organisation?: Resolver<Maybe<ResolversTypes['Organisation']>, ParentType, ContextType>;
  subdivision?: Resolver<Maybe<ResolversTypes['Subdivision']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CounterpartConnectionResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['CounterpartConnection'] = ResolversParentTypes['CounterpartConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['CounterpartEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CounterpartCountryResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['CounterpartCountry'] = ResolversParentTypes['CounterpartCountry']> = {
  agreementCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  agreements?: Resolver<ResolversTypes['AgreementConnection'], ParentType, ContextType, Partial<CounterpartCountryAgreementsArgs>>;
  byParty?: Resolver<ReadonlyArray<ResolversTypes['Count']>, ParentType, ContextType>;
  byState?: Resolver<ReadonlyArray<ResolversTypes['Count']>, ParentType, ContextType>;
  counterpartCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  counterparts?: Resolver<ReadonlyArray<ResolversTypes['Counterpart']>, ParentType, ContextType>;
  country?: Resolver<ResolversTypes['Country'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CounterpartEdgeResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['CounterpartEdge'] = ResolversParentTypes['CounterpartEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Counterpart'], ParentType, ContextType>;
};

export type CounterpartKindResolvers = EnumResolverSignature<{ FOREIGN_LOCAL_GOVERNMENT?: any, FOREIGN_NATIONAL_GOVERNMENT?: any, FOREIGN_SUBNATIONAL_GOVERNMENT?: any, INTERNATIONAL_ORGANISATION?: any, PRIVATE?: any }, ResolversTypes['CounterpartKind']>;

export type CountryResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Country'] = ResolversParentTypes['Country']> = {
  alpha3?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  isoName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameEn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameEs?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  numeric?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CurrencyResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Currency'] = ResolversParentTypes['Currency']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  minorUnits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nameEn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameEs?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  numeric?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EndDateSourceResolvers = EnumResolverSignature<{ DURATION_FROM_ENTRY_INTO_FORCE?: any, DURATION_FROM_SIGNATURE?: any, RENEWAL?: any, VALIDITY?: any }, ResolversTypes['EndDateSource']>;

export type EntityResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Entity'] = ResolversParentTypes['Entity']> = {
  agreementCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  agreements?: Resolver<ResolversTypes['AgreementConnection'], ParentType, ContextType, Partial<EntityAgreementsArgs>>;
  byKind?: Resolver<ReadonlyArray<ResolversTypes['KindCount']>, ParentType, ContextType>;
  byRegion?: Resolver<ReadonlyArray<ResolversTypes['Count']>, ParentType, ContextType>;
  byStatus?: Resolver<ReadonlyArray<ResolversTypes['StatusCount']>, ParentType, ContextType>;
  byTheme?: Resolver<ReadonlyArray<ResolversTypes['Count']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hasProfile?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inCatalogue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  includesMunicipalities?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['PartyLevel'], ParentType, ContextType>;
  municipalAgreementCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  networks?: Resolver<Maybe<ResolversTypes['EntityNetworks']>, ParentType, ContextType>;
  objectives?: Resolver<Maybe<ReadonlyArray<ResolversTypes['ObjectiveProgress']>>, ParentType, ContextType>;
  ownAgreementCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  state?: Resolver<Maybe<ResolversTypes['State']>, ParentType, ContextType>;
  stateCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  withoutPriorityRegion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type EntityConnectionResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['EntityConnection'] = ResolversParentTypes['EntityConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['EntityEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EntityEdgeResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['EntityEdge'] = ResolversParentTypes['EntityEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
};

export type EntityNetworksResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['EntityNetworks'] = ResolversParentTypes['EntityNetworks']> = {
  current?: Resolver<ReadonlyArray<ResolversTypes['NetworkMembership']>, ParentType, ContextType>;
  past?: Resolver<ReadonlyArray<ResolversTypes['PastNetworkMembership']>, ParentType, ContextType>;
};

export type EntityProfileCommandPayloadResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['EntityProfileCommandPayload'] = ResolversParentTypes['EntityProfileCommandPayload']> = {
  entity?: Resolver<Maybe<ResolversTypes['Entity']>, ParentType, ContextType>;
  entityCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  events?: Resolver<ReadonlyArray<ResolversTypes['WrittenEvent']>, ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['Position']>, ParentType, ContextType>;
  replayed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EventActorResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['EventActor'] = ResolversParentTypes['EventActor']> = {
  id?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type FieldChangeResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['FieldChange'] = ResolversParentTypes['FieldChange']> = {
  after?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type FindingsUpdateResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['FindingsUpdate'] = ResolversParentTypes['FindingsUpdate']> = {
  asOf?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['Position']>, ParentType, ContextType>;
  raised?: Resolver<ReadonlyArray<ResolversTypes['AuditFinding']>, ParentType, ContextType>;
  resolved?: Resolver<ReadonlyArray<ResolversTypes['AuditFinding']>, ParentType, ContextType>;
  resync?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  withdrawn?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ForceResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Force'] = ResolversParentTypes['Force']> = {
  effectiveOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['ForceMode'], ParentType, ContextType>;
};

export type ForceModeResolvers = EnumResolverSignature<{ IN_FORCE?: any, PROVISIONAL_APPLICATION?: any }, ResolversTypes['ForceMode']>;

export type ForceModeCountResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['ForceModeCount'] = ResolversParentTypes['ForceModeCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['ForceMode'], ParentType, ContextType>;
};

export type HistoryEventResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['HistoryEvent'] = ResolversParentTypes['HistoryEvent']> = {
  actor?: Resolver<ResolversTypes['EventActor'], ParentType, ContextType>;
  causationId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  correlationId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  data?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  hash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  previousHash?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['AgreementEventType'], ParentType, ContextType>;
  validAt?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
};

export type InForceReportResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['InForceReport'] = ResolversParentTypes['InForceReport']> = {
  agreements?: Resolver<ResolversTypes['AgreementConnection'], ParentType, ContextType, Partial<InForceReportAgreementsArgs>>;
  byCountry?: Resolver<ReadonlyArray<ResolversTypes['Count']>, ParentType, ContextType>;
  byMode?: Resolver<ReadonlyArray<ResolversTypes['ForceModeCount']>, ParentType, ContextType>;
  byRegion?: Resolver<ReadonlyArray<ResolversTypes['Count']>, ParentType, ContextType>;
  byState?: Resolver<ReadonlyArray<ResolversTypes['Count']>, ParentType, ContextType>;
  byTheme?: Resolver<ReadonlyArray<ResolversTypes['Count']>, ParentType, ContextType>;
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  policyVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['VisibilityScope'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  withoutPriorityRegion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type IntegrityReportResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['IntegrityReport'] = ResolversParentTypes['IntegrityReport']> = {
  breaks?: Resolver<ReadonlyArray<ResolversTypes['ChainBreak']>, ParentType, ContextType>;
  eventsChecked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  intact?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  streamsChecked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type KindCountResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['KindCount'] = ResolversParentTypes['KindCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AgreementKind'], ParentType, ContextType>;
};

export type LanguageResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Language'] = ResolversParentTypes['Language']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameEn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameEs?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nativeName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type LocalisedTextResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['LocalisedText'] = ResolversParentTypes['LocalisedText']> = {
  en?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  es?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MilestoneResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Milestone'] = ResolversParentTypes['Milestone']> = {
  amount?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  corrected?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  evidenceReference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['MilestoneKind'], ParentType, ContextType>;
  milestoneId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  occurredOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  sdgs?: Resolver<ReadonlyArray<ResolversTypes['Int']>, ParentType, ContextType>;
  themes?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MilestoneKindResolvers = EnumResolverSignature<{ EVENT?: any, EXCHANGE?: any, OTHER?: any, PROJECT?: any, REPORT?: any, TECHNICAL_ASSISTANCE?: any, TRAINING?: any, VISIT?: any }, ResolversTypes['MilestoneKind']>;

export type MilestoneRefResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['MilestoneRef'] = ResolversParentTypes['MilestoneRef']> = {
  kind?: Resolver<ResolversTypes['MilestoneKind'], ParentType, ContextType>;
  milestoneId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  occurredOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MunicipalityResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Municipality'] = ResolversParentTypes['Municipality']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  seat?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  stateCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  adoptWorkPlan?: Resolver<ResolversTypes['AgreementCommandPayload'], ParentType, ContextType, RequireFields<MutationAdoptWorkPlanArgs, 'agreementId' | 'commandId' | 'input'>>;
  amendAgreement?: Resolver<ResolversTypes['AgreementCommandPayload'], ParentType, ContextType, RequireFields<MutationAmendAgreementArgs, 'agreementId' | 'commandId' | 'input'>>;
  correctFact?: Resolver<ResolversTypes['AgreementCommandPayload'], ParentType, ContextType, RequireFields<MutationCorrectFactArgs, 'agreementId' | 'commandId' | 'input'>>;
  enterIntoForce?: Resolver<ResolversTypes['AgreementCommandPayload'], ParentType, ContextType, RequireFields<MutationEnterIntoForceArgs, 'agreementId' | 'commandId' | 'input'>>;
  fileSignedCopy?: Resolver<ResolversTypes['AgreementCommandPayload'], ParentType, ContextType, RequireFields<MutationFileSignedCopyArgs, 'agreementId' | 'commandId' | 'input'>>;
  grantApproval?: Resolver<ResolversTypes['AgreementCommandPayload'], ParentType, ContextType, RequireFields<MutationGrantApprovalArgs, 'agreementId' | 'commandId' | 'input'>>;
  identifyCounterpart?: Resolver<ResolversTypes['AgreementCommandPayload'], ParentType, ContextType, RequireFields<MutationIdentifyCounterpartArgs, 'agreementId' | 'commandId' | 'input'>>;
  issueSreOpinion?: Resolver<ResolversTypes['AgreementCommandPayload'], ParentType, ContextType, RequireFields<MutationIssueSreOpinionArgs, 'agreementId' | 'commandId' | 'input'>>;
  joinCityNetwork?: Resolver<ResolversTypes['EntityProfileCommandPayload'], ParentType, ContextType, RequireFields<MutationJoinCityNetworkArgs, 'commandId' | 'entityCode' | 'input'>>;
  leaveCityNetwork?: Resolver<ResolversTypes['EntityProfileCommandPayload'], ParentType, ContextType, RequireFields<MutationLeaveCityNetworkArgs, 'commandId' | 'entityCode' | 'input'>>;
  openAgreement?: Resolver<ResolversTypes['AgreementCommandPayload'], ParentType, ContextType, RequireFields<MutationOpenAgreementArgs, 'agreementId' | 'commandId' | 'input'>>;
  publishPolicyVersion?: Resolver<ResolversTypes['PolicyCommandPayload'], ParentType, ContextType, RequireFields<MutationPublishPolicyVersionArgs, 'commandId' | 'input'>>;
  recordCooperationMilestone?: Resolver<ResolversTypes['AgreementCommandPayload'], ParentType, ContextType, RequireFields<MutationRecordCooperationMilestoneArgs, 'agreementId' | 'commandId' | 'input'>>;
  recordObjectiveProgress?: Resolver<ResolversTypes['EntityProfileCommandPayload'], ParentType, ContextType, RequireFields<MutationRecordObjectiveProgressArgs, 'commandId' | 'entityCode' | 'input'>>;
  registerAgreement?: Resolver<ResolversTypes['AgreementCommandPayload'], ParentType, ContextType, RequireFields<MutationRegisterAgreementArgs, 'agreementId' | 'commandId' | 'input'>>;
  renewAgreement?: Resolver<ResolversTypes['AgreementCommandPayload'], ParentType, ContextType, RequireFields<MutationRenewAgreementArgs, 'agreementId' | 'commandId' | 'input'>>;
  resumeAgreement?: Resolver<ResolversTypes['AgreementCommandPayload'], ParentType, ContextType, RequireFields<MutationResumeAgreementArgs, 'agreementId' | 'commandId' | 'input'>>;
  reviseText?: Resolver<ResolversTypes['AgreementCommandPayload'], ParentType, ContextType, RequireFields<MutationReviseTextArgs, 'agreementId' | 'commandId' | 'input'>>;
  signAgreement?: Resolver<ResolversTypes['AgreementCommandPayload'], ParentType, ContextType, RequireFields<MutationSignAgreementArgs, 'agreementId' | 'commandId' | 'input'>>;
  submitTextToSre?: Resolver<ResolversTypes['AgreementCommandPayload'], ParentType, ContextType, RequireFields<MutationSubmitTextToSreArgs, 'agreementId' | 'commandId' | 'input'>>;
  suspendAgreement?: Resolver<ResolversTypes['AgreementCommandPayload'], ParentType, ContextType, RequireFields<MutationSuspendAgreementArgs, 'agreementId' | 'commandId' | 'input'>>;
  terminateAgreement?: Resolver<ResolversTypes['AgreementCommandPayload'], ParentType, ContextType, RequireFields<MutationTerminateAgreementArgs, 'agreementId' | 'commandId' | 'input'>>;
  whoAmI?: Resolver<Maybe<ResolversTypes['Viewer']>, ParentType, ContextType>;
};

export type NetworkMembershipResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['NetworkMembership'] = ResolversParentTypes['NetworkMembership']> = {
  joinedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  network?: Resolver<Maybe<ResolversTypes['CityNetwork']>, ParentType, ContextType>;
  networkId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type NodeResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'Agreement' | 'AuditFinding' | 'Counterpart' | 'CounterpartCountry' | 'Entity' | 'PolicyVersion', ParentType, ContextType>;
};

export type ObjectiveProgressResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['ObjectiveProgress'] = ResolversParentTypes['ObjectiveProgress']> = {
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  objective?: Resolver<ResolversTypes['StrategyObjective'], ParentType, ContextType>;
  progress?: Resolver<Maybe<ResolversTypes['ProgressRecord']>, ParentType, ContextType>;
};

export type OpinionResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Opinion'] = ResolversParentTypes['Opinion']> = {
  issuedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  observations?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  opinionNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['OpinionOutcome'], ParentType, ContextType>;
};

export type OpinionOutcomeResolvers = EnumResolverSignature<{ FAVOURABLE?: any, FAVOURABLE_WITH_OBSERVATIONS?: any, UNFAVOURABLE?: any }, ResolversTypes['OpinionOutcome']>;

export type OrganisationResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Organisation'] = ResolversParentTypes['Organisation']> = {
  acronymEn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  acronymEs?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameEn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameEs?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partOf?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  wikidata?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PartyResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Party'] = ResolversParentTypes['Party']> = {
  agency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  entity?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
  inCatalogue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['PartyLevel'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<Maybe<ResolversTypes['State']>, ParentType, ContextType>;
  stateCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PartyLevelResolvers = EnumResolverSignature<{ MUNICIPALITY?: any, STATE?: any }, ResolversTypes['PartyLevel']>;

export type PastNetworkMembershipResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['PastNetworkMembership'] = ResolversParentTypes['PastNetworkMembership']> = {
  joinedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  leftOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  network?: Resolver<Maybe<ResolversTypes['CityNetwork']>, ParentType, ContextType>;
  networkId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PolicyAgendaResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['PolicyAgenda'] = ResolversParentTypes['PolicyAgenda']> = {
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PolicyCommandPayloadResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['PolicyCommandPayload'] = ResolversParentTypes['PolicyCommandPayload']> = {
  events?: Resolver<ReadonlyArray<ResolversTypes['WrittenEvent']>, ParentType, ContextType>;
  policyVersion?: Resolver<Maybe<ResolversTypes['PolicyVersion']>, ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['Position']>, ParentType, ContextType>;
  replayed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PolicyDeadlinesResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['PolicyDeadlines'] = ResolversParentTypes['PolicyDeadlines']> = {
  dormancyMonths?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  opinionBeforeSignatureRequired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  registrationAfterSignatureDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PolicyObjectiveResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['PolicyObjective'] = ResolversParentTypes['PolicyObjective']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  objective?: Resolver<ResolversTypes['StrategyObjective'], ParentType, ContextType>;
};

export type PolicyRegionResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['PolicyRegion'] = ResolversParentTypes['PolicyRegion']> = {
  countries?: Resolver<ReadonlyArray<ResolversTypes['Country']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PolicyVersionResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['PolicyVersion'] = ResolversParentTypes['PolicyVersion']> = {
  deadlines?: Resolver<ResolversTypes['PolicyDeadlines'], ParentType, ContextType>;
  effectiveFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  multilateralAgendas?: Resolver<ReadonlyArray<ResolversTypes['PolicyAgenda']>, ParentType, ContextType>;
  priorityRegions?: Resolver<ReadonlyArray<ResolversTypes['PolicyRegion']>, ParentType, ContextType>;
  priorityThemes?: Resolver<ReadonlyArray<ResolversTypes['Theme']>, ParentType, ContextType>;
  publishedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  strategyObjectives?: Resolver<ReadonlyArray<ResolversTypes['PolicyObjective']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface PositionScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Position'], any> {
  name: 'Position';
}

export type PrivateSectorResolvers = EnumResolverSignature<{ COMPANY?: any, NGO?: any, OTHER?: any, UNIVERSITY?: any }, ResolversTypes['PrivateSector']>;

export type ProgressLevelResolvers = EnumResolverSignature<{ ACHIEVED?: any, IN_PROGRESS?: any, NOT_STARTED?: any }, ResolversTypes['ProgressLevel']>;

export type ProgressRecordResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['ProgressRecord'] = ResolversParentTypes['ProgressRecord']> = {
  level?: Resolver<ResolversTypes['ProgressLevel'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recordCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  recordedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  agreement?: Resolver<Maybe<ResolversTypes['Agreement']>, ParentType, ContextType, RequireFields<QueryAgreementArgs, 'id'>>;
  agreements?: Resolver<ResolversTypes['AgreementConnection'], ParentType, ContextType, Partial<QueryAgreementsArgs>>;
  auditFindings?: Resolver<ResolversTypes['AuditFindingConnection'], ParentType, ContextType, Partial<QueryAuditFindingsArgs>>;
  auditRules?: Resolver<ReadonlyArray<ResolversTypes['AuditRuleDescription']>, ParentType, ContextType, Partial<QueryAuditRulesArgs>>;
  auditSummary?: Resolver<ResolversTypes['AuditSummary'], ParentType, ContextType, Partial<QueryAuditSummaryArgs>>;
  counterpart?: Resolver<Maybe<ResolversTypes['Counterpart']>, ParentType, ContextType, RequireFields<QueryCounterpartArgs, 'key'>>;
  counterpartCountries?: Resolver<ReadonlyArray<ResolversTypes['CounterpartCountry']>, ParentType, ContextType, Partial<QueryCounterpartCountriesArgs>>;
  counterparts?: Resolver<ResolversTypes['CounterpartConnection'], ParentType, ContextType, Partial<QueryCounterpartsArgs>>;
  countries?: Resolver<ReadonlyArray<ResolversTypes['Country']>, ParentType, ContextType, Partial<QueryCountriesArgs>>;
  country?: Resolver<Maybe<ResolversTypes['CounterpartCountry']>, ParentType, ContextType, RequireFields<QueryCountryArgs, 'code'>>;
  currencies?: Resolver<ReadonlyArray<ResolversTypes['Currency']>, ParentType, ContextType, Partial<QueryCurrenciesArgs>>;
  entities?: Resolver<ResolversTypes['EntityConnection'], ParentType, ContextType, Partial<QueryEntitiesArgs>>;
  entity?: Resolver<Maybe<ResolversTypes['Entity']>, ParentType, ContextType, RequireFields<QueryEntityArgs, 'code'>>;
  inForceOn?: Resolver<ResolversTypes['InForceReport'], ParentType, ContextType, RequireFields<QueryInForceOnArgs, 'date'>>;
  languages?: Resolver<ReadonlyArray<ResolversTypes['Language']>, ParentType, ContextType, Partial<QueryLanguagesArgs>>;
  municipalities?: Resolver<ReadonlyArray<ResolversTypes['Municipality']>, ParentType, ContextType, Partial<QueryMunicipalitiesArgs>>;
  networks?: Resolver<ReadonlyArray<ResolversTypes['CityNetwork']>, ParentType, ContextType, Partial<QueryNetworksArgs>>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  organisations?: Resolver<ReadonlyArray<ResolversTypes['Organisation']>, ParentType, ContextType, Partial<QueryOrganisationsArgs>>;
  policyInForceOn?: Resolver<Maybe<ResolversTypes['PolicyVersion']>, ParentType, ContextType, RequireFields<QueryPolicyInForceOnArgs, 'date'>>;
  policyVersions?: Resolver<ReadonlyArray<ResolversTypes['PolicyVersion']>, ParentType, ContextType, Partial<QueryPolicyVersionsArgs>>;
  referenceVersions?: Resolver<ReadonlyArray<ResolversTypes['ReferenceVersion']>, ParentType, ContextType, Partial<QueryReferenceVersionsArgs>>;
  registryAsOf?: Resolver<ResolversTypes['RegistrySnapshot'], ParentType, ContextType, RequireFields<QueryRegistryAsOfArgs, 'instant'>>;
  registryIntegrity?: Resolver<ResolversTypes['IntegrityReport'], ParentType, ContextType>;
  registryStatus?: Resolver<ResolversTypes['RegistryStatus'], ParentType, ContextType, Partial<QueryRegistryStatusArgs>>;
  sdgs?: Resolver<ReadonlyArray<ResolversTypes['Sdg']>, ParentType, ContextType, Partial<QuerySdgsArgs>>;
  states?: Resolver<ReadonlyArray<ResolversTypes['State']>, ParentType, ContextType, Partial<QueryStatesArgs>>;
  statistics?: Resolver<ResolversTypes['RegistryStatistics'], ParentType, ContextType, Partial<QueryStatisticsArgs>>;
  subdivisions?: Resolver<ReadonlyArray<ResolversTypes['Subdivision']>, ParentType, ContextType, RequireFields<QuerySubdivisionsArgs, 'country'>>;
  themes?: Resolver<ReadonlyArray<ResolversTypes['Theme']>, ParentType, ContextType, Partial<QueryThemesArgs>>;
  timeline?: Resolver<ResolversTypes['TimelineConnection'], ParentType, ContextType, RequireFields<QueryTimelineArgs, 'order'>>;
};

export type ReferenceVersionResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['ReferenceVersion'] = ResolversParentTypes['ReferenceVersion']> = {
  catalogue?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RegistrationResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Registration'] = ResolversParentTypes['Registration']> = {
  registeredOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  registryNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RegistryEventNoticeResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['RegistryEventNotice'] = ResolversParentTypes['RegistryEventNotice']> = {
  actorId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  actorRole?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  agreementId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  causationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  correlationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  data?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  entityCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validAt?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
};

export type RegistrySnapshotResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['RegistrySnapshot'] = ResolversParentTypes['RegistrySnapshot']> = {
  agreement?: Resolver<Maybe<ResolversTypes['Agreement']>, ParentType, ContextType, RequireFields<RegistrySnapshotAgreementArgs, 'id'>>;
  agreements?: Resolver<ResolversTypes['AgreementConnection'], ParentType, ContextType, Partial<RegistrySnapshotAgreementsArgs>>;
  auditFindings?: Resolver<ResolversTypes['AuditFindingConnection'], ParentType, ContextType, Partial<RegistrySnapshotAuditFindingsArgs>>;
  day?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  inForceOn?: Resolver<ResolversTypes['InForceReport'], ParentType, ContextType, RequireFields<RegistrySnapshotInForceOnArgs, 'date'>>;
  instant?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  policy?: Resolver<Maybe<ResolversTypes['PolicyVersion']>, ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['Position']>, ParentType, ContextType>;
  statistics?: Resolver<ResolversTypes['RegistryStatistics'], ParentType, ContextType>;
};

export type RegistryStatisticsResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['RegistryStatistics'] = ResolversParentTypes['RegistryStatistics']> = {
  asOf?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  byKind?: Resolver<ReadonlyArray<ResolversTypes['KindCount']>, ParentType, ContextType>;
  byOpeningYear?: Resolver<ReadonlyArray<ResolversTypes['Count']>, ParentType, ContextType>;
  byRegion?: Resolver<ReadonlyArray<ResolversTypes['Count']>, ParentType, ContextType>;
  bySignatureYear?: Resolver<ReadonlyArray<ResolversTypes['Count']>, ParentType, ContextType>;
  byState?: Resolver<ReadonlyArray<ResolversTypes['Count']>, ParentType, ContextType>;
  byStatus?: Resolver<ReadonlyArray<ResolversTypes['StatusCount']>, ParentType, ContextType>;
  byTheme?: Resolver<ReadonlyArray<ResolversTypes['Count']>, ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['Position']>, ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['VisibilityScope'], ParentType, ContextType>;
  signed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  withoutPriorityRegion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RegistryStatusResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['RegistryStatus'] = ResolversParentTypes['RegistryStatus']> = {
  caughtUp?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['Position']>, ParentType, ContextType>;
  today?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type RenewalResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Renewal'] = ResolversParentTypes['Renewal']> = {
  mode?: Resolver<ResolversTypes['RenewalMode'], ParentType, ContextType>;
  newEndsOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  renewedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type RenewalModeResolvers = EnumResolverSignature<{ EXTENDED?: any, RENEWED?: any }, ResolversTypes['RenewalMode']>;

export type RuleCountResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['RuleCount'] = ResolversParentTypes['RuleCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['AuditRule'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['Severity'], ParentType, ContextType>;
};

export type SdgResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Sdg'] = ResolversParentTypes['Sdg']> = {
  nameEn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameEs?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SeverityResolvers = EnumResolverSignature<{ DATA_QUALITY?: any, LEGAL_BREACH?: any, POLICY_MISALIGNMENT?: any }, ResolversTypes['Severity']>;

export type SeverityCountResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['SeverityCount'] = ResolversParentTypes['SeverityCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['Severity'], ParentType, ContextType>;
};

export type SignatoryResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Signatory'] = ResolversParentTypes['Signatory']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  side?: Resolver<ResolversTypes['SignatorySide'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SignatorySideResolvers = EnumResolverSignature<{ COUNTERPART?: any, MEXICAN?: any }, ResolversTypes['SignatorySide']>;

export type SignatureResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Signature'] = ResolversParentTypes['Signature']> = {
  languages?: Resolver<ReadonlyArray<ResolversTypes['Language']>, ParentType, ContextType>;
  place?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  signatories?: Resolver<ReadonlyArray<ResolversTypes['Signatory']>, ParentType, ContextType>;
  signedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type StateResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['State'] = ResolversParentTypes['State']> = {
  abbreviation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  capital?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  isoCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shortName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type StatusCountResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['StatusCount'] = ResolversParentTypes['StatusCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AgreementStatus'], ParentType, ContextType>;
};

export type StrategyObjectiveResolvers = EnumResolverSignature<{ COMMUNICATION_STRATEGY?: any, MULTILATERAL_PARTICIPATION?: any, MULTI_ACTOR_PLATFORM?: any, PRIORITY_COOPERATION?: any, TECHNICAL_ASSISTANCE?: any, TRAINING?: any }, ResolversTypes['StrategyObjective']>;

export type SubdivisionResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Subdivision'] = ResolversParentTypes['Subdivision']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  countryCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  inCatalogue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  parentSubdivision?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  agreementChanged?: SubscriptionResolver<ResolversTypes['Agreement'], "agreementChanged", ParentType, ContextType, RequireFields<SubscriptionAgreementChangedArgs, 'id'>>;
  findingsChanged?: SubscriptionResolver<ResolversTypes['FindingsUpdate'], "findingsChanged", ParentType, ContextType, Partial<SubscriptionFindingsChangedArgs>>;
  registryEvents?: SubscriptionResolver<ResolversTypes['RegistryEventNotice'], "registryEvents", ParentType, ContextType, Partial<SubscriptionRegistryEventsArgs>>;
  statisticsChanged?: SubscriptionResolver<ResolversTypes['RegistryStatistics'], "statisticsChanged", ParentType, ContextType>;
};

export type SuspensionResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Suspension'] = ResolversParentTypes['Suspension']> = {
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  resumedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  suspendedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type TerminationResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Termination'] = ResolversParentTypes['Termination']> = {
  cause?: Resolver<ResolversTypes['TerminationCause'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  terminatedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type TerminationCauseResolvers = EnumResolverSignature<{ DENOUNCED?: any, MUTUAL_CONSENT?: any, OTHER?: any }, ResolversTypes['TerminationCause']>;

export type ThemeResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Theme'] = ResolversParentTypes['Theme']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  labelEn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  labelEs?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  priorityInSeed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type TimelineConnectionResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['TimelineConnection'] = ResolversParentTypes['TimelineConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['TimelineEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TimelineEdgeResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['TimelineEdge'] = ResolversParentTypes['TimelineEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['TimelineEntry'], ParentType, ContextType>;
};

export type TimelineEntryResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['TimelineEntry'] = ResolversParentTypes['TimelineEntry']> = {
  actorRole?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  agreement?: Resolver<Maybe<ResolversTypes['Agreement']>, ParentType, ContextType>;
  agreementId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  corrected?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['AgreementEventType'], ParentType, ContextType>;
  validAt?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
};

export type ValidityResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Validity'] = ResolversParentTypes['Validity']> = {
  automaticRenewal?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  durationMonths?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  endsOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  startsOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
};

export type ViewerResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = {
  entities?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type VisibilityScopeResolvers = EnumResolverSignature<{ ALL?: any, PUBLISHED?: any, PUBLISHED_AND_OWN?: any }, ResolversTypes['VisibilityScope']>;

export type WrittenEventResolvers<ContextType = RegistryContext, ParentType extends ResolversParentTypes['WrittenEvent'] = ResolversParentTypes['WrittenEvent']> = {
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = RegistryContext> = {
  Agreement?: AgreementResolvers<ContextType>;
  AgreementCommandPayload?: AgreementCommandPayloadResolvers<ContextType>;
  AgreementConnection?: AgreementConnectionResolvers<ContextType>;
  AgreementCounterpart?: AgreementCounterpartResolvers<ContextType>;
  AgreementEdge?: AgreementEdgeResolvers<ContextType>;
  AgreementEventType?: AgreementEventTypeResolvers;
  AgreementKind?: AgreementKindResolvers;
  AgreementSortField?: AgreementSortFieldResolvers;
  AgreementStatus?: AgreementStatusResolvers;
  Approval?: ApprovalResolvers<ContextType>;
  ApprovalBody?: ApprovalBodyResolvers;
  AuditFinding?: AuditFindingResolvers<ContextType>;
  AuditFindingConnection?: AuditFindingConnectionResolvers<ContextType>;
  AuditFindingEdge?: AuditFindingEdgeResolvers<ContextType>;
  AuditRule?: AuditRuleResolvers;
  AuditRuleDescription?: AuditRuleDescriptionResolvers<ContextType>;
  AuditSummary?: AuditSummaryResolvers<ContextType>;
  ChainBreak?: ChainBreakResolvers<ContextType>;
  ChainBreakReason?: ChainBreakReasonResolvers;
  CityNetwork?: CityNetworkResolvers<ContextType>;
  Count?: CountResolvers<ContextType>;
  Counterpart?: CounterpartResolvers<ContextType>;
  CounterpartConnection?: CounterpartConnectionResolvers<ContextType>;
  CounterpartCountry?: CounterpartCountryResolvers<ContextType>;
  CounterpartEdge?: CounterpartEdgeResolvers<ContextType>;
  CounterpartKind?: CounterpartKindResolvers;
  Country?: CountryResolvers<ContextType>;
  Currency?: CurrencyResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  EndDateSource?: EndDateSourceResolvers;
  Entity?: EntityResolvers<ContextType>;
  EntityConnection?: EntityConnectionResolvers<ContextType>;
  EntityEdge?: EntityEdgeResolvers<ContextType>;
  EntityNetworks?: EntityNetworksResolvers<ContextType>;
  EntityProfileCommandPayload?: EntityProfileCommandPayloadResolvers<ContextType>;
  EventActor?: EventActorResolvers<ContextType>;
  FieldChange?: FieldChangeResolvers<ContextType>;
  FindingsUpdate?: FindingsUpdateResolvers<ContextType>;
  Force?: ForceResolvers<ContextType>;
  ForceMode?: ForceModeResolvers;
  ForceModeCount?: ForceModeCountResolvers<ContextType>;
  HistoryEvent?: HistoryEventResolvers<ContextType>;
  InForceReport?: InForceReportResolvers<ContextType>;
  IntegrityReport?: IntegrityReportResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  KindCount?: KindCountResolvers<ContextType>;
  Language?: LanguageResolvers<ContextType>;
  LocalisedText?: LocalisedTextResolvers<ContextType>;
  Milestone?: MilestoneResolvers<ContextType>;
  MilestoneKind?: MilestoneKindResolvers;
  MilestoneRef?: MilestoneRefResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Municipality?: MunicipalityResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NetworkMembership?: NetworkMembershipResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  ObjectiveProgress?: ObjectiveProgressResolvers<ContextType>;
  Opinion?: OpinionResolvers<ContextType>;
  OpinionOutcome?: OpinionOutcomeResolvers;
  Organisation?: OrganisationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Party?: PartyResolvers<ContextType>;
  PartyLevel?: PartyLevelResolvers;
  PastNetworkMembership?: PastNetworkMembershipResolvers<ContextType>;
  PolicyAgenda?: PolicyAgendaResolvers<ContextType>;
  PolicyCommandPayload?: PolicyCommandPayloadResolvers<ContextType>;
  PolicyDeadlines?: PolicyDeadlinesResolvers<ContextType>;
  PolicyObjective?: PolicyObjectiveResolvers<ContextType>;
  PolicyRegion?: PolicyRegionResolvers<ContextType>;
  PolicyVersion?: PolicyVersionResolvers<ContextType>;
  Position?: GraphQLScalarType;
  PrivateSector?: PrivateSectorResolvers;
  ProgressLevel?: ProgressLevelResolvers;
  ProgressRecord?: ProgressRecordResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReferenceVersion?: ReferenceVersionResolvers<ContextType>;
  Registration?: RegistrationResolvers<ContextType>;
  RegistryEventNotice?: RegistryEventNoticeResolvers<ContextType>;
  RegistrySnapshot?: RegistrySnapshotResolvers<ContextType>;
  RegistryStatistics?: RegistryStatisticsResolvers<ContextType>;
  RegistryStatus?: RegistryStatusResolvers<ContextType>;
  Renewal?: RenewalResolvers<ContextType>;
  RenewalMode?: RenewalModeResolvers;
  RuleCount?: RuleCountResolvers<ContextType>;
  Sdg?: SdgResolvers<ContextType>;
  Severity?: SeverityResolvers;
  SeverityCount?: SeverityCountResolvers<ContextType>;
  Signatory?: SignatoryResolvers<ContextType>;
  SignatorySide?: SignatorySideResolvers;
  Signature?: SignatureResolvers<ContextType>;
  State?: StateResolvers<ContextType>;
  StatusCount?: StatusCountResolvers<ContextType>;
  StrategyObjective?: StrategyObjectiveResolvers;
  Subdivision?: SubdivisionResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Suspension?: SuspensionResolvers<ContextType>;
  Termination?: TerminationResolvers<ContextType>;
  TerminationCause?: TerminationCauseResolvers;
  Theme?: ThemeResolvers<ContextType>;
  TimelineConnection?: TimelineConnectionResolvers<ContextType>;
  TimelineEdge?: TimelineEdgeResolvers<ContextType>;
  TimelineEntry?: TimelineEntryResolvers<ContextType>;
  Validity?: ValidityResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
  VisibilityScope?: VisibilityScopeResolvers;
  WrittenEvent?: WrittenEventResolvers<ContextType>;
};

