import { getRegion, type RegionId, type ThemeCode } from '../reference';
import type { LegalDate } from '../shared/time';
import type { PublishPolicyVersion } from './policyCommands';
import type { PolicyRegion, PolicyVersion } from './policyTypes';

const regionOf = (id: RegionId): PolicyRegion => {
  const region = getRegion(id);
  return { id: region.id, name: region.nameEs, countries: region.members };
};

/** The seed's priority themes, as codes of the controlled vocabulary (src/reference/themes.ts). */
const SEED_THEMES: readonly ThemeCode[] = ['climate', 'urban-development', 'social-cohesion', 'culture', 'tourism'];

/**
 * The first policy version, from the seed document (the parliamentary dialogue's conclusions).
 *
 * effectiveFrom is 1992-01-02, the day the Ley sobre la Celebración de Tratados was published in
 * the DOF. The seed itself is much later, but every agreement in the registry (acuerdos
 * interinstitucionales exist only since the LCT) must be judged against some version, and
 * `policyInForceOn` answers undefined before the first one. Judging a 1995 twinning against
 * priorities written later is an anachronism the audit accepts knowingly: policy alignment is a
 * finding about orientation, never about legality.
 *
 * Deadlines are settings, not law (the LCT sets none in days): 30 days to register after signature,
 * 24 months without milestones to count as dormant, and the SRE opinion required before signing
 * (LCT art. 7 asks signers to inform the SRE, which issues it).
 */
export const SEED_POLICY_VERSION: PolicyVersion = {
  version: 1,
  effectiveFrom: '1992-01-02' as LegalDate,
  title: 'Estrategia Nacional para la Internacionalización de los Estados y Municipios de México (versión inicial)',
  // Alianza del Pacífico and CELAC include Mexico, as in the reference catalogue: a Mexican party
  // is never a foreign counterpart, so Mexico's presence there changes no audit result.
  priorityRegions: [regionOf('alianza-del-pacifico'), regionOf('eu'), regionOf('celac'), regionOf('north-america')],
  priorityThemes: SEED_THEMES,
  multilateralAgendas: [
    { id: 'sdgs', name: 'Agenda 2030 / Objetivos de Desarrollo Sostenible' },
    { id: 'new-urban-agenda', name: 'Nueva Agenda Urbana' },
    { id: 'climate-change', name: 'Cambio climático (Acuerdo de París)' },
  ],
  // Names as the seed words objectives 1–6 (objective 3 without its parenthesised examples,
  // which the priority regions and themes above spell out).
  strategyObjectives: [
    { id: 'training', name: 'Profesionalización de cuadros locales en temas internacionales' },
    { id: 'multi-actor-platform', name: 'Plataformas locales multi-actor para la internacionalización' },
    {
      id: 'priority-cooperation',
      name: 'Mecanismos de apoyo y acompañamiento para promover la cooperación directa de Estados y municipios con regiones y temas prioritarios',
    },
    {
      id: 'technical-assistance',
      name: 'Asistencia técnica y acompañamiento a la medida para los gobiernos locales que deseen dotarse de una política pública de relaciones internacionales',
    },
    { id: 'communication-strategy', name: 'Estrategia de comunicación y sensibilización ciudadana sobre la importancia de la internacionalización local' },
    {
      id: 'multilateral-participation',
      name: 'Formalización de mecanismos para la participación de gobiernos subnacionales en agendas multilaterales de su interés y competencia, en coordinación con la SRE',
    },
  ],
  deadlines: { registrationAfterSignatureDays: 30, dormancyMonths: 24, opinionBeforeSignatureRequired: true },
};

/** The command that publishes the seed version on an empty policy stream. */
export const seedPolicyCommand = (): PublishPolicyVersion => {
  const { version: _assignedByDecide, ...data } = SEED_POLICY_VERSION;
  return { type: 'PublishPolicyVersion', data };
};
