import type { PolicyVersion } from '../../policy/policyTypes';
import type { FactSource } from '../auditModel';
import { NO_FINDINGS, knownAtOf, type AuditRule } from './rule';

// Set lookups per policy version, built once: a handful of versions, asked once per agreement.
const priorityCountries = new WeakMap<PolicyVersion, ReadonlySet<string>>();

const countriesOf = (policy: PolicyVersion): ReadonlySet<string> => {
  let countries = priorityCountries.get(policy);
  if (!countries) {
    countries = new Set(policy.priorityRegions.flatMap((region) => region.countries));
    priorityCountries.set(policy, countries);
  }
  return countries;
};

/**
 * Alignment, not legality: no counterpart's country is in any priority region, and no theme of the
 * agreement is a priority theme, of the policy version judged against (in force at signature, or at
 * opening for an unsigned agreement). International organisations have no country and never align
 * by region. Judged only once a counterpart is known and a policy version was in force. Raised on
 * the signature date (on the opening date while unsigned); only a correction removes it, since
 * alignment is a property of what was agreed, judged by the policy of its day.
 */
export const notAlignedWithPriorities: AuditRule = {
  code: 'NOT_ALIGNED_WITH_PRIORITIES',
  severity: 'policy-misalignment',
  heuristic: false,
  timeDependent: false,
  title: { es: 'Fuera de regiones y temas prioritarios', en: 'Outside priority regions and themes' },
  basis: 'Estrategia nacional de internacionalización: regiones y temas prioritarios de la política vigente',
  evaluate: ({ agreement, policy }) => {
    if (!policy || agreement.counterparts.length === 0) return NO_FINDINGS;
    const countries = countriesOf(policy);
    const evidence: FactSource[] = [agreement.opening];
    for (const entry of agreement.counterparts) {
      const { counterpart } = entry;
      // Mexico is a member of some priority regions (Alianza del Pacífico, CELAC), but a Mexican
      // body (a private one: governments are foreign by rule) is no foreign relation in them.
      if ('country' in counterpart && counterpart.country !== undefined && counterpart.country !== 'MX' && countries.has(counterpart.country)) return NO_FINDINGS;
      if (!evidence.includes(entry.fact)) evidence.push(entry.fact);
    }
    if (agreement.themes.some((theme) => policy.priorityThemes.includes(theme))) return NO_FINDINGS;
    const { signature } = agreement;
    if (signature) evidence.push(signature);
    const on = signature ? signature.on : agreement.openedOn;
    return [
      {
        occurrence: null,
        raisedOn: on,
        raisedAt: knownAtOf(evidence),
        evidence,
        resolution: null,
        explanation: {
          es: `Ninguna contraparte está en una región prioritaria ni hay un tema prioritario de la política v${policy.version} (alineación, no legalidad).`,
          en: `No counterpart is in a priority region and no theme is a priority theme of policy v${policy.version} (alignment, not legality).`,
        },
      },
    ];
  },
};
