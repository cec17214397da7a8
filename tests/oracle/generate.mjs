// Builds the matrix of payroll situations, evaluates each one with URSSAF's
// official engine and writes tests/payroll/fixtures/urssaf_matrix.json.
//
//   cd tests/oracle && npm ci && node generate.mjs
//
// Deterministic: the matrix comes from a seeded PRNG; only the "generated"
// date changes between two runs. See README.md.

import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import {
	VERSIONS,
	NEUTRALISED,
	CDD_NEUTRALISED,
	TOTALS,
	allRules,
	createEngine,
	evaluateTotals,
	patchList,
	rulesYearOf,
	situationOf,
	unitString,
	valueOf,
} from './engine.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const OUTPUT = path.resolve(here, '../payroll/fixtures/urssaf_matrix.json')
const TOLERANCE = 0.05
const CASE_COUNT = 240
const SEED = 0x9e9a2026

// ---------------------------------------------------------------------------
// Engines: one patched (the oracle) and one as published (to report what the
// patches change) per rule set.

const engines = {}
for (const y of ['2025', '2026']) {
	engines[y] = { patched: createEngine(y), raw: createEngine(y, { patched: false }) }
	for (const e of Object.values(engines[y])) {
		const m = e.takeMessages()
		if (m.length) throw new Error(`engine ${y} logged while loading:\n${m.join('\n')}`)
	}
}

// One engine per patch alone, to report what each patch changes by itself.
const singlePatchEngines = {}
for (const y of ['2025', '2026']) {
	const ids = patchList(y).map((p) => p.id)
	singlePatchEngines[y] = Object.fromEntries(
		ids.map((id) => [id, createEngine(y, { skip: ids.filter((x) => x !== id) })]),
	)
	for (const e of Object.values(singlePatchEngines[y])) e.takeMessages()
}

function engineFor(period, which = 'patched') {
	return engines[rulesYearOf(period)][which]
}

const periodCache = new Map()
/** SMIC and PMSS as the engine knows them for a period. */
function periodParams(period) {
	if (!periodCache.has(period)) {
		const { engine } = engineFor(period)
		const [year, month] = period.split('-')
		engine.setSituation({ date: `01/${month}/${year}` })
		periodCache.set(period, {
			smicHourly: valueOf(engine, 'SMIC . horaire', '€/heure'),
			pmss: valueOf(engine, 'plafond sécurité sociale', '€/mois'),
		})
	}
	return periodCache.get(period)
}

// ---------------------------------------------------------------------------
// Deterministic PRNG (mulberry32) and helpers

function mulberry32(seed) {
	let a = seed >>> 0
	return () => {
		a = (a + 0x6d2b79f5) >>> 0
		let t = a
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}
const rng = mulberry32(SEED)
const pick = (arr) => arr[Math.floor(rng() * arr.length)]
const intIn = (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1))

const cents = (x) => Math.round(x * 100) / 100
const ceilCents = (x) => Math.ceil(x * 100 - 1e-7) / 100
const money = (x) => x.toFixed(2)
/** Shortest decimal string of a number known to have at most 2 decimals. */
const dec = (x) => String(Number(x.toFixed(2)))

const monthlyHours = (weekly) => (weekly * 52) / 12

// ---------------------------------------------------------------------------
// The matrix

const PERIODS = ['2025-01', '2025-06', '2025-11', '2026-01', '2026-05', '2026-06', '2026-11']
const HEADCOUNTS = [5, 11, 20, 50, 250]
const MOBILITY = ['0.00', '1.00', '1.75', '2.00', '2.95']

const DEFAULTS = {
	period: '2026-11',
	headcount: 25,
	at: '1.20',
	vm: '2.00',
	health: ['40.00', '50'],
	contract: 'CDI',
	status: 'non-cadre',
	weekly: 35,
	ot: 0,
	tax: '0',
}

/**
 * spec: DEFAULTS overridden, with the pay given either as `gross` (string) or
 * as `smic`: a multiple of the SMIC for the contract's hours (full-time
 * equivalent), rounded up to the cent so that the hourly pay is never below
 * the SMIC hourly rate.
 */
function makeInput(spec) {
	const s = { ...DEFAULTS, ...spec }
	let gross = s.gross
	if (gross === undefined) {
		const { smicHourly } = periodParams(s.period)
		gross = money(ceilCents(s.smic * smicHourly * monthlyHours(s.weekly)))
	}
	return {
		period: s.period,
		employer: {
			headcount: s.headcount,
			at_rate: s.at,
			mobility_rate: s.vm,
			health_plan: { monthly: s.health[0], employer_share: s.health[1] },
		},
		employee: {
			contract: s.contract,
			status: s.status,
			weekly_hours: dec(s.weekly),
			base_gross: gross,
			overtime_hours: dec(s.ot),
			tax_rate: s.tax,
		},
	}
}

function edgeCases() {
	const E = []
	const add = (label, spec, opts = {}) => E.push({ label, input: makeInput(spec), ...opts })

	add('reference: 2026-11 non-cadre CDI 3000 €, 25 staff, AT 1.2 %, VM 2 %, health 40 € at 50 %', { gross: '3000.00' })
	add('reference + PAS 7.5 %', { gross: '3000.00', tax: '7.5' })
	add('reference + 10 h overtime', { gross: '3000.00', ot: 10 })

	const smicHeadcounts = [5, 11, 20, 50, 250, 19, 49]
	PERIODS.forEach((period, i) =>
		add(`1 SMIC full time ${period}, ${smicHeadcounts[i]} staff`, {
			period,
			smic: 1,
			headcount: smicHeadcounts[i],
			vm: MOBILITY[i % MOBILITY.length],
			at: ['0.90', '1.50', '2.08', '3.10', '0.50', '1.20', '2.40'][i],
		}),
	)
	add('1 SMIC part time 24 h, 2026-06', { period: '2026-06', smic: 1, weekly: 24, headcount: 20 })
	add('1 SMIC part time 24 h, 2025-06', { period: '2025-06', smic: 1, weekly: 24, headcount: 50 })
	add('1 SMIC part time 8 h, 2026-11', { period: '2026-11', smic: 1, weekly: 8, headcount: 11, health: ['30.00', '100'] })

	// 2025 réduction générale cut-off: 1.6 SMIC
	for (const k of [1.59, 1.6, 1.61]) add(`2025 réduction générale cut-off: ${k} SMIC`, { period: '2025-06', smic: k, headcount: 20 })
	for (const k of [1.599, 1.601])
		add(`2025 réduction générale cut-off: ${k} SMIC, 50 staff`, { period: '2025-01', smic: k, headcount: 50, vm: '2.95' })
	// 2025 reduced health (7 % ≤ 2.25 SMIC) and family (3.45 % ≤ 3.3 SMIC) rates
	for (const k of [2.249, 2.251]) add(`2025 maladie reduced-rate cut-off: ${k} SMIC`, { period: '2025-11', smic: k, headcount: 11 })
	for (const k of [3.299, 3.301])
		add(`2025 allocations familiales reduced-rate cut-off: ${k} SMIC`, { period: '2025-06', smic: k, headcount: 250 })
	// 2026 RGDU cut-off: 3 SMIC
	for (const k of [2.99, 3, 3.01]) add(`2026 RGDU cut-off: ${k} SMIC, 2026-01`, { period: '2026-01', smic: k, headcount: 20 })
	for (const k of [2.99, 3.01]) add(`2026 RGDU cut-off: ${k} SMIC, 2026-06 (new SMIC)`, { period: '2026-06', smic: k, headcount: 50 })
	add('5500 € in 2026-05: above 3 SMIC (12.02 €/h), no RGDU', { period: '2026-05', gross: '5500.00' })
	add('5500 € in 2026-06: below 3 SMIC (12.31 €/h), RGDU', { period: '2026-06', gross: '5500.00' })
	// ceiling (CET only above 1 PMSS)
	add('2026 just below the PMSS (4004 €)', { period: '2026-11', gross: '4004.00' })
	add('2026 just above the PMSS (4006 €): CET', { period: '2026-11', gross: '4006.00' })
	add('2025 cadre just below the PMSS (3924 €)', { period: '2025-06', gross: '3924.00', status: 'cadre' })
	add('2025 cadre just above the PMSS (3926 €): CET', { period: '2025-06', gross: '3926.00', status: 'cadre' })
	add('2026 cadre above 4 PMSS (16120 €), 250 staff', { period: '2026-05', gross: '16120.00', status: 'cadre', headcount: 250, tax: '18' })
	add('2025 cadre above 4 PMSS (15800 €), 50 staff', { period: '2025-11', gross: '15800.00', status: 'cadre', headcount: 50, tax: '16.4' })
	add('2026 cadre above 8 PMSS (32540 €), 50 staff', { period: '2026-11', gross: '32540.00', status: 'cadre', headcount: 50, tax: '20' })
	add('2025 cadre above 8 PMSS (31500 €), 20 staff', { period: '2025-01', gross: '31500.00', status: 'cadre', headcount: 20, tax: '19.5' })
	add('10 SMIC full time non-cadre, 2026-11', { period: '2026-11', smic: 10, headcount: 250, tax: '14' })
	// headcount thresholds
	for (const h of [49, 50]) add(`2026 headcount ${h} (FNAL, PEEC, RGDU Tdelta)`, { period: '2026-11', gross: '2500.00', headcount: h, vm: '1.75' })
	for (const h of [49, 50]) add(`2025 headcount ${h} (FNAL, PEEC, T)`, { period: '2025-06', gross: '2200.00', headcount: h })
	for (const h of [10, 11])
		add(`2026 headcount ${h} (formation pro, VM, forfait social)`, {
			period: '2026-05',
			gross: '2600.00',
			headcount: h,
			vm: '1.75',
			health: ['50.00', '60'],
		})
	for (const h of [19, 20]) add(`2026 headcount ${h} + 10 h overtime (1.50 vs 0.50 €/h)`, { period: '2026-11', gross: '2300.00', headcount: h, ot: 10 })
	for (const h of [19, 20]) add(`2025 headcount ${h} + 10 h overtime (1.50 vs none)`, { period: '2025-11', gross: '2300.00', headcount: h, ot: 10 })
	add('2025 250 staff + 12 h overtime (no flat deduction)', { period: '2025-06', gross: '2800.00', headcount: 250, ot: 12 })
	add('2026 250 staff + 12 h overtime (0.50 €/h)', { period: '2026-06', gross: '2800.00', headcount: 250, ot: 12 })
	// overtime
	add('1 SMIC + 30 h overtime, 5 staff, 2026-01', { period: '2026-01', smic: 1, ot: 30, headcount: 5 })
	add('1 SMIC + 17.33 h overtime (39 h weeks), 11 staff, 2025-01', { period: '2025-01', smic: 1, ot: 17.33, headcount: 11 })
	add('1.3 SMIC + 8.5 h overtime, 20 staff, 2026-05', { period: '2026-05', smic: 1.3, ot: 8.5, headcount: 20, tax: '3.2' })
	add(
		'cadre 8000 € + 30 h overtime: overtime pay above the monthly share of the yearly tax-exemption cap',
		{ period: '2026-11', gross: '8000.00', status: 'cadre', ot: 30, headcount: 50, tax: '12.5' },
		{ allowTaxExemptionCap: true },
	)
	add(
		'6000 € + 20 h overtime: overtime pay above the monthly share of the yearly tax-exemption cap',
		{ period: '2025-06', gross: '6000.00', ot: 20, headcount: 11, tax: '9' },
		{ allowTaxExemptionCap: true },
	)
	// part time with extra hours (all at +10 %)
	add('part time 24 h + 10 h extra, 1.3 SMIC FTE', { period: '2026-06', weekly: 24, smic: 1.3, ot: 10, headcount: 20 })
	add('part time 30 h + 13 h extra, cadre 2.5 SMIC FTE', { period: '2026-11', weekly: 30, smic: 2.5, ot: 13, status: 'cadre', headcount: 50 })
	add('part time 17.5 h + 7 h extra, 2025-11', { period: '2025-11', weekly: 17.5, smic: 1.1, ot: 7, headcount: 11, health: ['35.00', '50'] })
	add('part time 8 h + 3 h extra, 2026-01', { period: '2026-01', weekly: 8, smic: 1.2, ot: 3, headcount: 5, health: ['30.00', '50'] })
	add('part time 34 h cadre, 6 SMIC FTE (above the prorated ceiling)', { period: '2025-11', weekly: 34, smic: 6, status: 'cadre', headcount: 250, tax: '11' })
	// CDD
	add('CDD full time 1 SMIC, 2026-11', { period: '2026-11', smic: 1, contract: 'CDD', headcount: 20 })
	add('CDD part time 28 h 1.4 SMIC FTE + 2 h extra, 2025-06', { period: '2025-06', weekly: 28, smic: 1.4, ot: 2, contract: 'CDD', headcount: 11 })
	add('CDD cadre 4500 € + 8 h overtime, 2026-05', { period: '2026-05', gross: '4500.00', status: 'cadre', contract: 'CDD', ot: 8, headcount: 50, tax: '6' })
	// others
	add('low-paid cadre 1.2 SMIC (APEC, prévoyance cadre, RGDU)', { period: '2026-11', smic: 1.2, status: 'cadre', headcount: 20 })
	add('no health plan, 2026-06', { period: '2026-06', gross: '2200.00', health: ['0.00', '50'] })
	add('health plan 80 € at 100 %, 11 staff, 2025-01', { period: '2025-01', gross: '2600.00', health: ['80.00', '100'], headcount: 11 })
	add('cadre 7000 € PAS 20 %', { period: '2026-11', gross: '7000.00', status: 'cadre', tax: '20', headcount: 250 })
	add('AT 0.50 %, VM 2.95 % but 5 staff (no VM)', { period: '2026-01', gross: '2000.00', at: '0.50', vm: '2.95', headcount: 5 })
	add('AT 4.00 %, VM 2.95 %, 11 staff', { period: '2026-01', gross: '2000.00', at: '4.00', vm: '2.95', headcount: 11 })
	return E
}

const TAX_EXEMPT_CAP_MONTHLY = 669.75 // round(7500 / (1 - 0.9825 × 0.068)) / 12, as in the rules

function randomCase() {
	const period = pick(PERIODS)
	const { smicHourly } = periodParams(period)
	const contract = rng() < 0.15 ? 'CDD' : 'CDI'
	const partTime = rng() < 0.3
	const weekly = partTime ? intIn(16, 68) / 2 : 35 // 8 … 34 h by half hours
	let k
	if (!partTime && rng() < 0.08) k = 1
	else k = partTime ? Math.exp(rng() * Math.log(6)) : Math.exp(rng() * Math.log(10))
	k = Math.round(k * 1000) / 1000
	const status = rng() < (k > 3 ? 0.7 : k > 1.8 ? 0.3 : 0.1) ? 'cadre' : 'non-cadre'
	const headcount = pick(HEADCOUNTS)
	const gross = ceilCents(k * smicHourly * monthlyHours(weekly))
	let ot = 0
	if (rng() < 0.4) {
		const hourly = gross / monthlyHours(weekly)
		if (partTime) {
			const limit = Math.min(Math.floor(monthlyHours(weekly) / 10), Math.round(monthlyHours(weekly) / 10))
			ot = intIn(1, 2 * limit) / 2
		} else {
			ot = intIn(2, 60) / 2
			// keep the overtime pay under the engine's monthly tax-exemption cap
			const maxHours = Math.floor((0.97 * TAX_EXEMPT_CAP_MONTHLY) / (hourly * 1.25) * 2) / 2
			ot = Math.min(ot, maxHours)
		}
		if (ot < 0.5) ot = 0
	}
	const health = rng() < 0.15 ? ['0.00', '50'] : [money(30 + intIn(0, 100) * 0.5), String(50 + 5 * intIn(0, 10))]
	const at = money(intIn(50, 400) / 100)
	const vm = pick(MOBILITY)
	const tax = rng() < 0.25 ? '0' : dec(intIn(1, 200) / 10)
	const label =
		`random: ${period} ${contract} ${status} ${partTime ? `part time ${weekly} h` : 'full time'} ` +
		`${k} SMIC${partTime ? ' FTE' : ''}${ot ? ` + ${ot} h ${partTime ? 'extra' : 'overtime'}` : ''}, ${headcount} staff`
	return {
		label,
		input: makeInput({ period, contract, status, weekly, gross: money(gross), ot, headcount, health, at, vm, tax }),
	}
}

// ---------------------------------------------------------------------------
// Detail of one case

const C = 'salarié . cotisations . '

// Contribution lines, in payslip order. `employerFrom` names the rule whose
// computation gives the base and rate when the amount rule is a sum.
const LINES = [
	{ key: 'maladie', group: 'santé', employee: 'maladie . salarié', employer: 'maladie . employeur' },
	{ key: 'complémentaire santé', group: 'santé', employee: 'prévoyances . santé . salarié', employer: 'prévoyances . santé . employeur' },
	{ key: 'AT/MP', group: 'accidents du travail', employer: 'ATMP' },
	{ key: 'vieillesse plafonnée', group: 'retraite', employee: 'vieillesse . salarié . plafonnée', employer: 'vieillesse . employeur . plafonnée' },
	{ key: 'vieillesse déplafonnée', group: 'retraite', employee: 'vieillesse . salarié . déplafonnée', employer: 'vieillesse . employeur . déplafonnée' },
	{ key: 'retraite complémentaire', group: 'retraite', employee: 'retraite complémentaire . salarié', employer: 'retraite complémentaire . employeur' },
	{ key: 'CEG', group: 'retraite', employee: 'CEG . salarié', employer: 'CEG . employeur' },
	{ key: 'CET', group: 'retraite', employee: 'CET . salarié', employer: 'CET . employeur' },
	{ key: 'allocations familiales', group: 'famille', employer: 'allocations familiales' },
	{ key: 'assurance chômage', group: 'assurance chômage', employer: 'chômage' },
	{ key: 'AGS', group: 'assurance chômage', employer: 'AGS' },
	{ key: 'APEC', group: 'APEC', employee: 'APEC . salarié', employer: 'APEC . employeur' },
	{
		key: 'prévoyance cadre',
		group: 'prévoyance',
		employee: 'prévoyances . incapacité invalidité décès . salarié',
		employer: 'prévoyances . incapacité invalidité décès . employeur',
		employerFrom: 'prévoyances . employeur . cadres',
	},
	{ key: 'FNAL', group: 'autres contributions employeur', employer: 'FNAL' },
	{ key: 'CSA', group: 'autres contributions employeur', employer: 'CSA' },
	{ key: 'versement mobilité', group: 'autres contributions employeur', employer: 'versement mobilité' },
	{ key: 'forfait social', group: 'autres contributions employeur', employer: 'forfait social' },
	{ key: "taxe d'apprentissage", group: 'autres contributions employeur', employer: "taxe d'apprentissage . base" },
	{ key: "taxe d'apprentissage (solde)", group: 'autres contributions employeur', employer: "taxe d'apprentissage . solde" },
	{
		key: "contribution supplémentaire à l'apprentissage",
		group: 'autres contributions employeur',
		employer: "taxe d'apprentissage . contribution supplémentaire",
	},
	{ key: 'formation professionnelle', group: 'autres contributions employeur', employer: 'formation professionnelle' },
	{ key: 'CPF CDD', group: 'autres contributions employeur', employer: 'CPF CDD' },
	{ key: 'PEEC', group: 'autres contributions employeur', employer: 'PEEC' },
	{ key: 'dialogue social', group: 'autres contributions employeur', employer: 'contribution au dialogue social' },
	{ key: 'CSG déductible', group: 'CSG/CRDS', employee: 'CSG-CRDS . CSG . déductible' },
	{ key: 'CSG non déductible', group: 'CSG/CRDS', employee: 'CSG-CRDS . CSG . non déductible . revenus imposables' },
	{ key: 'CRDS', group: 'CSG/CRDS', employee: 'CSG-CRDS . CRDS' },
	{
		key: 'CSG sur heures supplémentaires/complémentaires exonérées',
		group: 'CSG/CRDS',
		employee: 'CSG-CRDS . CSG . non déductible . heures supplémentaires et complémentaires défiscalisées',
	},
]

const near = (a, b, eps = 1e-9) => Math.abs(a - b) <= eps * Math.max(1, Math.abs(a), Math.abs(b))

/** Base and rate (or tranches) of the product/scale that computes a rule. */
function breakdown(engine, rule) {
	const parsed = allRules(engine)[rule]
	if (!parsed) return {}
	const node = engine.evaluate(parsed)
	const value = node.nodeValue
	if (typeof value !== 'number' || value === 0) return {}
	const queue = [node]
	const seen = new Set()
	while (queue.length) {
		const n = queue.shift()
		if (!n || typeof n !== 'object' || seen.has(n)) continue
		seen.add(n)
		if (typeof n.nodeValue === 'number' && near(n.nodeValue, value)) {
			if (n.nodeKind === 'operation' && n.operationKind === '*') {
				const [a, b] = n.explanation
				const isRate = (x) => x?.unit?.numerators?.includes('%') || (x?.unit === undefined && x?.nodeValue < 1)
				const [rate, base] = isRate(a) && !isRate(b) ? [a, b] : isRate(b) && !isRate(a) ? [b, a] : [null, null]
				if (rate && typeof rate.nodeValue === 'number' && typeof base.nodeValue === 'number')
					return { base: base.nodeValue, rate: rate.nodeValue, rateUnit: rate.unit?.numerators?.includes('%') ? '%' : '' }
			}
			if (n.nodeKind === 'barème') {
				const m = n.explanation.multiplicateur?.nodeValue ?? 1
				let lower = 0
				const tranches = n.explanation.tranches.map((t) => {
					const upper = typeof t.plafond?.nodeValue === 'number' ? t.plafond.nodeValue * m : null
					const rate = t.taux?.nodeValue
					const out = { from: lower, to: upper }
					if (typeof rate === 'number') out.rate = rate
					out.amount = t.nodeValue ?? 0
					// part of the base inside the tranche (derived from the engine's base and bounds)
					const assiette = n.explanation.assiette?.nodeValue ?? 0
					out.base = Math.max(0, Math.min(assiette, upper ?? Infinity) - lower)
					lower = upper
					return out
				})
				return { base: n.explanation.assiette?.nodeValue, tranches }
			}
		}
		if (Array.isArray(n)) {
			queue.push(...n)
			continue
		}
		for (const [k, v] of Object.entries(n)) {
			if (k === 'parents' || k === 'rawNode' || k === 'missingVariables' || k === 'sourceMap') continue
			if (n.nodeKind === 'reference' && k === 'explanation') continue
			if (v && typeof v === 'object') queue.push(v)
		}
	}
	return {}
}

const amount = (engine, rule) => valueOf(engine, rule, '€/mois') ?? 0

function contributionTable(engine) {
	const lines = {}
	const sums = { employee: 0, employer: 0 }
	for (const l of LINES) {
		const line = { group: l.group }
		for (const side of ['employee', 'employer']) {
			if (!l[side]) continue
			const v = amount(engine, C + l[side])
			sums[side] += v
			if (v === 0) continue
			line[side] = v
			let b = breakdown(engine, C + (side === 'employer' && l.employerFrom ? l.employerFrom : l[side]))
			if (l.key === 'complémentaire santé' && side === 'employee') {
				const montant = amount(engine, C + 'prévoyances . santé . montant')
				b = { base: montant, rate: 100 - valueOf(engine, C + 'prévoyances . santé . taux employeur', '%') }
			}
			if (b.tranches) line[`${side}_tranches`] = b.tranches
			if (b.base !== undefined && line.base === undefined) line.base = b.base
			else if (b.base !== undefined && !near(b.base, line.base)) line[`${side}_base`] = b.base
			if (b.rate !== undefined) line[`${side}_rate`] = b.rate
		}
		if (line.employee !== undefined || line.employer !== undefined) lines[l.key] = line
	}
	return { lines, sums }
}

function reductionsDetail(engine, rulesYear) {
	const r = {}
	const general = rulesYear === '2026' ? 'RGDU' : 'réduction générale'
	const g = { rule: C + 'exonérations . ' + general, amount: amount(engine, C + 'exonérations . ' + general) }
	const coef = valueOf(engine, C + `exonérations . ${general} . coefficient`)
	if (coef !== null) g.coefficient = coef
	if (rulesYear === '2026') {
		g.Tmin = valueOf(engine, C + 'exonérations . Tmin')
		g.Tdelta = valueOf(engine, C + 'exonérations . Tdelta')
		g.P = valueOf(engine, C + 'exonérations . RGDU . P')
		g.formula = 'coefficient = round4(Tmin + Tdelta × (½ × (3 × smic_reference / contribution_base − 1))^P), 0 from 3 SMIC'
	} else {
		g.T = valueOf(engine, C + 'exonérations . T')
		g.formula = 'coefficient = round4(T / 0.6 × (1.6 × smic_reference / contribution_base − 1)), between 0 and T'
	}
	r[rulesYear === '2026' ? 'rgdu' : 'general_reduction'] = g
	r.overtime_employer_deduction = amount(engine, C + 'exonérations . heures supplémentaires . employeur')
	r.overtime_employee_reduction = amount(engine, C + 'exonérations . heures supplémentaires . salarié')
	const rate = valueOf(engine, C + 'exonérations . heures supplémentaires . salarié . taux des cotisations réduites', '%')
	if (r.overtime_employee_reduction && rate !== null) r.overtime_employee_reduction_rate = rate
	r.employer_total = amount(engine, C + 'exonérations . employeur')
	r.employee_total = amount(engine, C + 'exonérations . salarié')
	return r
}

const RULE_FILTER =
	/convention collective|lodeom|Acre|JEI|intermittents|\$SITUATION|\$INTERNAL|catégories|DFS|assiette forfaitaire|revenus de remplacement/

function allRuleValues(engine) {
	const out = {}
	const rules = allRules(engine)
	for (const name of Object.keys(rules)) {
		if (!name.startsWith(C) || RULE_FILTER.test(name)) continue
		const node = engine.evaluate(rules[name])
		if (typeof node.nodeValue !== 'number' || node.nodeValue === 0) continue
		out[name.slice(C.length)] = [node.nodeValue, unitString(node.unit)]
	}
	return out
}

const UNMODELLED = [
	'salarié . rémunération . indemnités CDD',
	'salarié . rémunération . avantages en nature . montant',
	'salarié . rémunération . primes',
	'salarié . rémunération . frais professionnels',
	'salarié . rémunération . frais professionnels . déductible',
	'salarié . rémunération . revenus de remplacement',
	'salarié . activité partielle . indemnités',
	'salarié . coût total employeur . aides',
	'salarié . régimes spécifiques . taxe sur les salaires',
	"salarié . cotisations . taxe d'apprentissage . contribution supplémentaire",
	'salarié . cotisations . prévoyances . conventionnelle',
	'salarié . cotisations . exonérations . lodeom . montant',
	'salarié . cotisations . exonérations . JEI . montant',
	'salarié . cotisations . exonérations . Acre',
]

const NOTIFICATION_ALLOWED = new Set([
	'salarié . contrat . CDD . information',
	'salarié . contrat . temps de travail . temps partiel . contrôle temps min',
	'salarié . contrat . salaire brut . contrôle salaire élevé',
])

function activeNotifications(engine) {
	const parsed = engine.getParsedRules()
	return Object.keys(parsed).filter(
		(n) =>
			/^(salarié|impôt) /.test(n) &&
			parsed[n].rawNode?.type === 'notification' &&
			engine.evaluate(n).nodeValue === true,
	)
}

function evaluateCase(c) {
	// The reference is the official engine as published (`raw`): expected totals
	// and detail come from it. The patched engine (gepaie's reading of the law,
	// see README) is evaluated too, for the flags and for information only.
	const E = engineFor(c.input.period, 'raw')
	const P = engineFor(c.input.period, 'patched')
	const { engine, rulesYear } = E
	const situation = situationOf(c.input, engine.getParsedRules())
	engine.setSituation(situation)
	const expected = evaluateTotals(engine)

	// welfare contributions above the deductible limits are reintegrated into
	// the bases: the caller lowers the health plan and tries again
	const reintegrated = amount(engine, C + 'prévoyances . employeur . non déductible socialement')
	const employeeNonDeductible = amount(engine, C + 'prévoyances . salarié . non déductible')
	if (reintegrated > 0 || employeeNonDeductible > 0) {
		E.takeMessages()
		return { problems: ['health plan above the deductible limits'] }
	}

	const problems = []
	const notifications = activeNotifications(engine)
	for (const n of notifications) if (!NOTIFICATION_ALLOWED.has(n)) problems.push(`notification ${n}`)
	// nothing that our input does not model may reach the totals
	for (const rule of UNMODELLED) {
		if (!allRules(engine)[rule]) throw new Error(`${rule} is not in the ${rulesYear} rules`)
		const v = valueOf(engine, rule, '€/mois')
		if (v !== null && v !== 0) problems.push(`${rule} = ${v}`)
	}
	const pay =
		Number(c.input.employee.base_gross) +
		amount(engine, 'salarié . rémunération . heures supplémentaires') +
		amount(engine, 'salarié . rémunération . heures complémentaires')
	if (!near(pay, expected.gross, 1e-12)) problems.push(`gross ${expected.gross} ≠ base + overtime ${pay}`)
	const overtimePay =
		amount(engine, 'salarié . rémunération . heures supplémentaires') +
		amount(engine, 'salarié . rémunération . heures complémentaires')
	// as published, rounded to the euro (see README: rule tax-exempt-overtime-to-the-cent)
	const taxExempt = amount(engine, 'salarié . rémunération . net . imposable . heures supplémentaires et complémentaires défiscalisées')
	const flags = []
	if (overtimePay > TAX_EXEMPT_CAP_MONTHLY) {
		if (c.allowTaxExemptionCap) flags.push('tax_exempt_overtime_capped_monthly')
		else problems.push('overtime above the monthly tax-exemption cap')
	}

	const table = contributionTable(engine)
	const reductions = reductionsDetail(engine, rulesYear)
	const detail = {
		engine: E.label,
		contributions: table.lines,
		reductions,
		parameters: {
			smic_hourly: valueOf(engine, 'SMIC . horaire', '€/heure'),
			smic_monthly_full_time: amount(engine, 'SMIC'),
			smic_reference: amount(engine, 'salarié . temps de travail . SMIC'),
			pmss: amount(engine, 'plafond sécurité sociale'),
			ceiling: amount(engine, 'salarié . temps de travail . plafond sécurité sociale'),
			contract_hours: valueOf(engine, 'salarié . contrat . temps de travail', 'heure/mois'),
			worked_hours: valueOf(engine, 'salarié . temps de travail', 'heure/mois'),
			working_time_ratio: valueOf(engine, 'salarié . temps de travail . effectif . quotité', '%'),
			overtime_hourly_rate: valueOf(engine, 'salarié . rémunération . taux horaire . heures supplémentaires', '€/heure'),
		},
		bases: {
			contribution_base: amount(engine, C + 'assiette'),
			csg_base: amount(engine, C + 'CSG-CRDS . assiette de base'),
			csg_base_exempt_overtime: amount(
				engine,
				C + 'CSG-CRDS . assiette heures supplémentaires et complémentaires défiscalisées',
			),
			overtime_pay: amount(engine, 'salarié . rémunération . heures supplémentaires'),
			extra_hours_pay: amount(engine, 'salarié . rémunération . heures complémentaires'),
			tax_exempt_overtime: taxExempt,
			employer_welfare: amount(engine, C + 'prévoyances . employeur'),
		},
		income_tax: {
			method: 'taux personnalisé',
			rate: valueOf(engine, 'impôt . taux personnalisé', '%'),
			taxable: amount(engine, 'impôt . revenu imposable'),
		},
		rules: allRuleValues(engine),
	}
	if (notifications.length) detail.notifications = notifications

	// the line table must account for every contribution of the totals
	const employeeCheck = table.sums.employee - reductions.employee_total
	const employerCheck = table.sums.employer - reductions.employer_total
	if (!near(employeeCheck, expected.employee_contributions, 1e-9))
		problems.push(`employee lines ${employeeCheck} ≠ ${expected.employee_contributions}`)
	if (!near(employerCheck, expected.employer_contributions, 1e-9))
		problems.push(`employer lines ${employerCheck} ≠ ${expected.employer_contributions}`)

	// For information (the C++ test computes every effect itself): the totals
	// of the engine with all patches (gepaie's reading), and the change that each
	// patch makes alone, where they differ from the published rules.
	const totalsWith = (e) => {
		e.engine.setSituation(situation)
		return evaluateTotals(e.engine)
	}
	const differences = (t) => {
		const d = {}
		for (const k of Object.keys(TOTALS)) if (Math.abs(t[k] - expected[k]) > 1e-6) d[k] = t[k] - expected[k]
		return d
	}
	const patched = totalsWith(P)
	const patchedDiff = {}
	for (const k of Object.keys(TOTALS)) if (Math.abs(patched[k] - expected[k]) > 1e-6) patchedDiff[k] = patched[k]
	if (Object.keys(patchedDiff).length) detail.patched_totals = patchedDiff
	const effects = {}
	for (const [id, e] of Object.entries(singlePatchEngines[rulesYear])) {
		const d = differences(totalsWith(e))
		if (Object.keys(d).length) effects[id] = d
	}
	if (Object.keys(effects).length) detail.patch_effects = effects

	for (const e of [E, P, ...Object.values(singlePatchEngines[rulesYear])]) {
		const m = e.takeMessages()
		if (m.length) problems.push(`engine messages: ${m.join(' | ')}`)
	}
	return { expected, detail, flags, problems }
}

// ---------------------------------------------------------------------------
// Identities checked on every case (reported in README.md)

const IDENTITIES = {
	'employer_cost = gross + employer_contributions': (x) => x.employer_cost - (x.gross + x.employer_contributions),
	'net_before_tax = gross - employee_contributions': (x) => x.net_before_tax - (x.gross - x.employee_contributions),
	'net_paid = net_before_tax - income_tax': (x) => x.net_paid - (x.net_before_tax - x.income_tax),
	'income_tax = round(12 × net_taxable × tax_rate) / 12 (the yearly tax to the euro)': (x, input) =>
		x.income_tax - Math.round((12 * x.net_taxable * Number(input.employee.tax_rate)) / 100) / 12,
	'net_social = net_before_tax': (x) => x.net_social - x.net_before_tax,
	'net_taxable = net_before_tax + CSG non déductible + CRDS + CSG on exempt overtime + employer welfare (health share and cadre prévoyance) − tax-exempt overtime (to the euro)':
		(x, input, d) => {
			const L = d.contributions
			const add = ['CSG non déductible', 'CRDS', 'CSG sur heures supplémentaires/complémentaires exonérées']
				.map((k) => L[k]?.employee ?? 0)
				.reduce((a, b) => a + b, 0)
			return x.net_taxable - (x.net_before_tax + add + d.bases.employer_welfare - d.bases.tax_exempt_overtime)
		},
}

// ---------------------------------------------------------------------------

function main() {
	const candidates = edgeCases()
	const cases = []
	let rejected = 0
	let lowered = 0
	const accept = (c) => {
		// lower the health plan while it exceeds the deductible limits (see README)
		for (;;) {
			const r = evaluateCase(c)
			const healthOnly = r.problems.length === 1 && r.problems[0] === 'health plan above the deductible limits'
			if (healthOnly && Number(c.input.employer.health_plan.monthly) >= 10) {
				c.input.employer.health_plan.monthly = money(Number(c.input.employer.health_plan.monthly) - 10)
				lowered++
				console.error(`lowered the health plan of "${c.label}" to ${c.input.employer.health_plan.monthly} €`)
				continue
			}
			return r
		}
	}
	for (const c of candidates) {
		const r = accept(c)
		if (r.problems.length) throw new Error(`edge case "${c.label}": ${r.problems.join('; ')}`)
		cases.push({ ...c, ...r })
	}
	while (cases.length < CASE_COUNT) {
		const c = randomCase()
		const r = accept(c)
		if (r.problems.length) {
			rejected++
			console.error(`dropped "${c.label}": ${r.problems.join('; ')}`)
			continue
		}
		cases.push({ ...c, ...r })
	}

	const identityMax = Object.fromEntries(Object.keys(IDENTITIES).map((k) => [k, 0]))
	for (const c of cases)
		for (const [k, f] of Object.entries(IDENTITIES))
			identityMax[k] = Math.max(identityMax[k], Math.abs(f(c.expected, c.input, c.detail)))

	const fixture = {
		generator: 'tests/oracle/generate.mjs',
		reference: 'official engine as published (modele-social, unpatched)',
		engine: {
			'modele-social': VERSIONS['modele-social'],
			'modele-social (2025 periods)': VERSIONS['modele-social-2025'],
			publicodes: VERSIONS.publicodes,
		},
		generated: new Date().toISOString().slice(0, 10),
		tolerance: TOLERANCE,
		notes: notes(),
		flags: {
			tax_exempt_overtime_capped_monthly: {
				affects: ['net_taxable', 'income_tax', 'net_paid'],
				why: 'overtime pay above 669.75 €, the 1/12 of the yearly income-tax exemption cap that the engine applies to every month; a payroll that applies the yearly cap to the year-to-date amount exempts the whole month (see notes)',
			},
		},
		contribution_rules: Object.fromEntries(
			LINES.map((l) => [
				l.key,
				Object.fromEntries(['employee', 'employer'].filter((k) => l[k]).map((k) => [k, C + l[k]])),
			]),
		),
		identities: Object.fromEntries(Object.entries(identityMax).map(([k, v]) => [k, `max |difference| ${v.toExponential(2)} €`])),
		cases: cases.map((c, i) => {
			const out = { id: `u${String(i + 1).padStart(3, '0')}`, label: c.label, input: c.input, expected: c.expected }
			if (c.flags.length) out.flags = c.flags
			out.detail = c.detail
			return out
		}),
	}
	mkdirSync(path.dirname(OUTPUT), { recursive: true })
	writeFileSync(OUTPUT, serialise(fixture))
	const flagged = cases.filter((c) => c.flags.length).length
	console.log(
		`wrote ${path.relative(process.cwd(), OUTPUT)}: ${cases.length} cases (${candidates.length} edge, ` +
			`${cases.length - candidates.length} random, ${rejected} random dropped, ${flagged} flagged)`,
	)
	for (const [k, v] of Object.entries(identityMax)) console.log(`  ${k}: max |diff| ${v.toExponential(2)}`)
}

function notes() {
	const n = [
		'Reference: the official engine AS PUBLISHED (no patch). expected, detail.contributions, detail.reductions, detail.bases and detail.parameters are those of the published rules. Where gepaie reads the law differently, tests/payroll/urssaf_matrix_tests.cpp computes the exact effect of each named rule from the case (see tests/oracle/README.md, "Rules where gepaie differs"); detail.patched_totals (all patches) and detail.patch_effects (each patch alone, change of each total) are for information only.',
		'Values are euros per month, unrounded, as the engine computes them; a payslip rounds each line to the cent, so compare with the tolerance.',
		`2026 periods: modele-social ${VERSIONS['modele-social']}. 2025 periods: modele-social ${VERSIONS['modele-social-2025']}, the last release with the 2025 réduction générale (1.6 SMIC) and reduced maladie/allocations familiales rates; ${VERSIONS['modele-social']} applies the 2026 RGDU to any date.`,
		'Input mapping: date = first day of the period; base_gross → salarié . contrat . salaire brut; weekly_hours < 35 → temps partiel + heures par semaine; overtime_hours → heures supplémentaires (full time, +25 %) or heures complémentaires (part time, +10 %); headcount → entreprise . salariés . effectif; at_rate → établissement . taux ATMP; mobility_rate → établissement . commune . taux versement mobilité; health_plan → prévoyances . santé . montant / taux employeur; tax_rate → impôt . méthode de calcul = taux personnalisé + impôt . taux personnalisé.',
		'Hourly rate of overtime/extra hours = base_gross / (weekly_hours × 52 / 12) exactly (151.666… h for full time, not 151.67); SMIC reference of the reductions = SMIC hourly × (contract hours + overtime/extra hours).',
		`CDD: ${Object.keys(CDD_NEUTRALISED).join(', ')} = non: the engine spreads the 10 % end-of-contract indemnity over every month of the contract; switched off, a CDD month is an ordinary month. The paid-leave compensation of a CDD is off by default (all leave taken). The 1 % CPF-CDD contribution (salarié . cotisations . CPF CDD, C. trav. L6322-37), due on every month of a CDD, is kept (employer side).`,
		`Neutralised defaults (set explicitly): ${Object.entries(NEUTRALISED)
			.map(([k, v]) => `${k} = ${v}`)
			.join('; ')}.`,
		'Headcount ≥ 250: the contribution supplémentaire à l’apprentissage is neutralised by assuming 5 % work-study students (ratio alternants).',
		'The mandatory cadre prévoyance (1.50 % of T1, employer) is kept: it is a legal minimum and the engine always applies it to cadres; it is in employer_contributions, in the CSG/CRDS base and, for ≥ 11 staff, in the forfait social base (8 %) with the employer health share; it is not taxable (see the net-taxable patch) and not in the montant net social (BOSS doctrine since 2024-01-01: employer welfare contributions are not added, all employee contributions are deducted, so net_social = net_before_tax here).',
		'Health plans were kept within the engine’s deductible limits (employer share ≤ 6 % PMSS + 1.5 % of gross, at most 12 % PMSS; employee share ≤ 5 % PMSS + 2 % of gross); the generator lowers a plan by 10 € until it is, so no case reintegrates welfare contributions into the base.',
		'Tax exemption of overtime: the engine applies 1/12 of the yearly cap (7500 € / (1 − 0.9825 × 6.8 %) = 8037 €/year, 669.75 €/month) to each month, and rounds the exempt amount to the euro. Cases flagged tax_exempt_overtime_capped_monthly go over 669.75 €; all other cases stay under it.',
		'income_tax = round(12 × net_taxable × tax_rate) / 12 (the engine rounds the yearly tax to the euro); net_paid = net_before_tax − income_tax.',
		'detail.contributions: one line per contribution (employee/employer amount, base, rate; tranches for AGIRC-ARRCO/CEG); detail.rules: every non-zero salarié . cotisations rule as [value, unit]; detail.patched_totals: the totals of the patched rules where they differ; detail.patch_effects: for each patch alone, how much it changes each total.',
	]
	for (const y of ['2026', '2025'])
		for (const p of patchList(y)) {
			const text = `Patch ${p.id} (${y} rules; informative, not in expected): ${p.why}`
			if (!n.some((x) => x.includes(`Patch ${p.id} `))) n.push(text)
			else {
				const i = n.findIndex((x) => x.includes(`Patch ${p.id} `))
				n[i] = n[i].replace(`(${y === '2025' ? '2026' : '2025'} rules;`, '(2025 and 2026 rules;')
			}
		}
	return n
}

/** Pretty JSON with one case per block of lines: the header indented by one
 * space, each case's `input`/`expected` on single lines and its `detail` compact. */
function serialise(f) {
	const { cases, ...head } = f
	const headJson = JSON.stringify(head, null, 1).replace(/\n}$/, '')
	const caseJson = cases.map((c) => {
		const parts = Object.entries(c).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
		return ` {\n${parts.join(',\n')}\n }`
	})
	return `${headJson},\n "cases": [\n${caseJson.join(',\n')}\n ]\n}\n`
}

main()
