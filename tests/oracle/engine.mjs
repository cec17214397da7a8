// Shared by generate.mjs and ../bench/urssaf_bench.mjs: builds URSSAF's
// official engine (publicodes + modele-social), applies the few documented
// patches, maps a gepaie `simulate` input to an engine situation and
// evaluates the totals. See README.md for every choice made here.

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import Engine from 'publicodes'
import rules2026 from 'modele-social'
import rules2025 from 'modele-social-2025'

const here = path.dirname(fileURLToPath(import.meta.url))

function packageVersion(dir) {
	const file = path.join(here, 'node_modules', dir, 'package.json')
	return JSON.parse(readFileSync(file, 'utf8')).version
}

export const VERSIONS = {
	'modele-social': packageVersion('modele-social'),
	'modele-social-2025': packageVersion('modele-social-2025'),
	publicodes: packageVersion('publicodes'),
}

// ---------------------------------------------------------------------------
// Rule patches. Each one checks that the rule still has the exact shape it was
// written against, so that an upgrade of modele-social fails loudly instead of
// silently patching something else.

const PATCHES = [
	{
		id: 'pss-not-raised-by-overtime',
		engines: ['2025', '2026'],
		why:
			'The engine prorates the social security ceiling by the effective working time ' +
			'including overtime hours, so a full-time employee with overtime gets a ceiling ' +
			'above the PMSS (e.g. 4005 × 171.67/151.67). The proration (CSS L242-8, R242-7) ' +
			'only reduces the ceiling of part-time employees; the patch caps the prorated ' +
			'ceiling at the full PMSS. Part-time proration (contract hours + extra hours) is unchanged.',
		apply(rules) {
			const rule = rules['salarié . temps de travail'].avec['plafond sécurité sociale']
			expectShape(rule.valeur, 'plafond sécurité sociale * temps de travail . effectif . quotité')
			expectShape(rule.plancher, '1 €/mois')
			rule.plafond = 'plafond sécurité sociale'
		},
	},
	{
		id: 'no-euro-rounding-of-tax-exempt-overtime',
		engines: ['2025', '2026'],
		why:
			'`salarié . rémunération . net . imposable . heures supplémentaires et ' +
			'complémentaires défiscalisées` is rounded to the euro (arrondi: oui), which moves ' +
			'the net taxable pay (and the CSG split) by up to 0.50 €. A payslip keeps the cents; ' +
			'the patch removes that rounding (the yearly cap keeps its own rounding).',
		apply(rules) {
			const rule =
				rules['salarié . rémunération . net . imposable'].avec[
					'heures supplémentaires et complémentaires défiscalisées'
				]
			expectShape(rule.arrondi, 'oui')
			expectShape(rule.somme, ['heures supplémentaires', 'heures complémentaires'])
			delete rule.arrondi
		},
	},
	{
		id: 'no-euro-rounding-of-income-tax',
		engines: ['2025', '2026'],
		why:
			'`impôt . montant` is a yearly amount rounded to the euro, so the monthly ' +
			'withholding is round(12 × net taxable × rate) / 12 (up to 0.04 € off). The ' +
			'patch removes that rounding: income_tax = net taxable × personalised rate, unrounded.',
		apply(rules) {
			const rule = rules['impôt . montant']
			expectShape(rule.arrondi, 'oui')
			expectShape(rule.unité, '€/an')
			delete rule.arrondi
		},
	},
	{
		id: 'overtime-reduction-includes-extra-hours',
		engines: ['2025', '2026'],
		why:
			'The employee contribution reduction on overtime (CSS L241-17, D241-21) applies to the ' +
			'pay of heures supplémentaires and of heures complémentaires; the engine applies it to ' +
			'heures supplémentaires only, although it treats heures complémentaires as exempt overtime ' +
			'everywhere else (income tax, CSG). The patch bases the reduction on both. (The employer ' +
			'flat deduction stays on heures supplémentaires only, as the law says.)',
		apply(rules) {
			const rule = rules['salarié . cotisations . exonérations . heures supplémentaires'].avec['salarié']
			expectShape(rule.produit, ['rémunération . heures supplémentaires', 'taux des cotisations réduites'])
			expectShape(rule['non applicable si'], {
				'une de ces conditions': ['assiette = 0', 'rémunération . heures supplémentaires = 0'],
			})
			rule.produit = [
				{ somme: ['rémunération . heures supplémentaires', 'rémunération . heures complémentaires'] },
				'taux des cotisations réduites',
			]
			rule['non applicable si'] = {
				'une de ces conditions': [
					'assiette = 0',
					'rémunération . heures supplémentaires + rémunération . heures complémentaires = 0',
				],
			}
		},
	},
	{
		id: 'net-taxable-excludes-employer-prevoyance',
		engines: ['2025', '2026'],
		why:
			'The engine adds every employer welfare contribution to the net taxable pay. Only the ' +
			'employer share of the health plan is taxable; employer contributions to mandatory ' +
			'death/disability cover (here the cadre prévoyance, 1.50 % of T1) are deductible within ' +
			'the limit of CGI art. 83 1° quater (5 % PASS + 2 % of pay), which every case stays under. ' +
			'The patch adds back the employer health-plan share only.',
		apply(rules) {
			const rule = rules['salarié . rémunération . net . imposable'].avec['sans déductions']
			expectShape(rule.somme, [
				'net',
				'cotisations . CSG-CRDS . non déductible',
				'cotisations . prévoyances . employeur',
				'cotisations . prévoyances . salarié . non déductible',
			])
			rule.somme = [
				'net',
				'cotisations . CSG-CRDS . non déductible',
				'cotisations . prévoyances . santé . employeur',
				'cotisations . prévoyances . salarié . non déductible',
			]
		},
	},
	{
		id: 'overtime-reduction-includes-CET-2025',
		engines: ['2025'],
		why:
			'In modele-social 10.0.0 the rate of the employee overtime reduction leaves out ' +
			'the CET; 11.x corrected it ("Ajout de la CET dans la réduction de cotisations ' +
			'salariales sur les heures supplémentaires"). The patch backports that correction ' +
			'to the 2025 rules.',
		apply(rules) {
			const rule =
				rules['salarié . cotisations . exonérations . heures supplémentaires'].avec[
					'salarié . taux des cotisations réduites'
				]
			expectShape(rule.produit, [
				{ somme: ['vieillesse . salarié', 'retraite complémentaire . salarié', 'CEG . salarié'] },
				'1 / assiette',
			])
			rule.produit = [{ somme: ['vieillesse . salarié', 'retraite complémentaire-CEG-CET . salarié'] }, '1 / assiette']
		},
	},
]

function expectShape(actual, expected) {
	if (JSON.stringify(actual) !== JSON.stringify(expected)) {
		throw new Error(
			`modele-social rule shape changed: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
		)
	}
}

export function patchList(rulesYear) {
	return PATCHES.filter((p) => p.engines.includes(rulesYear)).map(({ id, why }) => ({ id, why }))
}

function patchedRules(rules, rulesYear, skip = []) {
	const copy = structuredClone(rules)
	for (const p of PATCHES) if (p.engines.includes(rulesYear) && !skip.includes(p.id)) p.apply(copy)
	return copy
}

// Warnings the rules emit on every evaluation and that do not change values:
// the `contexte: non déductible socialement: 0€` of the employer welfare rule
// adds "0 €" to "€/mois" (the 0 is kept as is).
const BENIGN_WARNINGS = [
	/Dans la règle "salarié \. cotisations \. prévoyances \. employeur \. non déductible socialement"[\s\S]*la partie gauche \(unité: €\/mois\) n'est pas compatible avec la partie droite \(unité: €\)/,
]

// Engine options as in URSSAF's own public API server (cycles are expected in
// modele-social).
const ENGINE_OPTIONS = { warn: { cyclicReferences: false, experimentalRules: false, deprecatedSyntax: false } }

/** `patched: false` gives the rules as published; `skip` leaves out some
 * patches by id (to measure what each one changes). */
export function createEngine(rulesYear, { patched = true, skip = [] } = {}) {
	const source = rulesYear === '2025' ? rules2025 : rulesYear === '2026' ? rules2026 : null
	if (!source) throw new Error(`no rules for ${rulesYear}`)
	const messages = []
	const logger = {
		log: (m) => messages.push(String(m)),
		warn: (m) => messages.push(String(m)),
		error: (m) => messages.push('ERROR ' + String(m)),
	}
	const engine = new Engine(patched ? patchedRules(source, rulesYear, skip) : structuredClone(source), {
		...ENGINE_OPTIONS,
		logger,
	})
	const version = rulesYear === '2025' ? VERSIONS['modele-social-2025'] : VERSIONS['modele-social']
	return {
		engine,
		rulesYear,
		patched,
		label: `modele-social@${version}` + (patched ? ' (patched, see notes)' : ''),
		/** Messages logged since the last call, minus the known benign ones. */
		takeMessages() {
			const out = messages.filter((m) => !BENIGN_WARNINGS.some((re) => re.test(m)))
			messages.length = 0
			return out
		},
	}
}

/** Which rule set evaluates a period: modele-social 11.1.0 has the 2026 RGDU
 * and no longer the 2025 réduction générale (its RGDU does not depend on the
 * date), so 2025 periods use 10.0.0, the last release with the 2025 rules. */
export function rulesYearOf(period) {
	const year = Number(period.slice(0, 4))
	if (year === 2025) return '2025'
	if (year === 2026) return '2026'
	throw new Error(`period ${period} is outside 2025-2026`)
}

// ---------------------------------------------------------------------------
// gepaie input -> engine situation

/** Defaults of the engine that our input does not model, set explicitly. Most
 * already default to "none"; setting them documents the choice and protects
 * against a change of default. Keys missing from a rule set are skipped. */
export const NEUTRALISED = {
	// as in URSSAF's own salarié simulator (the employee is not a company officer,
	// no short-time work)
	dirigeant: 'non',
	'salarié . activité partielle': 'non',
	// pay elements our input does not have
	'salarié . rémunération . avantages en nature': 'non',
	'salarié . rémunération . frais professionnels . titres-restaurant': 'non',
	'salarié . rémunération . frais professionnels . trajets domicile travail . transports publics . montant': '0 €/mois',
	'salarié . rémunération . frais professionnels . trajets domicile travail . forfait mobilités durables . montant':
		'0 €/an',
	'salarié . rémunération . frais professionnels . trajets domicile travail . prime de transport . montant': '0 €/an',
	'salarié . rémunération . primes . activité . base': '0 €/mois',
	"salarié . rémunération . primes . fin d'année": 'non',
	// special schemes
	'salarié . convention collective': "'droit commun'",
	'salarié . régimes spécifiques . DFS': 'non',
	'salarié . régimes spécifiques . taux réduits': 'non',
	'salarié . régimes spécifiques . impatriés': 'non',
	'salarié . régimes spécifiques . alsace moselle': 'non',
	"situation personnelle . domiciliation fiscale à l'étranger": 'non',
	'salarié . cotisations . ATMP . taux fonctions support': 'non',
	'salarié . cotisations . exonérations . RGDU . caisse de congés payés': 'non',
	'salarié . cotisations . exonérations . réduction générale . caisse de congés payés': 'non',
	// deferred hiring aid that would lower the employer cost
	'salarié . coût total employeur . aides . emploi franc . éligible': 'non',
	// company subject to VAT: no taxe sur les salaires
	'entreprise . TVA': 'oui',
	// ≥ 250 staff: the contribution supplémentaire à l'apprentissage is due when
	// fewer than 5 % of the staff are work-study students; the default ratio is
	// 0 %. Our input does not model it: assume the 5 % are reached.
	'entreprise . salariés . ratio alternants': '5 %',
}

/** CDD: the engine spreads the end-of-contract indemnity (10 % of the pay)
 * over every month of the contract; it is switched off so that a CDD month is
 * an ordinary month. The CDD paid-leave compensation is already off by default
 * (all leave taken: `congés pris` = `congés dus`). The 1 % CPF-CDD contribution
 * (C. trav. L6322-37), due on every month's pay of a CDD, is kept. */
export const CDD_NEUTRALISED = {
	'salarié . contrat . CDD . indemnité de fin de contrat': 'non',
}

export function situationOf(input, parsedRules) {
	const { period, employer, employee } = input
	const [year, month] = period.split('-')
	const s = {}
	for (const [k, v] of Object.entries(NEUTRALISED)) if (k in parsedRules) s[k] = v
	s.date = `01/${month}/${year}`
	s['entreprise . salariés . effectif'] = `${employer.headcount} employé`
	s['établissement . taux ATMP'] = `${employer.at_rate} %`
	s['établissement . commune . taux versement mobilité'] = `${employer.mobility_rate} %`
	s['salarié . cotisations . prévoyances . santé . montant'] = `${employer.health_plan.monthly} €/mois`
	s['salarié . cotisations . prévoyances . santé . taux employeur'] = `${employer.health_plan.employer_share} %`
	s['salarié . contrat'] = `'${employee.contract}'`
	if (employee.contract === 'CDD') Object.assign(s, CDD_NEUTRALISED)
	else if (employee.contract !== 'CDI') throw new Error(`unknown contract ${employee.contract}`)
	s['salarié . contrat . statut cadre'] = employee.status === 'cadre' ? 'oui' : 'non'
	s['salarié . contrat . salaire brut'] = `${employee.base_gross} €/mois`
	const partTime = Number(employee.weekly_hours) < 35
	s['salarié . contrat . temps de travail . temps partiel'] = partTime ? 'oui' : 'non'
	if (partTime) {
		s['salarié . contrat . temps de travail . temps partiel . heures par semaine'] = `${employee.weekly_hours} heure/semaine`
		s['salarié . temps de travail . heures complémentaires'] = `${employee.overtime_hours} heure/mois`
	} else {
		if (Number(employee.weekly_hours) !== 35) throw new Error('weekly_hours above 35 is not modelled')
		s['salarié . temps de travail . heures supplémentaires'] = `${employee.overtime_hours} heure/mois`
	}
	s['impôt . méthode de calcul'] = "'taux personnalisé'"
	s['impôt . taux personnalisé'] = `${employee.tax_rate} %`
	for (const k of Object.keys(s)) if (!(k in parsedRules)) throw new Error(`rule not in this rule set: ${k}`)
	return s
}

// ---------------------------------------------------------------------------
// Outputs

export const TOTALS = {
	gross: 'salarié . rémunération . brut',
	employee_contributions: 'salarié . cotisations . salarié',
	employer_contributions: 'salarié . cotisations . employeur',
	reductions: 'salarié . cotisations . exonérations . employeur',
	net_before_tax: 'salarié . rémunération . net . à payer avant impôt',
	net_taxable: 'salarié . rémunération . net . imposable',
	net_social: 'salarié . rémunération . montant net social',
	income_tax: 'impôt . montant',
	net_paid: 'salarié . rémunération . net . payé après impôt',
	employer_cost: 'salarié . coût total employeur',
}

/** Value of a rule or expression in `unit`; null when not applicable. */
export function valueOf(engine, expr, unit) {
	const rule = engine.getParsedRules()[expr] ? null : allRules(engine)[expr]
	let node
	if (rule) {
		// private rules cannot be referenced from an expression: evaluate the rule
		node = engine.evaluate(rule)
		if (unit && typeof node.nodeValue === "number" && node.nodeValue !== 0 && unitString(node.unit) !== unit)
			throw new Error(`${expr} is in ${unitString(node.unit)}, not ${unit}`)
	} else node = engine.evaluate(unit ? { valeur: expr, unité: unit } : expr)
	return node.nodeValue === undefined ? null : node.nodeValue
}

/** Every parsed rule, private ones included (publicodes keeps them in its
 * context; getParsedRules() lists the public ones only). */
export function allRules(engine) {
	return engine.context?.parsedRules ?? engine.getParsedRules()
}

export function unitString(unit) {
	if (!unit) return ''
	const num = unit.numerators.join('.')
	return unit.denominators.length ? `${num || '1'}/${unit.denominators.join('.')}` : num
}

/** The ten totals of one situation (set beforehand), in €/month. A reduction
 * or tax that does not apply counts as 0; anything else non-numeric throws. */
export function evaluateTotals(engine) {
	const out = {}
	for (const [key, rule] of Object.entries(TOTALS)) {
		let v = valueOf(engine, rule, '€/mois')
		if (v === null && (key === 'reductions' || key === 'income_tax')) v = 0
		if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${key} (${rule}) evaluated to ${v}`)
		out[key] = v
	}
	return out
}
