import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { AGREEMENT_EVENT_TYPES } from '../../src/agreements/agreementEvents';
import { COMMAND_ROLES } from '../../src/access/permissions';
import { resolveTokenSettings } from '../../src/access/tokenSettings';
import { mintToken } from '../../src/access/tokens';
import { startRegistry, type RunningRegistry } from '../../src/app/registry';
import { loadConfig, type Config } from '../../src/config/config';
import type { RecordedEvent } from '../../src/eventStore/eventStore';

/*
 * The write side through the real server: HTTP, tokens, the schema, the parsers, the deciders, the
 * store and the read models. The registry's clock stands at 2025-06-15 18:00 UTC.
 */

type Variables = Record<string, unknown>;
interface GraphQLError {
  readonly message: string;
  readonly extensions?: Record<string, unknown>;
}
interface Response {
  readonly status: number;
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly GraphQLError[];
}
interface WrittenEvent {
  readonly eventId: string;
  readonly type: string;
  readonly validOn: string | null;
}
interface Payload {
  readonly revision: string;
  readonly position: string | null;
  readonly replayed: boolean;
  readonly events: readonly WrittenEvent[];
  readonly agreementId?: string;
  readonly agreement?: Record<string, unknown> | null;
  readonly version?: number;
  readonly policyVersion?: Record<string, unknown> | null;
  readonly entityCode?: string;
  readonly entity?: Record<string, unknown> | null;
}

type Caller = 'anonymous' | 'parliament' | 'admin' | 'sre' | 'guadalajara' | 'monterrey' | 'jalisco';

const GUADALAJARA = '14039';
const MONTERREY = '19039';

// ---------------------------------------------------------------------------------------------
// Operations

const AGREEMENT_SELECTION = `agreementId revision position replayed events { eventId type validOn }
  agreement { id agreementId title status counterparts { name } revisionCount signature { place signedOn } registration { registryNumber }
    milestoneCount workPlanCount amendmentCount renewalCount correctionCount suspensions { resumedOn } termination { cause } }`;

const SELECTIONS = {
  agreement: AGREEMENT_SELECTION,
  policy: 'version revision position replayed events { eventId type validOn } policyVersion { id version effectiveFrom priorityRegions { id } }',
  entity: `entityCode revision position replayed events { eventId type validOn }
    entity { code objectives { objective progress { level recordedOn } } networks { current { networkId } past { networkId leftOn } } }`,
} as const;

type Target = keyof typeof SELECTIONS;

const TARGET_ARGUMENT: Readonly<Record<Target, string>> = { agreement: 'agreementId: ID!', policy: '', entity: 'entityCode: String!' };

/** `mutation ($commandId: ID!, …) { result: signAgreement(…) { … } }`, its input type named after it. */
const documentFor = (mutation: string, target: Target): string => {
  const inputType = `${mutation.charAt(0).toUpperCase()}${mutation.slice(1)}Input`;
  const targetArgument = TARGET_ARGUMENT[target];
  const targetName = targetArgument.split(':')[0];
  const declared = ['$commandId: ID!', targetArgument && `$${targetArgument}`, '$expectedRevision: String', `$input: ${inputType}!`].filter(Boolean).join(', ');
  const passed = ['commandId: $commandId', targetName && `${targetName}: $${targetName}`, 'expectedRevision: $expectedRevision', 'input: $input'].filter(Boolean).join(', ');
  return `mutation (${declared}) { result: ${mutation}(${passed}) { ${SELECTIONS[target]} } }`;
};

/** What a client sends for one command: the mutation, its target and its input. */
interface Step {
  readonly mutation: string;
  readonly commandType: keyof typeof COMMAND_ROLES;
  readonly target: Target;
  readonly caller: Caller;
  readonly input: Variables;
  readonly event: string;
  readonly validOn: string | null;
  /** What the agreement shows once the read model applied the step. */
  readonly shows?: Record<string, unknown>;
}

const KYOTO = { kind: 'FOREIGN_LOCAL_GOVERNMENT', name: 'Kioto', country: 'JP', parentSubdivision: 'JP-26' };

const openInput = (overrides: Variables = {}): Variables => ({
  kind: 'TWINNING',
  title: 'Hermanamiento Guadalajara–Kioto',
  objectives: ['Intercambio cultural'],
  themes: ['culture', 'tourism'],
  sdgs: [11],
  languages: ['es', 'ja'],
  parties: [{ level: 'MUNICIPALITY', code: GUADALAJARA, agency: 'Ayuntamiento de Guadalajara' }],
  counterparts: [KYOTO],
  validity: { startsOn: '2024-05-02', automaticRenewal: false },
  openedOn: '2024-01-10',
  ...overrides,
});

const signInput = {
  signedOn: '2024-04-01',
  place: 'Guadalajara, Jalisco',
  signatories: [
    { name: 'Verónica Delgadillo', title: 'Presidenta municipal de Guadalajara', side: 'MEXICAN' },
    { name: 'Daisaku Kadokawa', title: 'Alcalde de Kioto', side: 'COUNTERPART' },
  ],
  languages: ['es', 'ja'],
};

const step = (mutation: string, caller: Caller, input: Variables, event: string, validOn: string | null, shows?: Record<string, unknown>): Step => ({
  mutation,
  commandType: `${mutation.charAt(0).toUpperCase()}${mutation.slice(1)}` as Step['commandType'],
  target: 'agreement',
  caller,
  input,
  event,
  validOn,
  ...(shows ? { shows } : {}),
});

/** The whole lifecycle of one twinning, in order, each step by the role that records it. */
const LIFECYCLE: readonly Step[] = [
  step('openAgreement', 'guadalajara', openInput(), 'AgreementOpened', '2024-01-10', { status: 'DRAFT', title: 'Hermanamiento Guadalajara–Kioto' }),
  step(
    'identifyCounterpart',
    'guadalajara',
    { counterpart: { kind: 'FOREIGN_SUBNATIONAL_GOVERNMENT', name: 'Prefectura de Kioto', country: 'JP', subdivision: 'JP-26' }, identifiedOn: '2024-01-20' },
    'CounterpartIdentified',
    '2024-01-20',
    { counterparts: [{ name: 'Kioto' }, { name: 'Prefectura de Kioto' }] },
  ),
  step('submitTextToSre', 'guadalajara', { submittedOn: '2024-02-01', textReference: 'Oficio PM/123/2024' }, 'TextSubmittedToSre', '2024-02-01', { status: 'UNDER_SRE_REVIEW' }),
  step(
    'issueSreOpinion',
    'sre',
    { opinionNumber: 'DGCP-2024-001', outcome: 'FAVOURABLE_WITH_OBSERVATIONS', issuedOn: '2024-03-01', observations: 'Precisar la cláusula de vigencia.' },
    'SreOpinionIssued',
    '2024-03-01',
    { status: 'OPINION_ISSUED' },
  ),
  step('reviseText', 'guadalajara', { revisedOn: '2024-03-10', summary: 'Se precisó la cláusula de vigencia.' }, 'TextRevised', '2024-03-10', { revisionCount: 1 }),
  step('submitTextToSre', 'guadalajara', { submittedOn: '2024-03-15' }, 'TextSubmittedToSre', '2024-03-15', { status: 'UNDER_SRE_REVIEW' }),
  step(
    'grantApproval',
    'guadalajara',
    { body: 'MUNICIPAL_COUNCIL', entityCode: GUADALAJARA, approvedOn: '2024-03-20', reference: 'Acta de cabildo 12/2024' },
    'ApprovalGranted',
    '2024-03-20',
  ),
  step('signAgreement', 'guadalajara', signInput, 'AgreementSigned', '2024-04-01', { status: 'SIGNED', signature: { place: 'Guadalajara, Jalisco', signedOn: '2024-04-01' } }),
  step('fileSignedCopy', 'guadalajara', { filedOn: '2024-04-05', documentReference: 'DOC-2024-77' }, 'SignedCopyFiled', '2024-04-05'),
  step('registerAgreement', 'sre', { registryNumber: 'RAI-2024/0001', registeredOn: '2024-05-01' }, 'AgreementRegistered', '2024-05-01', {
    status: 'REGISTERED',
    registration: { registryNumber: 'RAI-2024/0001' },
  }),
  step('enterIntoForce', 'guadalajara', { mode: 'IN_FORCE', effectiveOn: '2024-05-02' }, 'AgreementEnteredIntoForce', '2024-05-02', { status: 'IN_FORCE' }),
  step('adoptWorkPlan', 'guadalajara', { period: '2024-2025', adoptedOn: '2024-05-10', summary: 'Programa Operativo Anual 2024-2025' }, 'WorkPlanAdopted', '2024-05-10', { workPlanCount: 1 }),
  step(
    'recordCooperationMilestone',
    'guadalajara',
    { milestoneId: 'visita-2024-06', kind: 'VISIT', occurredOn: '2024-06-01', description: 'Visita de la delegación de Kioto', themes: ['culture'], sdgs: [11] },
    'CooperationMilestoneRecorded',
    '2024-06-01',
    { milestoneCount: 1 },
  ),
  step(
    'recordCooperationMilestone',
    'guadalajara',
    {
      milestoneId: 'taller-2024-09',
      kind: 'TRAINING',
      occurredOn: '2024-09-15',
      description: 'Taller de artesanía textil',
      amount: { value: '125000.50', currency: 'MXN' },
      evidenceReference: 'Informe 3/2024',
    },
    'CooperationMilestoneRecorded',
    '2024-09-15',
    { milestoneCount: 2 },
  ),
  step('amendAgreement', 'guadalajara', { amendedOn: '2024-07-01', summary: 'Se añade un anexo de turismo.' }, 'AgreementAmended', '2024-07-01', { amendmentCount: 1 }),
  step('renewAgreement', 'guadalajara', { mode: 'EXTENDED', renewedOn: '2024-08-01', newEndsOn: '2027-08-01', summary: 'Prórroga de tres años' }, 'AgreementRenewed', '2024-08-01', {
    renewalCount: 1,
  }),
  step('suspendAgreement', 'guadalajara', { suspendedOn: '2024-10-01', reason: 'Emergencia sanitaria' }, 'AgreementSuspended', '2024-10-01', {
    status: 'SUSPENDED',
    suspensions: [{ resumedOn: null }],
  }),
  step('resumeAgreement', 'guadalajara', { resumedOn: '2024-11-01' }, 'AgreementResumed', '2024-11-01', { status: 'IN_FORCE', suspensions: [{ resumedOn: '2024-11-01' }] }),
  step('terminateAgreement', 'guadalajara', { cause: 'MUTUAL_CONSENT', terminatedOn: '2025-01-15', reason: 'Acuerdo de las partes' }, 'AgreementTerminated', '2025-01-15', {
    status: 'TERMINATED',
    termination: { cause: 'MUTUAL_CONSENT' },
  }),
];

const CORRECTION_BY_SRE = (correctedEventId: string): Step =>
  step(
    'correctFact',
    'sre',
    { correctedEventId, correctedData: { agreementSigned: { ...signInput, place: 'Palacio Municipal, Guadalajara, Jalisco' } }, reason: 'El lugar de firma se capturó incompleto.' },
    'FactCorrected',
    null,
    { correctionCount: 1, signature: { place: 'Palacio Municipal, Guadalajara, Jalisco', signedOn: '2024-04-01' } },
  );

const POLICY_INPUT = (effectiveFrom: string): Variables => ({
  effectiveFrom,
  title: `Política federal desde ${effectiveFrom}`,
  priorityRegions: [
    { id: 'north-america', name: 'América del Norte', countries: ['US', 'CA'] },
    { id: 'asia-pacific', name: 'Asia-Pacífico', countries: ['JP', 'KR'] },
  ],
  priorityThemes: ['climate', 'culture'],
  multilateralAgendas: [{ id: 'sdgs', name: 'Agenda 2030' }],
  strategyObjectives: [{ id: 'TRAINING', name: 'Profesionalización de cuadros locales' }],
  deadlines: { registrationAfterSignatureDays: 60, dormancyMonths: 18, opinionBeforeSignatureRequired: true },
});

/** Each published version must take effect after the previous one: every test takes the next year. */
let policyYear = 2025;
const nextPolicyDate = (): string => `${++policyYear}-01-01`;

const ENTITY_STEPS = {
  recordObjectiveProgress: { objective: 'TRAINING', level: 'IN_PROGRESS', recordedOn: '2025-03-01', note: 'Diplomado con la SRE' },
  joinCityNetwork: { networkId: 'uclg', joinedOn: '2019-05-01', note: 'Miembro pleno' },
  leaveCityNetwork: { networkId: 'uclg', leftOn: '2025-01-31', reason: 'Fin de la membresía' },
} as const;

// ---------------------------------------------------------------------------------------------

describe('GraphQL mutations (the write side)', () => {
  let dataDir: string;
  let config: Config;
  let registry: RunningRegistry;
  let endpoint: string;
  const tokens = new Map<Caller, string>();

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-mutations-'));
    config = loadConfig({ PORT: '0', DATA_DIR: dataDir });
    registry = await startRegistry(config, { clock: () => DateTime.utc(2025, 6, 15, 18), log: () => undefined });
    await registry.caughtUp;
    endpoint = `${registry.url}/graphql`;
    const settings = resolveTokenSettings(config.auth);
    if (settings.key.kind !== 'secret') throw new Error('expected a development secret');
    const key = { ...settings, key: settings.key };
    tokens.set('parliament', await mintToken(key, { sub: 'senado', role: 'parliament' }));
    tokens.set('admin', await mintToken(key, { sub: 'admin', role: 'admin' }));
    tokens.set('sre', await mintToken(key, { sub: 'consultoria-juridica', role: 'sre-legal' }));
    tokens.set('guadalajara', await mintToken(key, { sub: 'gdl-relaciones-internacionales', role: 'subnational', entities: [GUADALAJARA] }));
    tokens.set('monterrey', await mintToken(key, { sub: 'mty-relaciones-internacionales', role: 'subnational', entities: [MONTERREY] }));
    tokens.set('jalisco', await mintToken(key, { sub: 'jalisco-asuntos-internacionales', role: 'subnational', entities: ['14'] }));
  });
  afterAll(async () => {
    await registry.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const post = async (caller: Caller, query: string, variables: Variables): Promise<Response> => {
    const token = tokens.get(caller);
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<Response, 'status'>;
    return { status: response.status, ...body };
  };

  const run = (caller: Caller, mutation: string, target: Target, variables: Variables) => post(caller, documentFor(mutation, target), variables);

  /** The payload of a mutation that must succeed. */
  const ok = async (caller: Caller, mutation: string, target: Target, variables: Variables): Promise<Payload> => {
    const response = await run(caller, mutation, target, variables);
    expect(response.errors).toBeUndefined();
    return response.data?.['result'] as Payload;
  };

  /** The one error of a mutation that must fail, with nothing in `data`. */
  const refused = async (caller: Caller, mutation: string, target: Target, variables: Variables): Promise<GraphQLError> => {
    const response = await run(caller, mutation, target, variables);
    expect(response.data ?? null).toBeNull();
    expect(response.errors).toHaveLength(1);
    return response.errors?.[0] as GraphQLError;
  };

  const agreementVariables = (agreementId: string, input: Variables, extra: Variables = {}): Variables => ({ commandId: randomUUID(), agreementId, input, ...extra });

  const streamEvents = async (streamName: string): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    try {
      for await (const event of registry.store.readStream(streamName)) events.push(event);
    } catch {
      // A stream never written reads as empty here.
    }
    return events;
  };

  /** Opens an agreement of Guadalajara and, if asked, records its signature. */
  const openAgreement = async (options: { readonly signed?: boolean } = {}): Promise<string> => {
    const agreementId = randomUUID();
    await ok('guadalajara', 'openAgreement', 'agreement', agreementVariables(agreementId, openInput()));
    if (options.signed) await ok('guadalajara', 'signAgreement', 'agreement', agreementVariables(agreementId, signInput));
    return agreementId;
  };

  describe('the schema', () => {
    it('has one mutation per domain command, each with a description', async () => {
      const response = await post('anonymous', '{ __schema { mutationType { fields { name description } } } }', {});
      const fields = (response.data as { __schema: { mutationType: { fields: { name: string; description: string | null }[] } } }).__schema.mutationType.fields;
      const expected = Object.keys(COMMAND_ROLES).map((type) => `${type.charAt(0).toLowerCase()}${type.slice(1)}`);
      expect(fields.map((field) => field.name)).toEqual(expect.arrayContaining(expected));
      for (const field of fields.filter((f) => expected.includes(f.name))) expect(field.description?.length).toBeGreaterThan(20);
    });

    it('lets a correction name every correctable fact, and only those', async () => {
      const response = await post('anonymous', '{ __type(name: "CorrectedFactInput") { isOneOf inputFields { name } } }', {});
      const type = (response.data as { __type: { isOneOf: boolean; inputFields: { name: string }[] } }).__type;
      expect(type.isOneOf).toBe(true);
      const correctable = AGREEMENT_EVENT_TYPES.filter((t) => t !== 'FactCorrected').map((t) => `${t.charAt(0).toLowerCase()}${t.slice(1)}`);
      expect(type.inputFields.map((field) => field.name).sort()).toEqual([...correctable].sort());
    });
  });

  describe('the full lifecycle of an agreement', () => {
    it('records every step, each answered with its revision, position, events and the agreement as read back', async () => {
      const agreementId = randomUUID();
      let previousPosition = -1n;
      const recorded: { readonly step: Step; readonly payload: Payload }[] = [];
      const record = async (current: Step): Promise<Payload> => {
        const payload = await ok(current.caller, current.mutation, 'agreement', agreementVariables(agreementId, current.input));
        expect({ step: current.mutation, revision: payload.revision, replayed: payload.replayed }).toEqual({ step: current.mutation, revision: String(recorded.length), replayed: false });
        expect(payload.agreementId).toBe(agreementId);
        expect(payload.events).toEqual([{ eventId: expect.stringMatching(/^[0-9a-f-]{36}$/), type: current.event, validOn: current.validOn }]);
        const position = BigInt(payload.position ?? '-1');
        expect(position).toBeGreaterThan(previousPosition);
        previousPosition = position;
        // Read-your-writes: the payload's agreement already shows this step.
        expect(payload.agreement).toMatchObject({ id: expect.any(String), agreementId, ...(current.shows ?? {}) });
        recorded.push({ step: current, payload });
        return payload;
      };
      for (const current of LIFECYCLE) await record(current);
      // SRE legal staff correct the signature, naming it by the id its payload gave.
      const signature = recorded.find(({ step: { event } }) => event === 'AgreementSigned')?.payload.events[0]?.eventId as string;
      const corrected = await record(CORRECTION_BY_SRE(signature));

      // The position is the read-your-writes token for queries.
      const read = await post('parliament', 'query ($id: ID!, $after: Position) { agreement(id: $id, consistentWith: $after) { agreementId status correctionCount } }', {
        id: agreementId,
        after: corrected.position,
      });
      expect(read.data).toEqual({ agreement: { agreementId, status: 'TERMINATED', correctionCount: 1 } });

      // Every event is in the agreement's stream, in order, with the ids the payloads gave and the
      // token's subject as the actor who recorded it.
      const stored = await streamEvents(`agreement-${agreementId}`);
      expect(stored.map((event) => ({ id: event.id, type: event.type, actor: (event.metadata['actor'] as { id: string }).id }))).toEqual(
        recorded.map(({ step: { event, caller }, payload }) => ({
          id: payload.events[0]?.eventId,
          type: event,
          actor: caller === 'sre' ? 'consultoria-juridica' : 'gdl-relaciones-internacionales',
        })),
      );
    });
  });

  describe('who may run what (every mutation, every role)', () => {
    let matrixAgreement: string;
    beforeAll(async () => {
      matrixAgreement = await openAgreement({ signed: true });
    });

    const SRE_ONLY = new Set(['IssueSreOpinion', 'RegisterAgreement', 'CorrectFact']);

    /** Expected refusal of each caller, per mutation; allowed callers are proven by the lifecycle. */
    const refusals = (commandType: string): readonly (readonly [Caller, string])[] => {
      const subnationalMay = !SRE_ONLY.has(commandType);
      const sreMay = SRE_ONLY.has(commandType) || commandType === 'FileSignedCopy';
      return [
        ['anonymous', 'UNAUTHENTICATED'],
        ['parliament', 'FORBIDDEN'],
        ['admin', 'FORBIDDEN'],
        // A subnational user outside the agreement's entities, even where its role may run the command.
        ['monterrey', 'FORBIDDEN'],
        ...(subnationalMay ? [] : [['guadalajara', 'FORBIDDEN'] as const]),
        ...(sreMay ? [] : [['sre', 'FORBIDDEN'] as const]),
      ];
    };

    const correction: Step = CORRECTION_BY_SRE(randomUUID());
    const agreementSteps = [...new Map([...LIFECYCLE, correction].map((s) => [s.mutation, s])).values()];

    it.each(agreementSteps.map((s) => [s.mutation, s] as const))('%s', async (_mutation, { mutation, commandType, input }) => {
      const before = (await streamEvents(`agreement-${matrixAgreement}`)).length;
      for (const [caller, code] of refusals(commandType)) {
        // OpenAgreement targets a new id: its scope is the parties it names.
        const agreementId = commandType === 'OpenAgreement' ? randomUUID() : matrixAgreement;
        const error = await refused(caller, mutation, 'agreement', agreementVariables(agreementId, input));
        expect({ caller, code: error.extensions?.['code'] }).toEqual({ caller, code });
      }
      expect(await streamEvents(`agreement-${matrixAgreement}`)).toHaveLength(before);
    });

    it('publishPolicyVersion: anonymous, parliament and subnational users are refused', async () => {
      const before = (await streamEvents('federal-policy')).length;
      for (const [caller, code] of [['anonymous', 'UNAUTHENTICATED'], ['parliament', 'FORBIDDEN'], ['guadalajara', 'FORBIDDEN']] as const) {
        const error = await refused(caller, 'publishPolicyVersion', 'policy', { commandId: randomUUID(), input: POLICY_INPUT('2030-01-01') });
        expect({ caller, code: error.extensions?.['code'] }).toEqual({ caller, code });
      }
      expect(await streamEvents('federal-policy')).toHaveLength(before);
    });

    it.each(Object.entries(ENTITY_STEPS))('%s: only the entity’s own subnational users', async (mutation, input) => {
      const before = (await streamEvents(`entity-${GUADALAJARA}`)).length;
      for (const [caller, code] of [['anonymous', 'UNAUTHENTICATED'], ['parliament', 'FORBIDDEN'], ['admin', 'FORBIDDEN'], ['sre', 'FORBIDDEN'], ['monterrey', 'FORBIDDEN']] as const) {
        const error = await refused(caller, mutation, 'entity', { commandId: randomUUID(), entityCode: GUADALAJARA, input });
        expect({ caller, code: error.extensions?.['code'] }).toEqual({ caller, code });
      }
      expect(await streamEvents(`entity-${GUADALAJARA}`)).toHaveLength(before);
    });

    it('lets SRE legal staff file the signed copy too', async () => {
      const payload = await ok('sre', 'fileSignedCopy', 'agreement', agreementVariables(matrixAgreement, { filedOn: '2024-04-05', documentReference: 'SRE-ARCHIVO-1' }));
      expect(payload.events.map((event) => event.type)).toEqual(['SignedCopyFiled']);
    });

    it('says why a refusal happened', async () => {
      const forbidden = await refused('parliament', 'signAgreement', 'agreement', agreementVariables(matrixAgreement, signInput));
      expect(forbidden.message).toMatch(/SignAgreement is for subnational; your role is parliament/);
      const outside = await refused('monterrey', 'amendAgreement', 'agreement', agreementVariables(matrixAgreement, { amendedOn: '2024-07-01', summary: 'x' }));
      expect(outside.message).toMatch(/None of your entities \(19039\) is a party/);
      const anonymous = await refused('anonymous', 'registerAgreement', 'agreement', agreementVariables(matrixAgreement, { registryNumber: 'X-1', registeredOn: '2024-05-01' }));
      expect(anonymous.message).toMatch(/needs a signed-in user/);
    });
  });

  describe('retries', () => {
    it('answers a retried command with its original outcome and writes it once', async () => {
      const agreementId = await openAgreement({ signed: true });
      const variables = agreementVariables(agreementId, { registryNumber: 'RAI-2025/0100', registeredOn: '2025-01-10' });
      const first = await ok('sre', 'registerAgreement', 'agreement', variables);
      const again = await ok('sre', 'registerAgreement', 'agreement', variables);
      expect(first.replayed).toBe(false);
      expect(again).toEqual({ ...first, replayed: true });

      const stored = await streamEvents(`agreement-${agreementId}`);
      const written = stored.filter((event) => event.metadata['causationId'] === variables['commandId']);
      expect(written.map((event) => ({ eventId: event.id, type: event.type, position: String(event.position) }))).toEqual([
        { eventId: first.events[0]?.eventId, type: 'AgreementRegistered', position: first.position },
      ]);
      expect(await streamEvents('registry-number-RAI-2025/0100')).toHaveLength(1);
    });

    it('answers a retry after later commands with the original position and the current revision', async () => {
      const agreementId = randomUUID();
      const variables = agreementVariables(agreementId, openInput());
      const opened = await ok('guadalajara', 'openAgreement', 'agreement', variables);
      await ok('guadalajara', 'submitTextToSre', 'agreement', agreementVariables(agreementId, { submittedOn: '2024-02-01' }));
      const retried = await ok('guadalajara', 'openAgreement', 'agreement', variables);
      expect(retried).toMatchObject({ replayed: true, position: opened.position, revision: '1', events: opened.events });
    });

    it('replays policy and entity commands too', async () => {
      const policy = { commandId: randomUUID(), input: POLICY_INPUT(nextPolicyDate()) };
      const published = await ok('sre', 'publishPolicyVersion', 'policy', policy);
      expect(await ok('sre', 'publishPolicyVersion', 'policy', policy)).toEqual({ ...published, replayed: true });
      const entity = { commandId: randomUUID(), entityCode: '14', input: ENTITY_STEPS.recordObjectiveProgress };
      const recorded = await ok('jalisco', 'recordObjectiveProgress', 'entity', entity);
      expect(await ok('jalisco', 'recordObjectiveProgress', 'entity', entity)).toEqual({ ...recorded, replayed: true });
      // The same command ids with other data are other commands: refused, not answered as replays.
      const otherPolicy = await refused('sre', 'publishPolicyVersion', 'policy', { ...policy, input: { ...policy.input, title: 'Otra versión' } });
      expect(otherPolicy.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'commandId', rule: 'command-id-reused' }] });
      const otherProgress = await refused('jalisco', 'recordObjectiveProgress', 'entity', { ...entity, input: { ...entity.input, note: 'Otra nota' } });
      expect(otherProgress.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'commandId', rule: 'command-id-reused' }] });
    });
  });

  describe('optimistic concurrency', () => {
    it('writes when expectedRevision is the current revision and answers CONFLICT with the actual one when stale', async () => {
      const agreementId = await openAgreement();
      const submitted = await ok('guadalajara', 'submitTextToSre', 'agreement', agreementVariables(agreementId, { submittedOn: '2024-02-01' }, { expectedRevision: '0' }));
      expect(submitted.revision).toBe('1');

      const stale = await refused('guadalajara', 'reviseText', 'agreement', agreementVariables(agreementId, { revisedOn: '2024-03-10', summary: 'Cambio' }, { expectedRevision: '0' }));
      expect(stale.extensions).toEqual({ code: 'CONFLICT', stream: `agreement-${agreementId}`, expectedRevision: '0', actualRevision: '1' });
      expect(await streamEvents(`agreement-${agreementId}`)).toHaveLength(2);
    });

    it('refuses an expectedRevision that is not a decimal revision', async () => {
      const agreementId = await openAgreement();
      const error = await refused('guadalajara', 'reviseText', 'agreement', agreementVariables(agreementId, { revisedOn: '2024-03-10', summary: 'Cambio' }, { expectedRevision: 'latest' }));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'expectedRevision', rule: 'revision-format', message: expect.any(String) }] });
    });
  });

  describe('bad input', () => {
    it('lists every issue at once, with paths from the mutation arguments, and writes nothing', async () => {
      const agreementId = 'agreement-1';
      const error = await refused('guadalajara', 'openAgreement', 'agreement', {
        commandId: 'retry-1',
        agreementId,
        input: openInput({
          title: '   ',
          themes: ['cultura'],
          parties: [{ level: 'MUNICIPALITY', code: '14000', agency: 'Ayuntamiento' }, { level: 'STATE', code: '14', agency: 'Gobierno de Jalisco' }],
          counterparts: [
            { kind: 'FOREIGN_NATIONAL_GOVERNMENT', name: 'Gobierno de Chile', country: 'CL', subdivision: 'CL-RM' },
            { kind: 'FOREIGN_LOCAL_GOVERNMENT', name: 'Tijuana', country: 'MX' },
            { kind: 'FOREIGN_LOCAL_GOVERNMENT', name: 'Kioto', country: 'JP', parentSubdivision: null },
          ],
          validity: { endsOn: '2030-01-01', durationMonths: 36 },
        }),
      });
      expect(error.extensions?.['code']).toBe('BAD_USER_INPUT');
      const issues = error.extensions?.['issues'] as { path: string; rule: string; message: string }[];
      expect(issues.map(({ path: at, rule }) => ({ path: at, rule }))).toEqual([
        { path: 'commandId', rule: 'uuid-format' },
        { path: 'agreementId', rule: 'uuid-format' },
        { path: 'input.title', rule: 'required' },
        { path: 'input.themes[0]', rule: 'not-in-vocabulary' },
        { path: 'input.parties[0].code', rule: 'municipality-code-zero' },
        { path: 'input.counterparts[0].subdivision', rule: 'unknown-field' },
        { path: 'input.counterparts[1].country', rule: 'counterpart-not-foreign' },
        { path: 'input.validity.durationMonths', rule: 'end-and-duration' },
      ]);
      for (const issue of issues) expect(issue.message.length).toBeGreaterThan(10);
    });

    it('reports a correction’s data at the path the client wrote it', async () => {
      const agreementId = await openAgreement({ signed: true });
      const error = await refused('sre', 'correctFact', 'agreement', agreementVariables(agreementId, {
        correctedEventId: 'not-an-event',
        correctedData: { agreementSigned: { ...signInput, languages: ['es', 'spa'], signatories: [] } },
        reason: 'Corrección',
      }));
      expect((error.extensions?.['issues'] as { path: string; rule: string }[]).map(({ path: at, rule }) => ({ path: at, rule }))).toEqual([
        { path: 'input.correctedEventId', rule: 'uuid-format' },
        { path: 'input.correctedData.agreementSigned.signatories', rule: 'too-few' },
        { path: 'input.correctedData.agreementSigned.languages[1]', rule: 'language-code-format' },
      ]);
    });

    it('words a repeated item without naming the parser’s own paths (input.themes[1], not data.themes[0])', async () => {
      const error = await refused('guadalajara', 'openAgreement', 'agreement', agreementVariables(randomUUID(), openInput({ themes: ['culture', 'culture'] })));
      expect(error.extensions?.['issues']).toEqual([
        { path: 'input.themes[1]', rule: 'duplicate', message: 'repeats the theme of item [0] of the same list (culture): list each one once.' },
      ]);
    });

    it('leaves the shape of the input to GraphQL itself: a missing required field, an unknown enum value, a bad date', async () => {
      const agreementId = await openAgreement();
      const { title: _title, ...withoutTitle } = openInput();
      const missing = await run('guadalajara', 'openAgreement', 'agreement', agreementVariables(randomUUID(), withoutTitle));
      expect(missing.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(missing.errors?.[0]?.message).toMatch(/title/);
      const badEnum = await run('guadalajara', 'enterIntoForce', 'agreement', agreementVariables(agreementId, { mode: 'FOREVER', effectiveOn: '2024-05-02' }));
      expect(badEnum.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      const badDate = await run('guadalajara', 'reviseText', 'agreement', agreementVariables(agreementId, { revisedOn: '2024-02-30', summary: 'x' }));
      expect(badDate.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(await streamEvents(`agreement-${agreementId}`)).toHaveLength(1);
    });

    it('names the argument of a policy or entity input', async () => {
      const policy = await refused('sre', 'publishPolicyVersion', 'policy', {
        commandId: randomUUID(),
        input: { ...POLICY_INPUT('2032-01-01'), priorityThemes: ['climate', 'climate'], deadlines: { registrationAfterSignatureDays: 0, dormancyMonths: 18, opinionBeforeSignatureRequired: true } },
      });
      expect((policy.extensions?.['issues'] as { path: string; rule: string }[]).map(({ path: at, rule }) => ({ path: at, rule }))).toEqual([
        { path: 'input.priorityThemes[1]', rule: 'duplicate' },
        { path: 'input.deadlines.registrationAfterSignatureDays', rule: 'out-of-range' },
      ]);
      const entity = await refused('guadalajara', 'joinCityNetwork', 'entity', { commandId: randomUUID(), entityCode: '1403', input: { networkId: ' ', joinedOn: '2019-05-01' } });
      expect((entity.extensions?.['issues'] as { path: string; rule: string }[]).map(({ path: at, rule }) => ({ path: at, rule }))).toEqual([
        { path: 'entityCode', rule: 'municipality-code-format' },
        { path: 'input.networkId', rule: 'required' },
      ]);
    });
  });

  describe('rule violations and unknown agreements', () => {
    it('refuses registering twice with ALREADY_REGISTERED', async () => {
      const agreementId = await openAgreement({ signed: true });
      await ok('sre', 'registerAgreement', 'agreement', agreementVariables(agreementId, { registryNumber: 'RAI-2025/0200', registeredOn: '2025-01-10' }));
      const again = await refused('sre', 'registerAgreement', 'agreement', agreementVariables(agreementId, { registryNumber: 'RAI-2025/0201', registeredOn: '2025-01-11' }));
      expect(again.extensions).toEqual({ code: 'RULE_VIOLATION', rule: 'ALREADY_REGISTERED' });
      // The refused command claimed no registry number.
      expect(await streamEvents('registry-number-RAI-2025/0201')).toHaveLength(0);
    });

    it('refuses a registry number another agreement holds', async () => {
      const first = await openAgreement({ signed: true });
      const second = await openAgreement({ signed: true });
      await ok('sre', 'registerAgreement', 'agreement', agreementVariables(first, { registryNumber: 'RAI-2025/0300', registeredOn: '2025-01-10' }));
      const taken = await refused('sre', 'registerAgreement', 'agreement', agreementVariables(second, { registryNumber: 'RAI-2025/0300', registeredOn: '2025-01-10' }));
      expect(taken.extensions).toEqual({ code: 'RULE_VIOLATION', rule: 'REGISTRY_NUMBER_TAKEN' });
    });

    it.each([
      ['a private counterpart on a twinning', 'identifyCounterpart', { counterpart: { kind: 'PRIVATE', name: 'Universidad de Salamanca', sector: 'UNIVERSITY' }, identifiedOn: '2024-02-01' }, 'PRIVATE_COUNTERPART'],
      ['a fact dated in the future', 'submitTextToSre', { submittedOn: '2025-06-16' }, 'DATE_IN_FUTURE'],
      ['resuming what is not suspended', 'resumeAgreement', { resumedOn: '2024-11-01' }, 'NOT_SUSPENDED'],
      ['an opinion with no submission', 'issueSreOpinion', { opinionNumber: 'DGCP-2024-9', outcome: 'FAVOURABLE', issuedOn: '2024-03-01' }, 'OPINION_WITHOUT_SUBMISSION'],
    ])('refuses %s', async (_name, mutation, input, rule) => {
      const agreementId = await openAgreement();
      const caller: Caller = mutation === 'issueSreOpinion' ? 'sre' : 'guadalajara';
      const error = await refused(caller, mutation, 'agreement', agreementVariables(agreementId, input));
      expect(error.extensions).toEqual({ code: 'RULE_VIOLATION', rule });
      expect(error.message.length).toBeGreaterThan(20);
    });

    it('refuses opening an agreement whose id is taken', async () => {
      const agreementId = await openAgreement();
      const error = await refused('guadalajara', 'openAgreement', 'agreement', agreementVariables(agreementId, openInput()));
      expect(error.extensions).toEqual({ code: 'RULE_VIOLATION', rule: 'AGREEMENT_ALREADY_EXISTS' });
    });

    it('answers NOT_FOUND for an agreement that was never opened', async () => {
      const error = await refused('sre', 'registerAgreement', 'agreement', agreementVariables(randomUUID(), { registryNumber: 'RAI-2025/0999', registeredOn: '2025-01-10' }));
      expect(error.extensions).toEqual({ code: 'NOT_FOUND' });
      const subnational = await refused('guadalajara', 'reviseText', 'agreement', agreementVariables(randomUUID(), { revisedOn: '2024-03-10', summary: 'x' }));
      expect(subnational.extensions).toEqual({ code: 'NOT_FOUND' });
    });
  });

  describe('the federal policy', () => {
    it('publishes the next version for SRE legal staff and administrators, numbered by the registry', async () => {
      const effectiveFrom = nextPolicyDate();
      const bySre = await ok('sre', 'publishPolicyVersion', 'policy', { commandId: randomUUID(), input: POLICY_INPUT(effectiveFrom) });
      expect(bySre).toMatchObject({ version: expect.any(Number), replayed: false, events: [{ type: 'PolicyVersionPublished', validOn: effectiveFrom }] });
      const byAdmin = await ok('admin', 'publishPolicyVersion', 'policy', { commandId: randomUUID(), input: POLICY_INPUT(nextPolicyDate()), expectedRevision: bySre.revision });
      expect(byAdmin.version).toBe((bySre.version ?? 0) + 1);
      // Read-your-writes: the payload's version is already what `policyVersions` lists.
      expect(byAdmin.policyVersion).toMatchObject({ version: byAdmin.version, priorityRegions: [{ id: 'north-america' }, { id: 'asia-pacific' }] });
      expect(BigInt(byAdmin.revision)).toBe(BigInt(bySre.revision) + 1n);
      expect(BigInt(byAdmin.position ?? '0')).toBeGreaterThan(BigInt(bySre.position ?? '0'));
    });

    it('refuses a version that does not take effect after the latest one', async () => {
      const error = await refused('sre', 'publishPolicyVersion', 'policy', { commandId: randomUUID(), input: POLICY_INPUT('2025-01-01') });
      expect(error.extensions).toEqual({ code: 'RULE_VIOLATION', rule: 'POLICY_EFFECTIVE_DATE_NOT_AFTER_PREVIOUS' });
    });
  });

  describe('entity profiles', () => {
    it('records progress and a network membership for the entity’s own users', async () => {
      const progress = await ok('guadalajara', 'recordObjectiveProgress', 'entity', { commandId: randomUUID(), entityCode: GUADALAJARA, input: ENTITY_STEPS.recordObjectiveProgress });
      expect(progress).toMatchObject({ entityCode: GUADALAJARA, revision: '0', replayed: false, events: [{ type: 'StrategyObjectiveProgressRecorded', validOn: '2025-03-01' }] });
      const joined = await ok('guadalajara', 'joinCityNetwork', 'entity', { commandId: randomUUID(), entityCode: GUADALAJARA, input: ENTITY_STEPS.joinCityNetwork, expectedRevision: '0' });
      expect(joined).toMatchObject({ revision: '1', events: [{ type: 'CityNetworkJoined', validOn: '2019-05-01' }] });
      const left = await ok('guadalajara', 'leaveCityNetwork', 'entity', { commandId: randomUUID(), entityCode: GUADALAJARA, input: ENTITY_STEPS.leaveCityNetwork });
      expect(left).toMatchObject({ revision: '2', events: [{ type: 'CityNetworkLeft', validOn: '2025-01-31' }] });
      expect(joined.entity).toMatchObject({ code: GUADALAJARA, networks: { current: [{ networkId: 'uclg' }], past: [] } });
      expect(left.entity).toMatchObject({ networks: { current: [], past: [{ networkId: 'uclg', leftOn: '2025-01-31' }] } });
      expect((left.entity?.['objectives'] as { objective: string; progress: unknown }[]).find((o) => o.objective === 'TRAINING')?.progress).toEqual({
        level: 'IN_PROGRESS',
        recordedOn: '2025-03-01',
      });
      expect(BigInt(left.position ?? '0')).toBeGreaterThan(BigInt(joined.position ?? '0'));
    });

    it.each([
      ['leaving a network it is not in', 'leaveCityNetwork', { networkId: 'c40', leftOn: '2025-01-31' }, 'NOT_A_MEMBER'],
      ['joining a network the catalogue does not know', 'joinCityNetwork', { networkId: 'red-imaginaria', joinedOn: '2025-01-31' }, 'UNKNOWN_NETWORK'],
      ['progress dated in the future', 'recordObjectiveProgress', { objective: 'TRAINING', level: 'ACHIEVED', recordedOn: '2026-01-01' }, 'DATE_IN_FUTURE'],
    ])('refuses %s', async (_name, mutation, input, rule) => {
      const error = await refused('monterrey', mutation, 'entity', { commandId: randomUUID(), entityCode: MONTERREY, input });
      expect(error.extensions).toEqual({ code: 'RULE_VIOLATION', rule });
    });
  });
});
